import type { Page } from '@playwright/test';
import { type ExtensionDriver, expect, imagesSettled, showPage, test } from './fixtures.ts';
import { clipboardText } from './popup-support.ts';
import type { TestServer } from './server.ts';

/**
 * "Empty the clipboard a minute after I copy a key". Turning the option on asks the browser for
 * `clipboardRead` (a prompt no test can answer), so these tests start from the option already saved; the
 * test browser lets pages read the clipboard. The popup's minute runs on Playwright's fake clock.
 */
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const URI = `otpauth://totp/Clipco:me?secret=${SECRET}&issuer=Clipco`;

test.beforeEach(async ({ extension }) => {
  const setup = await extension.openPopup();
  await setup.evaluate(() =>
    chrome.storage.local.set({ settings: { hideKeys: false, clearClipboard: true } }),
  );
  await setup.close();
});

/** A popup (on the fake clock) showing a scanned account whose key was just copied. */
async function popupWithKey(page: Page, server: TestServer, extension: ExtensionDriver): Promise<Page> {
  const popup = await page.context().newPage();
  await popup.clock.install();
  await popup.goto(`chrome-extension://${extension.id}/popup.html`);
  const src = server.qrUrl(URI);
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await expect(popup.getByTestId('secret')).toBeVisible();
  await popup.bringToFront();
  await popup.getByTestId('copy-secret').click();
  await expect.poll(() => clipboardText(popup)).toBe(SECRET);
  return popup;
}

test('a minute after “Copy key” the clipboard is emptied, and only a fingerprint was kept', async ({
  page,
  server,
  extension,
}) => {
  const popup = await popupWithKey(page, server, extension);
  const pending = JSON.stringify(await popup.evaluate(() => chrome.storage.session.get('clipboard-clear')));
  expect(pending).toMatch(/"digest":"[0-9a-f]{64}"/);
  expect(pending).not.toContain(SECRET);

  await popup.clock.fastForward('00:59');
  expect(await clipboardText(popup)).toBe(SECRET);
  await popup.clock.fastForward('00:02');
  await expect.poll(() => clipboardText(popup)).toBe('');
  await expect.poll(() => popup.evaluate(() => chrome.storage.session.get('clipboard-clear'))).toEqual({});
});

test('something else copied since is left alone', async ({ page, server, extension }) => {
  const popup = await popupWithKey(page, server, extension);
  await popup.evaluate(() => navigator.clipboard.writeText('a note the person copied later'));
  await popup.clock.fastForward('01:01');
  await expect.poll(() => popup.evaluate(() => chrome.storage.session.get('clipboard-clear'))).toEqual({});
  expect(await clipboardText(popup)).toBe('a note the person copied later');
});

test('with the popup closed, the background’s alarm does it, and never clears unread', async ({
  page,
  server,
  extension,
}) => {
  const popup = await popupWithKey(page, server, extension);
  await popup.close();
  const sw = await extension.serviceWorker();
  expect(await sw.evaluate(() => chrome.alarms.get('clear-clipboard').then((a) => a?.name))).toBe(
    'clear-clipboard',
  );
  await sw.evaluate(() =>
    (chrome.alarms.onAlarm as unknown as { dispatch(a: unknown): void }).dispatch({
      name: 'clear-clipboard',
      scheduledTime: Date.now(),
    }),
  );
  await expect.poll(() => sw.evaluate(() => chrome.storage.session.get('clipboard-clear'))).toEqual({});
  // This test browser did not grant `clipboardRead` to the extension, so the offscreen document cannot
  // check what the clipboard holds: it leaves it alone rather than risk deleting something else.
  const reader = await page.context().newPage();
  await reader.goto(`chrome-extension://${extension.id}/popup.html`);
  expect(await clipboardText(reader)).toBe(SECRET);
});
