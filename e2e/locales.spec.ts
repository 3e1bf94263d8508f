import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { encodeExport, exportUri } from '../src/core/otp/test-helpers/migration-encoder.ts';
import { launchInLanguage } from './locale-browser.ts';
import { expectNoAxeViolations, SCREENSHOTS } from './popup-support.ts';

/**
 * Every language the extension ships, in a browser started in that language: the popup in each of its
 * states (warnings shown) and the onboarding page are in that language, laid out in its direction, with no
 * text overflowing its box at the popup's width and no horizontal scrollbar. A screenshot per language.
 */
const LOCALES = readdirSync(resolve(import.meta.dirname, '..', '_locales')).sort();
const RIGHT_TO_LEFT = new Set(['ar', 'he']);
/** axe in a right-to-left and a CJK language (the other languages share their layout with en/de/fr). */
const AXE = new Set(['ar', 'ja']);

function message(lang: string, key: string): string {
  for (const file of readdirSync(resolve(import.meta.dirname, '..', '_locales', lang))) {
    const table = JSON.parse(readFileSync(join(import.meta.dirname, '..', '_locales', lang, file), 'utf8'));
    if (table[key]) return table[key].message as string;
  }
  throw new Error(`${lang}: no message ${key}`);
}

const secret = (text: string) => new TextEncoder().encode(text);
/** Codes that between them show every kind of entry and every warning the popup can give. */
const CODES = [
  'otpauth://totp/Old%20Name:alice.longname@example.com?secret=JBSWY3DP&issuer=Example%20Bank&algorithm=SHA512&digits=8&period=60',
  'otpauth://totp/Widget?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=MD5',
  'otpauth://hotp/Example:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example&counter=7',
  'otpauth://totp/Steam:gabe?secret=JBSWY3DPEHPK3PXP&encoder=steam',
  exportUri(
    encodeExport({
      accounts: [
        { secret: secret('1234567890'), name: 'carol@example.com', issuer: 'Mail', type: 2 },
        { secret: secret('abcdefghij'), name: 'dave', issuer: 'Forum', type: 2, digits: 2 },
      ],
      batchSize: 3,
      batchIndex: 1,
    }),
  ),
  'https://example.com/a/very/long/address/that/keeps/going/without/any/break/at/all?and=a&query=string',
  'otpauth://totp/Broken?issuer=Nobody',
  'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/abc',
];

/** Boxes whose text does not fit (`scrollWidth` beyond `clientWidth`), and a horizontal scrollbar. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const boxes = document.querySelectorAll<HTMLElement>(
      'button, label, h1, h2, h3, summary, dt, dd, select, .label, .batch, .countdown, .hint, p, li',
    );
    for (const box of boxes) {
      if (box.getClientRects().length === 0 || box.clientWidth === 0 || box.closest('.sr-only')) continue;
      if (box.scrollWidth > box.clientWidth + 1)
        found.push(
          `${box.tagName.toLowerCase()}.${box.className}: “${box.textContent?.trim().slice(0, 60)}”`,
        );
    }
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`horizontal scrollbar (${root.scrollWidth} px)`);
    return found;
  });
}

type StoredScan = Record<string, unknown>;

async function show(popup: Page, scan: StoredScan, state: string): Promise<void> {
  await popup.evaluate((value) => chrome.storage.session.set({ scan: value }), scan);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', state);
}

for (const lang of LOCALES) {
  test(`${lang}: popup and onboarding in ${lang}, laid out ${RIGHT_TO_LEFT.has(lang) ? 'right to left' : 'left to right'}, nothing overflowing`, async () => {
    const browser = await launchInLanguage(lang);
    try {
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 400, height: 640 });
      await popup.goto(`chrome-extension://${browser.id}/popup.html`);
      const html = popup.locator('html');
      await expect(html).toHaveAttribute('lang', lang.replace('_', '-'));
      await expect(html).toHaveAttribute('dir', RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr');
      await expect(popup.getByRole('heading', { name: message(lang, 'idleTitle') })).toBeVisible();
      await popup.locator('details.settings summary').click();
      await expect(popup.getByText(message(lang, 'settingHideKeys'))).toBeVisible();
      expect(await overflowing(popup), 'idle').toEqual([]);
      if (AXE.has(lang)) await expectNoAxeViolations(popup);

      await show(
        popup,
        { state: 'scanning', scanId: 's', source: 'page', startedAt: Date.now(), owner: 'l10n' },
        'scanning',
      );
      await expect(popup.getByText(message(lang, 'scanning_page'))).toBeVisible();
      expect(await overflowing(popup), 'scanning').toEqual([]);

      await show(
        popup,
        { state: 'error', scanId: 'e', source: 'page', finishedAt: Date.now(), error: 'file-access-needed' },
        'error',
      );
      await expect(popup.getByTestId('error-message')).toHaveText(message(lang, 'errorFileAccessNeeded'));
      expect(await overflowing(popup), 'error').toEqual([]);
      if (AXE.has(lang)) await expectNoAxeViolations(popup);

      // A result with every part of the moving-accounts view: parts of an export still to read, a file
      // without a code, "Copy all" and "Save as…".
      await show(
        popup,
        {
          state: 'done',
          scanId: 'd',
          source: 'file',
          finishedAt: Date.now(),
          codes: CODES.map((text) => ({ text })),
          parts: { size: 3, read: [2] },
          fileErrors: [{ name: 'IMG_20261201_093012.png', error: 'no-qr-in-image' }],
        },
        'done',
      );
      await expect(popup.getByTestId('batch-status')).toBeVisible();
      await expect(popup.getByTestId('file-error')).toBeVisible();
      await expect(popup.getByTestId('export-save')).toBeVisible();
      await expect(popup.getByTestId('entry')).toHaveCount(9);
      await expect(popup.getByTestId('warning').first()).toBeVisible();
      // Keys and codes read left to right, grouped as in English, whatever the page's direction.
      const key = popup.getByTestId('secret').nth(2);
      await expect(key).toHaveText('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
      expect(await key.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
      expect(
        await popup
          .getByTestId('code')
          .first()
          .evaluate((e) => getComputedStyle(e).direction),
      ).toBe('ltr');
      expect(await overflowing(popup), 'done').toEqual([]);
      await popup.getByTestId('show-qr').first().click();
      await expect(popup.getByTestId('account-qr')).toBeVisible();
      expect(await overflowing(popup), 'an account as a QR code').toEqual([]);
      if (AXE.has(lang)) await expectNoAxeViolations(popup);
      await mkdir(join(SCREENSHOTS, 'locales'), { recursive: true });
      await popup.emulateMedia({ reducedMotion: 'reduce' });
      // The top of the result (an account with every warning), as the toolbar popup shows it first: the
      // click on "Show QR code" scrolled the QR code into view.
      await popup.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await expect.poll(() => popup.evaluate(() => window.scrollY)).toBe(0);
      await popup.screenshot({
        path: join(SCREENSHOTS, 'locales', `popup-${lang}.png`),
        animations: 'disabled',
      });

      // The camera page, in a browser without a camera: its sentence, in the language and its direction.
      const camera = await browser.context.newPage();
      await camera.setViewportSize({ width: 400, height: 700 });
      await camera.goto(`chrome-extension://${browser.id}/camera.html`);
      await expect(camera.getByTestId('camera-status')).toHaveAttribute('data-state', /^(no-camera|denied)$/);
      await expect(camera.locator('html')).toHaveAttribute('dir', RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr');
      expect(await overflowing(camera), 'camera page').toEqual([]);
      await camera.close();

      const onboarding = await browser.context.newPage();
      await onboarding.setViewportSize({ width: 400, height: 800 });
      await onboarding.goto(`chrome-extension://${browser.id}/onboarding.html`);
      await expect(onboarding.locator('html')).toHaveAttribute(
        'dir',
        RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr',
      );
      await expect(onboarding.getByRole('heading', { level: 1 })).toHaveText(message(lang, 'obTitle'));
      await onboarding.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      await expect(onboarding.getByText(message(lang, 'obGoogle2'))).toBeVisible();
      expect(await overflowing(onboarding), 'onboarding at the popup width').toEqual([]);
      await onboarding.setViewportSize({ width: 1280, height: 800 });
      expect(await overflowing(onboarding), 'onboarding at 1280 px').toEqual([]);
      if (AXE.has(lang)) await expectNoAxeViolations(onboarding);
    } finally {
      await browser.close();
    }
  });
}
