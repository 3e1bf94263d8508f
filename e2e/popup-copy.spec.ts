import { URI } from 'otpauth';
import { expect, test } from './fixtures.ts';
import { clipboardText, scanQr } from './popup-support.ts';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ACME = `otpauth://totp/ACME%20Co:jane.doe%2Bwork%40example.com?secret=${SECRET.toLowerCase()}&issuer=ACME%20Co`;

test('each copy button puts exactly its text on the clipboard, and says so', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanQr(page, server, extension, ACME);
  const entry = popup.getByTestId('entry');

  await entry.getByTestId('copy-secret').click();
  await expect(entry.getByTestId('copy-secret')).toHaveText('Copied ✓');
  await expect.poll(() => clipboardText(popup)).toBe(SECRET);

  await entry.getByTestId('copy-account').click();
  await expect(entry.getByTestId('copy-account')).toHaveText('Copied ✓');
  await expect.poll(() => clipboardText(popup)).toBe('jane.doe+work@example.com');

  await entry.getByTestId('copy-uri').click();
  await expect(entry.getByTestId('copy-uri')).toHaveText('Copied ✓');
  const uri = await clipboardText(popup);
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const parsed = URI.parse(uri);
  expect(parsed.secret.base32).toBe(SECRET);
  expect(parsed.issuer).toBe('ACME Co');
  expect(parsed.label).toBe('jane.doe+work@example.com');
  expect(parsed.algorithm).toBe('SHA1');
  expect(parsed.digits).toBe(6);
  expect((parsed as { period?: number }).period).toBe(30);

  // The feedback goes away again, so the next copy is announced too.
  await expect(entry.getByTestId('copy-secret')).toHaveText('Copy key');
});

test('keys hidden until revealed: the setting persists, without any secret in storage.local', async ({
  page,
  server,
  extension,
}) => {
  const settingsPopup = await extension.openPopup();
  await settingsPopup.getByText('Privacy settings').click();
  await settingsPopup.getByLabel('Hide keys until I press “Show key”').check();
  await expect
    .poll(() => settingsPopup.evaluate(() => chrome.storage.local.get(null)))
    .toEqual({ settings: { hideKeys: true, clearClipboard: false } });

  const popup = await scanQr(page, server, extension, ACME);
  const entry = popup.getByTestId('entry');
  const secret = entry.getByTestId('secret');
  await expect(secret).toHaveText('•••• •••• •••• •••• •••• •••• •••• ••••');
  await expect(secret).not.toHaveText(/[A-Z2-7]{4}/);

  // The masked key still copies in full.
  await entry.getByTestId('copy-secret').click();
  await expect.poll(() => clipboardText(popup)).toBe(SECRET);

  await entry.getByTestId('reveal').click();
  await expect(secret).toHaveText('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  await expect(entry.getByTestId('reveal')).toHaveCount(0);
  await expect(entry.getByTestId('hide-key')).toBeFocused();
  await entry.getByTestId('hide-key').click();
  await expect(entry.getByTestId('reveal')).toBeVisible();

  const local = JSON.stringify(await popup.evaluate(() => chrome.storage.local.get(null)));
  expect(local).not.toContain(SECRET);
  expect(local).not.toContain('jane.doe');
});

test('keyboard only: Tab reaches the copy buttons in reading order and Enter copies', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanQr(page, server, extension, ACME);
  const order: string[] = [];
  await popup.locator('body').focus();
  for (let i = 0; i < 12; i++) {
    await popup.keyboard.press('Tab');
    order.push(
      await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.textContent?.trim() ?? '';
      }),
    );
  }
  const copyKey = order.indexOf('copy-secret');
  expect(copyKey).toBeGreaterThan(order.indexOf('clear'));
  expect(order.indexOf('copy-uri')).toBe(copyKey + 1);
  expect(order.indexOf('copy-account')).toBe(copyKey + 2);
  expect(order.indexOf('scan-page')).toBeGreaterThan(copyKey + 2);

  await popup.getByTestId('copy-account').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => clipboardText(popup)).toBe('jane.doe+work@example.com');
});
