// Makes sure a Firefox, and the language packs its locale specs use, exist for the Firefox e2e tests. On a
// Debian machine, as root, it installs Debian's `firefox-esr` (and `firefox-esr-l10n-*`) and says so;
// anywhere else it stops with the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX_INSTALL_COMMAND, FIREFOX_PACKAGES, findFirefox, missingLanguagePacks } from './firefox.mjs';

const found = await findFirefox();
const debianFirefox = !process.env.FIREFOX_PATH;
if (found && (!debianFirefox || missingLanguagePacks().length === 0)) {
  console.log(`e2e: using Firefox at ${found}`);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
  console.log(`e2e: installing Debian's ${FIREFOX_PACKAGES.join(' ')} (apt-get install -y)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...FIREFOX_PACKAGES], { stdio: 'inherit', env });
  console.log(`e2e: installed ${await findFirefox()}`);
} else {
  console.error(
    `e2e: ${found ? "Firefox's language packs are missing" : 'no Firefox found'}. Install them with:\n  ${FIREFOX_INSTALL_COMMAND}\nor set FIREFOX_PATH to a Firefox binary.`,
  );
  process.exit(1);
}
