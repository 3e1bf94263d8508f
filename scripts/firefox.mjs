// Finds the Firefox the e2e tests drive: $FIREFOX_PATH, or Debian's firefox-esr. Shared by
// scripts/ensure-firefox.mjs and the Firefox e2e driver (e2e/firefox/driver.ts).
import { existsSync } from 'node:fs';

export const FIREFOX_PACKAGE = 'firefox-esr';
export const FIREFOX_INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y firefox-esr';

export async function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path));
}
