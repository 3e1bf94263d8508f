import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { findChromium } from '../scripts/chromium.mjs';
import { EXTENSION_DIR } from './fixtures.ts';
import { extensionLaunchArgs } from './launch-args.ts';

export interface LocaleBrowser {
  context: BrowserContext;
  id: string;
  close(): Promise<void>;
}

/**
 * A browser started in another language, as a person's would be: `--lang` (which picks the extension's
 * `_locales`), the `LANGUAGE`/`LANG` environment Linux reads, and Playwright's `locale` (navigator.language);
 * E2E-RECIPE.md measured that all three are needed. Right-to-left needs Debian's `chromium-l10n` language
 * packs (`@@bidi_dir`).
 */
export async function launchInLanguage(lang: string): Promise<LocaleBrowser> {
  const executablePath = await findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH.');
  const tag = lang.replace(/_/g, '-');
  const userDataDir = await mkdtemp(join(tmpdir(), `qrkr-${lang}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath,
    locale: tag,
    viewport: { width: 1000, height: 700 },
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    args: extensionLaunchArgs(EXTENSION_DIR, [`--lang=${tag}`]),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
