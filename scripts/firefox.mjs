// Finds the Firefox the e2e tests drive: $FIREFOX_PATH, or Debian's firefox-esr. Shared by
// scripts/ensure-firefox.mjs and the Firefox e2e driver (e2e/firefox/driver.ts).
import { existsSync } from 'node:fs';

export const FIREFOX_PACKAGE = 'firefox-esr';

/** The language packs the Firefox locale specs start Firefox in (e2e/firefox/locale-*.spec.ts). */
export const FIREFOX_LANGUAGES = ['ar', 'ja'];
export const FIREFOX_PACKAGES = [
  FIREFOX_PACKAGE,
  ...FIREFOX_LANGUAGES.map((lang) => `firefox-esr-l10n-${lang}`),
];
export const FIREFOX_INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${FIREFOX_PACKAGES.join(' ')}`;

export async function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path));
}

/** Debian's language packs missing from /usr/lib/firefox-esr (only checked for Debian's own Firefox). */
export function missingLanguagePacks() {
  return FIREFOX_LANGUAGES.filter(
    (lang) =>
      !existsSync(`/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`),
  );
}
