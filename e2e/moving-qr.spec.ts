import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import { expect, test } from './fixtures.ts';
import { decodePng, phoneScreenshot, pngFile, qrPng, sampleExport } from './moving-support.ts';
import { clipboardText, expectNoAxeViolations, popupScreenshot } from './popup-support.ts';

/**
 * Issue 11: "Show QR code" draws one account as a fresh QR code of its otpauth:// link, large, with a
 * quiet zone; it scans back to the same account; hidden like the key; gone with the result.
 */

/** Accounts with every setting a QR code must carry over (the export's own accounts come on top). */
const URIS = [
  'otpauth://totp/ACME%20Co:jane.doe%2Bwork%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
  'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&digits=8&period=60',
  'otpauth://hotp/Bank:bob?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Bank&counter=42&algorithm=SHA512',
  'otpauth://totp/Steam:gamer?secret=ONSWG4TFOQYTEMZU&issuer=Steam&encoder=steam',
  'otpauth://totp/%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE:%E5%B1%B1%E7%94%B0?secret=KRUGS4ZANFZSAYJAORSXG5A&issuer=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE',
];

/** What an app makes of an account: every field but the warnings and the export position. */
function essentials(text: string) {
  const [entry] = readQrText(text);
  if (entry?.kind !== 'otp') throw new Error(`not an account: ${text}`);
  const { warnings: _w, batch: _b, ...rest } = entry.account;
  return rest;
}

/** The element's screenshot, its width in CSS pixels, and whether its outer 4 modules are all white. */
async function inspectQr(qr: Locator): Promise<{ texts: string[]; cssWidth: number; quietZone: boolean }> {
  const png = await qr.screenshot();
  const box = await qr.boundingBox();
  const side = await qr.evaluate((svg) => Number(svg.getAttribute('viewBox')?.split(' ')[2]));
  const image = PNG.sync.read(png);
  const band = Math.floor((4 * image.width) / side) - 1;
  let white = true;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const inBand = x < band || y < band || x >= image.width - band || y >= image.height - band;
      if (inBand && (image.data[(y * image.width + x) * 4] ?? 0) < 200) white = false;
    }
  }
  return { texts: await decodePng(png), cssWidth: box?.width ?? 0, quietZone: white };
}

async function readFiles(popup: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await popup.getByTestId('file-input').setInputFiles(files);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
}

test('every account’s QR code, large with its quiet zone, scans back to it: the link copy-uri copies', async ({
  extension,
}) => {
  const exported = sampleExport(31_337, 2, 2);
  const popup = await extension.openPopup();
  await readFiles(popup, [
    ...(await Promise.all(URIS.map(async (text, i) => pngFile(`${i}.png`, await qrPng(text))))),
    ...(await Promise.all(
      exported.parts.map(async (text, i) => pngFile(`p${i}.png`, await phoneScreenshot(text))),
    )),
  ]);
  const cards = popup.locator('[data-testid="entry"][data-kind="otp"]');
  await expect(cards).toHaveCount(URIS.length + exported.accounts.length);
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await expect(card.getByTestId('account-qr')).toHaveCount(0);
    await card.getByTestId('show-qr').click();
    const qr = card.getByTestId('account-qr');
    await expect(qr).toBeVisible();
    const { texts, cssWidth, quietZone } = await inspectQr(qr);
    expect(cssWidth).toBeGreaterThanOrEqual(200);
    expect(quietZone).toBe(true);
    await card.getByTestId('copy-uri').click();
    await expect.poll(() => clipboardText(popup)).toMatch(/^otpauth:\/\//);
    const copied = await clipboardText(popup);
    expect(texts).toEqual([copied]);
    const issuer = await card.getByTestId('issuer').textContent();
    expect(essentials(texts[0] ?? '')).toMatchObject({ issuer: issuer ?? '' });
    if (i < URIS.length) expect(essentials(texts[0] ?? '')).toEqual(essentials(URIS[i] ?? ''));
    else expect(essentials(texts[0] ?? '').secret).toBe(exported.accounts[i - URIS.length]?.secret);
    // Pressed again, the code goes away.
    await card.getByTestId('show-qr').click();
    await expect(qr).toHaveCount(0);
  }
});

test('while keys are hidden the QR code is not drawn; Show key draws it, Hide key removes it', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  await popup.getByText('Privacy settings').click();
  await popup.getByLabel('Hide keys until I press “Show key”').check();
  await readFiles(popup, [pngFile('a.png', await qrPng(URIS[0] ?? ''))]);
  const card = popup.getByTestId('entry');
  await card.getByTestId('show-qr').click();
  await expect(card.getByText(/stays hidden like the key/)).toBeVisible();
  await expect(card.getByTestId('account-qr')).toHaveCount(0);
  expect(await card.locator('svg, canvas, img').count()).toBe(0);

  await card.getByTestId('reveal').click();
  await expect(card.getByTestId('account-qr')).toBeVisible();
  expect((await inspectQr(card.getByTestId('account-qr'))).texts).toHaveLength(1);

  await card.getByTestId('hide-key').click();
  await expect(card.getByTestId('account-qr')).toHaveCount(0);
  await expect(card.getByText(/stays hidden like the key/)).toBeVisible();
});

test('the QR code is gone with the result: Clear, or the next scan', async ({ extension }) => {
  const popup = await extension.openPopup();
  await readFiles(popup, [pngFile('a.png', await qrPng(URIS[0] ?? ''))]);
  await popup.getByTestId('show-qr').click();
  await expect(popup.getByTestId('account-qr')).toBeVisible();
  await popupScreenshot(popup, 'popup-account-qr');
  await expectNoAxeViolations(popup);
  await popup.getByTestId('clear').click();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByTestId('account-qr')).toHaveCount(0);
  await expect(popup.locator('svg')).toHaveCount(0);

  await readFiles(popup, [pngFile('a.png', await qrPng(URIS[1] ?? ''))]);
  await popup.getByTestId('show-qr').click();
  await expect(popup.getByTestId('account-qr')).toBeVisible();
  await readFiles(popup, [pngFile('b.png', await qrPng(URIS[2] ?? ''))]);
  await expect(popup.getByTestId('issuer')).toHaveText('Bank');
  await expect(popup.getByTestId('account-qr')).toHaveCount(0);
});
