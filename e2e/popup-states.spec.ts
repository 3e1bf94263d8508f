import { TOTP } from 'otpauth';
import { expect, imagesSettled, showPage, test } from './fixtures.ts';
import { expectCurrentCode } from './live-code.ts';
import { expectNoAxeViolations, popupScreenshot, scanQr } from './popup-support.ts';

const GITHUB =
  'otpauth://totp/GitHub:octocat%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub';

test('idle: what to do, with Scan this page and Open an image', async ({ extension }) => {
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByText('Right-click the QR code on the page.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Scan this page' })).toBeVisible();
  await expect(popup.getByText('Open an image…')).toBeVisible();
  await expect(popup.getByTestId('file-input')).toHaveCount(1);
  await expectNoAxeViolations(popup);
  await popupScreenshot(popup, 'popup-idle');
});

test('done: an account card with the key grouped in fours and the settings', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanQr(page, server, extension, GITHUB);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveAttribute('data-kind', 'otp');
  await expect(entry.getByTestId('issuer')).toHaveText('GitHub');
  await expect(entry.getByTestId('account')).toHaveText('octocat@example.com');
  await expect(entry.getByTestId('secret')).toHaveText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  await expect(entry.getByTestId('type')).toHaveText('TOTP');
  await expect(entry.getByTestId('algorithm')).toHaveText('SHA1');
  await expect(entry.getByTestId('digits')).toHaveText('6');
  await expect(entry.getByTestId('period')).toHaveText('30');
  await expect(entry.getByTestId('counter')).toHaveCount(0);
  await expect(entry.getByTestId('reveal')).toHaveCount(0);
  await expect(popup.getByText(/Deleted automatically at .* \(5 minutes after reading\)/)).toBeVisible();
  await expectNoAxeViolations(popup);
  await popupScreenshot(popup, 'popup-account');
  await popupScreenshot(popup, 'popup-account-dark', 'dark');
});

test('the shown code equals the code computed independently, and follows the clock', async ({
  page,
  server,
  extension,
}) => {
  const uri =
    'otpauth://totp/Example%20Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example%20Bank&algorithm=SHA256&digits=8&period=60';
  const popup = await scanQr(page, server, extension, uri);
  const totp = new TOTP({
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
  });
  const code = popup.getByTestId('code');
  await expect(code).toHaveText(/^\d{4} \d{4}$/);
  await expectCurrentCode(
    () => code.textContent(),
    (timestamp) => totp.generate({ timestamp }),
  );
  await expect(popup.getByTestId('digits')).toHaveText('8');
  await expect(popup.getByTestId('period')).toHaveText('60');
  await expect(popup.getByTestId('algorithm')).toHaveText('SHA256');
});

test('HOTP: the code for the counter in the QR code, and the counter shown', async ({
  page,
  server,
  extension,
}) => {
  const uri = 'otpauth://hotp/Example:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example&counter=7';
  const popup = await scanQr(page, server, extension, uri);
  const entry = popup.getByTestId('entry');
  await expect(entry.getByTestId('type')).toHaveText('HOTP');
  await expect(entry.getByTestId('counter')).toHaveText('7');
  await expect(entry.getByTestId('period')).toHaveCount(0);
  const { HOTP } = await import('otpauth');
  const expected = new HOTP({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }).generate({ counter: 7 });
  await expect(entry.getByTestId('code')).toHaveText(`${expected.slice(0, 3)} ${expected.slice(3)}`);
});

test('text that is not an account is inert, with a copy button; links are not opened', async ({
  page,
  server,
  extension,
  context,
}) => {
  const link = 'https://example.com/enroll?token=<b>bold</b>';
  const popup = await scanQr(page, server, extension, link);
  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveAttribute('data-kind', 'text');
  await expect(entry.getByTestId('text')).toHaveText(link);
  await expect(entry.locator('a, b')).toHaveCount(0);
  await expect(popup.getByText('It is not opened for you')).toBeVisible();
  const pagesBefore = context.pages().length;
  await entry.getByTestId('text').click();
  await entry.getByTestId('copy-text').click();
  await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(context.pages().length).toBe(pagesBefore);
  await expectNoAxeViolations(popup);
});

test('error: what happened and what to try', async ({ page, server, extension }) => {
  server.serve(
    '/blank.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="#8ac"/></svg>',
    'image/svg+xml',
  );
  const src = `${server.origin}/blank.svg`;
  await showPage(page, server, `<img src="${src}" alt="a picture without a QR code">`);
  await imagesSettled(page);
  const popup = await extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toHaveText(/No QR code was found in this image\. Zoom in/);
  await expect(popup.getByRole('button', { name: 'Scan this page' })).toBeVisible();
  await expectNoAxeViolations(popup);
  await popupScreenshot(popup, 'popup-error');
});

test('scanning: shown from the menu click until the result replaces it', async ({
  page,
  server,
  extension,
}) => {
  const popup = await extension.openPopup();
  const states: string[] = [];
  await popup.exposeFunction('recordState', (state: string) => states.push(state));
  await popup.evaluate(() => {
    const result = document.querySelector('[data-testid="result"]');
    if (!result) throw new Error('no result element');
    // Only changes count: the popup's first render may set `idle` again once its settings are loaded.
    new MutationObserver((records) => {
      if (records.every((r) => r.oldValue === result.getAttribute('data-state'))) return;
      const visible = result.querySelector('.state-scanning p')?.textContent ?? '';
      (window as unknown as { recordState(s: string): void }).recordState(
        `${result.getAttribute('data-state')}:${visible}`,
      );
    }).observe(result, { attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  });
  const src = server.qrUrl(GITHUB);
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  expect(states[0]).toBe('scanning:Reading the QR code in the image…');
  // The scanning state's own look, for axe: a scan that has just started.
  await popup.evaluate(() =>
    chrome.storage.session.set({
      scan: { state: 'scanning', scanId: 'axe', source: 'page', startedAt: Date.now(), owner: 'axe' },
    }),
  );
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'scanning');
  await expect(popup.getByRole('status').first()).toContainText('Looking for QR codes on this page…');
  await expectNoAxeViolations(popup);
});

test('Clear forgets the result at once', async ({ page, server, extension }) => {
  const popup = await scanQr(page, server, extension, GITHUB);
  await popup.getByTestId('clear').click();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByText('Cleared. Nothing of that scan is kept.')).toBeVisible();
  await expect(popup.getByTestId('scan-page')).toBeFocused();
  await expect(popup.getByTestId('entry')).toHaveCount(0);
  const stored = await popup.evaluate(() => chrome.storage.session.get(null));
  expect(stored).toEqual({});
  const reopened = await extension.openPopup();
  await expect(reopened.getByTestId('result')).toHaveAttribute('data-state', 'idle');
});
