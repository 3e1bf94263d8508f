// Finds the Chromium the tests drive: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or a browser that
// Playwright installed. Shared by scripts/ensure-chromium.mjs and the e2e fixtures.
import { existsSync } from 'node:fs';

export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium chromium-l10n';

/** Debian's `chromium-l10n` language packs (right-to-left locales need them); one of its files. */
export const LANGUAGE_PACK = '/usr/lib/chromium/locales/ar.pak';
export const L10N_INSTALL_COMMAND = 'sudo apt-get install -y chromium-l10n';

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    const { chromium } = await import('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core is optional here: no bundled browser to offer.
  }
  return candidates.find((path) => path && existsSync(path));
}
