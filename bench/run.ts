// `npm run bench [-- <corpus dir>]`: reads the shared QR corpus with the project's decoder and, in the same
// run, with jsQR alone and zxing-wasm alone; prints successes per folder, median and p95 times, the ratios,
// and the timings of a 1920×1080 image without a code and of 6000×6000 images.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { qrPixels } from '../test/helpers/qr-pixels.ts';
import { timeCamera } from './camera-timings.ts';
import { type CorpusImage, isRead, loadCorpus } from './corpus.ts';
import {
  type Engine,
  jsqrAlone,
  lastPasses,
  project,
  useZxingFromNodeModules,
  zxingAlone,
} from './engines.ts';
import { timeLargeImages } from './large-images.ts';
import { timeManyFiles } from './many-files.ts';
import { median, ms, quantile } from './stats.ts';
import { timeWorker } from './worker-timings.ts';

const root = resolve(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.QR_CORPUS ?? '../shared/corpus',
);
if (!existsSync(root)) {
  console.error(`No corpus at ${root}: pass its path (npm run bench -- /path/to/corpus) or set QR_CORPUS.`);
  process.exit(1);
}
const REPEATS = 3;
const engines: Engine[] = [project, zxingAlone, jsqrAlone];

useZxingFromNodeModules();
if (process.argv.includes('--camera-only')) {
  await timeCamera();
  process.exit(0);
}
if (process.argv.includes('--large-only')) {
  await timeLargeImages(engines, qrPixels);
  await timeWorker();
  await timeManyFiles();
  await timeCamera();
  process.exit(0);
}
console.log(`corpus: ${root}`);
const images = await loadCorpus(root);
console.log(
  `${images.length} images decoded to RGBA with sharp; ${REPEATS} timed runs per image and decoder`,
);

// Warm up: compile the wasm and let the JIT see every path once.
for (const engine of engines) for (const image of images.slice(0, 5)) await engine.read(image.pixels);

interface Row {
  image: CorpusImage;
  read: boolean[];
  ms: number[];
  /** The project decoder's pass that read the expected text. */
  pass?: string;
}
const rows: Row[] = [];
for (const image of images) {
  const times: number[][] = engines.map(() => []);
  const read = engines.map(() => false);
  let pass: string | undefined;
  for (let r = 0; r < REPEATS; r++) {
    // Rotate the order so no decoder always runs on a cold cache.
    for (let k = 0; k < engines.length; k++) {
      const e = (k + r) % engines.length;
      const engine = engines[e] as Engine;
      const start = performance.now();
      const texts = await engine.read(image.pixels);
      times[e]?.push(performance.now() - start);
      if (r === 0) read[e] = isRead(image, texts);
      if (r === 0 && engine === project)
        pass = texts.filter((t) => image.expected.includes(t)).map((t) => lastPasses.get(t))[0];
    }
  }
  rows.push({ image, read, ms: times.map(median), ...(pass && { pass }) });
}

const folders = [...new Set(images.map((i) => i.folder))];
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n${'folder'.padEnd(20)}${pad('images', 8)}${engines.map((e) => pad(e.name, 12)).join('')}`);
const line = (label: string, subset: Row[]) =>
  console.log(
    `${label.padEnd(20)}${pad(subset.length, 8)}${engines.map((_, e) => pad(subset.filter((r) => r.read[e]).length, 12)).join('')}`,
  );
for (const folder of folders)
  line(
    folder,
    rows.filter((r) => r.image.folder === folder),
  );
for (const source of ['zxing', 'zxing-cpp']) {
  line(
    `${source} total`,
    rows.filter((r) => r.image.folder.startsWith(`${source}/`)),
  );
}
line('all', rows);

console.log('\nper-image time (median of runs), over all images:');
const timesOf = (e: number) => rows.map((r) => r.ms[e] ?? Number.NaN);
for (const [e, engine] of engines.entries()) {
  console.log(
    `  ${engine.name.padEnd(12)} median ${ms(median(timesOf(e)))}, p95 ${ms(quantile(timesOf(e), 0.95))}`,
  );
}
const ratio = (q: number, e: number) => quantile(timesOf(0), q) / quantile(timesOf(e), q);
console.log(`  project / zxing-wasm: median ${ratio(0.5, 1).toFixed(2)}×, p95 ${ratio(0.95, 1).toFixed(2)}×`);
console.log(`  project / jsQR:       median ${ratio(0.5, 2).toFixed(2)}×, p95 ${ratio(0.95, 2).toFixed(2)}×`);

const missed = rows.filter((r) => !r.read[0]).map((r) => `${r.image.folder}/${r.image.file}`);
console.log(`\nnot read by the project (${missed.length}): ${missed.join(' ')}`);
const byPass = new Map<string, number>();
for (const row of rows) if (row.pass) byPass.set(row.pass, (byPass.get(row.pass) ?? 0) + 1);
console.log(
  `images read, by the project's pass that read them: ${[...byPass].map(([p, n]) => `${p} ${n}`).join(', ')}`,
);
const onlyProject = rows.filter((r) => r.read[0] && !r.read[1] && !r.read[2]).length;
console.log(`read by the project but by neither library alone: ${onlyProject}`);

await timeLargeImages(engines, qrPixels);
await timeWorker();
await timeManyFiles();
await timeCamera();
