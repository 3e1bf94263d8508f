import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, expect } from '@playwright/test';
import { findChromium } from '../scripts/chromium.mjs';
import { EXTENSION_DIR } from './fixtures.ts';
import { expectNoAxeViolations } from './popup-support.ts';

/** A browser started in another language: `--lang` and the `LANGUAGE` environment variable, as Linux reads it. */
async function launchIn(
  lang: string,
): Promise<{ context: BrowserContext; id: string; close(): Promise<void> }> {
  const executablePath = await findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH.');
  const userDataDir = await mkdtemp(join(tmpdir(), `qrkr-${lang}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}_${lang.toUpperCase()}.UTF-8` },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
    ],
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

const CASES = [
  {
    lang: 'de',
    idle: 'Klicken Sie mit der rechten Maustaste auf den QR-Code auf der Seite.',
    scan: 'Diese Seite scannen',
    open: 'Bild öffnen …',
    welcome: 'Willkommen bei QR Key Reader',
    clock: 'Die Uhr des Telefons muss automatisch gestellt sein',
  },
  {
    lang: 'fr',
    idle: 'Faites un clic droit sur le QR code de la page.',
    scan: 'Analyser cette page',
    open: 'Ouvrir une image…',
    welcome: 'Bienvenue dans QR Key Reader',
    clock: 'L’horloge du téléphone doit être réglée automatiquement',
  },
];

for (const expected of CASES) {
  base(`the popup and the onboarding page speak ${expected.lang}`, async () => {
    const browser = await launchIn(expected.lang);
    try {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.id}/popup.html`);
      await expect(popup.locator('html')).toHaveAttribute('lang', new RegExp(`^${expected.lang}`));
      await expect(popup.getByText(expected.idle)).toBeVisible();
      await expect(popup.getByRole('button', { name: expected.scan })).toBeVisible();
      await expect(popup.getByText(expected.open)).toBeVisible();
      await expectNoAxeViolations(popup);

      // A result in this language too: a text entry's heading and its copy button.
      await popup.evaluate(() =>
        chrome.storage.session.set({
          scan: {
            state: 'done',
            scanId: 'l10n',
            source: 'file',
            finishedAt: Date.now(),
            codes: [{ text: 'hello' }],
          },
        }),
      );
      await expect(popup.getByTestId('text')).toHaveText('hello');
      await expect(popup.getByTestId('copy-text')).not.toHaveText('Copy text');

      const onboarding = await browser.context.newPage();
      await onboarding.goto(`chrome-extension://${browser.id}/onboarding.html`);
      await expect(onboarding.getByRole('heading', { level: 1 })).toHaveText(expected.welcome);
      await expect(onboarding.getByText(expected.clock)).toBeVisible();
      await expect(onboarding.getByText('How to use it')).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });
}
