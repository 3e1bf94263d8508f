import type { Page } from '@playwright/test';
import { type ExtensionDriver, expect, type MenuInfo } from './fixtures.ts';

/**
 * Helpers of the grab specs. The result popup is opened as a tab *before* the menu click and the page is
 * brought back to the front, so the screenshot the extension takes shows the page, as it does for a person
 * (whose popup is not a tab). The popup follows the scan live through storage.onChanged.
 */
export async function scanWithPopup(extension: ExtensionDriver, page: Page, info: MenuInfo): Promise<Page> {
  if (process.env.QRKR_DEBUG) {
    const sw = (await extension.serviceWorker()) as unknown as {
      on(event: 'console', listener: (message: { text(): string }) => void): void;
    };
    sw.on('console', (message) => console.log(`service worker: ${message.text()}`));
  }
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(idle|done|error)$/);
  await clickMenuGranted(extension, page, info);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(done|error)$/, {
    timeout: 30_000,
  });
  return popup;
}

/**
 * The menu click of fixtures.ts, once `activeTab` is in force. `Extensions.triggerAction` can return before
 * the browser has applied the grant (seen under heavy load: "Cannot access contents of the page"), while a
 * person's right-click always grants it before the menu event; so the grant is awaited first.
 */
export async function clickMenuGranted(
  extension: ExtensionDriver,
  page: Page,
  info: MenuInfo,
): Promise<void> {
  await page.bringToFront();
  await extension.grantActiveTab(page);
  const sw = await extension.serviceWorker();
  await expect
    .poll(() =>
      sw.evaluate(async (pageUrl) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
        if (tab?.id === undefined) return 'no tab';
        return chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => true }).then(
          () => 'granted',
          (error: unknown) => String(error),
        );
      }, page.url()),
    )
    .toBe('granted');
  await extension.clickMenu(page, info);
}

/** The scan ended with exactly these text entries, in this order. */
export async function expectTexts(popup: Page, texts: string[]): Promise<void> {
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  await expect(popup.getByTestId('text')).toHaveText(texts);
}

/** The scan ended with a visible sentence matching `sentence`. */
export async function expectError(popup: Page, sentence: RegExp): Promise<void> {
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toBeVisible();
  await expect(popup.getByTestId('error-message')).toHaveText(sentence);
}

export function imageClick(srcUrl: string, extra: Partial<MenuInfo> = {}): MenuInfo {
  return { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl, ...extra };
}

export const PAGE_SCAN: MenuInfo = { menuItemId: 'scan-qr-page' };

/**
 * The extension's id for the frame of `page` showing `frameUrl`, as `contextMenus.onClicked` would pass it.
 * Frames the extension may enter answer `scripting.executeScript`; a cross-origin frame refuses with
 * "Cannot access contents", while an id that is no frame of the tab answers "No frame with id": that
 * difference finds the frame's id without any permission the extension lacks.
 */
export async function frameIdOf(extension: ExtensionDriver, page: Page, frameUrl: string): Promise<number> {
  await extension.grantActiveTab(page);
  const sw = await extension.serviceWorker();
  // Just after the grant, a frame may not answer yet: ask again until it does (the test's timeout bounds it).
  const lookUp = (): Promise<number> =>
    sw.evaluate(
      async ([pageUrl, url]) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
        if (tab?.id === undefined) return -1;
        const readable = await chrome.scripting.executeScript({
          target: { tabId: tab.id, allFrames: true },
          func: () => location.href,
        });
        const match = readable.find((r) => r.result === url);
        if (match) return match.frameId;
        const known = new Set(readable.map((r) => r.frameId));
        for (let frameId = 1; frameId < 200; frameId++) {
          if (known.has(frameId)) continue;
          try {
            await chrome.scripting.executeScript({
              target: { tabId: tab.id, frameIds: [frameId] },
              func: () => 0,
            });
          } catch (error) {
            if (/Cannot access/.test(String(error))) return frameId;
          }
        }
        return -1;
      },
      [page.url(), frameUrl] as const,
    );
  let id = -1;
  await expect
    .poll(async () => {
      id = await lookUp();
      return id;
    })
    .toBeGreaterThanOrEqual(0);
  if (id < 0) throw new Error(`no frame showing ${frameUrl}`);
  return id;
}

/** Page zoom, as Ctrl + / Ctrl − sets it. */
export async function setZoom(extension: ExtensionDriver, page: Page, factor: number): Promise<void> {
  await extension.grantActiveTab(page);
  const sw = await extension.serviceWorker();
  const before = await page.evaluate(() => window.devicePixelRatio);
  await sw.evaluate(
    async ([pageUrl, zoom]) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) throw new Error('tab not found');
      await chrome.tabs.setZoom(tab.id, zoom);
    },
    [page.url(), factor] as const,
  );
  await page.waitForFunction(([base, zoom]) => Math.abs(window.devicePixelRatio - base * zoom) < 0.05, [
    before,
    factor,
  ] as const);
}
