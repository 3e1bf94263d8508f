// `npm test`: every stage, one after another, each timed. Stops at the first failure with its exit code and
// prints a summary of the stages run, so a slow or failing stage is plain to see.
import { spawn } from 'node:child_process';

/** The stages, in order: a name and the npm script it runs. */
const STAGES = [
  ['build', 'build'],
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['unit tests', 'test:unit'],
  ['web-ext lint', 'lint:firefox'],
  ['e2e Chromium', 'test:e2e'],
  ['e2e Firefox', 'test:e2e:firefox'],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const done = [];
const started = Date.now();
let failed;
for (const [name, script] of STAGES) {
  console.log(`\n━━ ${name} (npm run ${script})`);
  const t0 = Date.now();
  const code = await run(script);
  const ms = Date.now() - t0;
  done.push({ name, ms, code });
  console.log(`━━ ${name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds(ms)}`);
  if (code !== 0) {
    failed = code;
    break;
  }
}

console.log('\nnpm test: time per stage');
for (const { name, ms, code } of done) {
  console.log(`  ${code === 0 ? '✓' : '✗'} ${name.padEnd(14)} ${seconds(ms).padStart(9)}`);
}
for (const [name] of STAGES.slice(done.length)) console.log(`  - ${name.padEnd(14)}   not run`);
console.log(`  total          ${seconds(Date.now() - started).padStart(9)}`);
process.exit(failed ?? 0);
