// Makes sure a Firefox exists for the Firefox e2e tests. On a Debian machine, as root, it installs Debian's
// `firefox-esr` package and says so; anywhere else it stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX_INSTALL_COMMAND, FIREFOX_PACKAGE, findFirefox } from './firefox.mjs';

const found = await findFirefox();
if (found) {
  console.log(`e2e: using Firefox at ${found}`);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
  console.log(
    `e2e: no Firefox found; installing Debian's ${FIREFOX_PACKAGE} package (apt-get install -y ${FIREFOX_PACKAGE})…`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', FIREFOX_PACKAGE], { stdio: 'inherit', env });
  console.log(`e2e: installed ${await findFirefox()}`);
} else {
  console.error(
    `e2e: no Firefox found. Install one with:\n  ${FIREFOX_INSTALL_COMMAND}\nor set FIREFOX_PATH to a Firefox binary.`,
  );
  process.exit(1);
}
