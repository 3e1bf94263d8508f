import type { Page } from '@playwright/test';
import { expect, imagesSettled, showPage, test } from './fixtures.ts';

/**
 * The keyboard shortcut for "Scan this page for QR codes" (manifest `commands`), pressed the way a person
 * does, through the browser's own shortcut handling: a key event sent to the tab with the DevTools
 * Protocol's `Input.dispatchKeyEvent` as `rawKeyDown` with the native key code (measured: Playwright's
 * `keyboard.press`, or `keyDown` without the native code, reach the page but not the browser's shortcuts).
 * No `activeTab` grant is made by the test: the command itself must grant it, as the menu does.
 */
async function pressAltShiftQ(page: Page): Promise<void> {
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  const key = {
    modifiers: 1 | 8,
    key: 'Q',
    code: 'KeyQ',
    windowsVirtualKeyCode: 81,
    nativeVirtualKeyCode: 81,
  };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

test('shortcut: Alt+Shift+Q scans the page in front, as the page menu does', async ({
  page,
  server,
  extension,
}) => {
  const text = 'otpauth://totp/Shortcut:bob@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Shortcut';
  await showPage(
    page,
    server,
    `<h1>Two-factor set-up</h1><img src="${server.qrUrl(text, { scale: 5 })}" alt="">`,
  );
  await imagesSettled(page);
  const sw = await extension.serviceWorker();
  // Before the shortcut the extension cannot see the tab (no host permission, no grant yet).
  expect(
    await sw.evaluate(async (url) => (await chrome.tabs.query({})).some((t) => t.url === url), page.url()),
  ).toBe(false);
  await pressAltShiftQ(page);
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('issuer')).toHaveText('Shortcut');
  await expect(entry.getByTestId('account')).toHaveText('bob@example.com');
  await expect(popup.locator('.done-title')).toHaveText('Found on this page');
});

test('shortcut: the popup and the onboarding page show the shortcut and where to change it', async ({
  context,
  extension,
}) => {
  const popup = await extension.openPopup();
  const hint = popup.getByTestId('shortcut-hint');
  await expect(hint).toHaveText(
    'Keyboard shortcut: Alt+Shift+Q scans the page in front for QR codes. To change it, open chrome://extensions/shortcuts.',
  );
  await expect(hint.locator('kbd')).toHaveAttribute('dir', 'ltr');
  await expect(popup.getByTestId('scan-page')).toHaveAttribute('title', 'Scan this page (Alt+Shift+Q)');
  const onboarding = context.pages().find((p) => p.url().endsWith('/onboarding.html'));
  if (!onboarding) throw new Error('no onboarding tab');
  await expect(onboarding.getByTestId('shortcut-hint')).toContainText('Alt+Shift+Q');
});
