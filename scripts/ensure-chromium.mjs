// Makes sure a Chromium exists for the e2e tests. On a Debian machine, as root, it installs Debian's
// `chromium` package and says so; anywhere else it stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, INSTALL_COMMAND } from './chromium.mjs';

const found = await findChromium();
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
  console.log("e2e: no Chromium found; installing Debian's chromium package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  console.log(`e2e: installed ${await findChromium()}`);
} else {
  console.error(
    `e2e: no Chromium found. Install one with:\n  ${INSTALL_COMMAND}\nor set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}
