import { test as base, expect } from '@playwright/test';
import { launchInLanguage as launchIn } from './locale-browser.ts';
import { expectNoAxeViolations } from './popup-support.ts';

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
