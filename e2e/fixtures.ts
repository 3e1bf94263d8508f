import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { findChromium } from '../scripts/chromium.mjs';
import { extensionLaunchArgs } from './launch-args.ts';
import { startServer, type TestServer } from './server.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', 'dist', 'chrome');

/** What the browser passes to `contextMenus.onClicked` as `info`. */
export interface MenuInfo {
  menuItemId: 'read-qr-image' | 'scan-qr-page';
  srcUrl?: string;
  frameId?: number;
  frameUrl?: string;
  mediaType?: 'image' | 'video';
}

export interface ExtensionDriver {
  id: string;
  /** The service worker (re-found if it was restarted). */
  serviceWorker(): Promise<Worker>;
  /** Grants activeTab on the page's tab as a toolbar click does (DevTools Protocol), as in E2E-RECIPE.md. */
  grantActiveTab(page: Page): Promise<void>;
  /** Right-click → menu item: grants activeTab, then fires the real `onClicked` listener with (info, tab). */
  clickMenu(page: Page, info: MenuInfo): Promise<void>;
  /** Opens `popup.html` in a window of its own; resolves once it has drawn the stored scan. */
  openPopup(): Promise<Page>;
  /** Clicks the menu on `page` and returns the popup showing the finished scan (`done` or `error`). */
  scan(page: Page, info: MenuInfo): Promise<Page>;
}

interface Fixtures {
  context: BrowserContext;
  extension: ExtensionDriver;
}

export const test = base.extend<Fixtures, { server: TestServer; chromiumPath: string }>({
  chromiumPath: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const path = await findChromium();
      if (!path)
        throw new Error('No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH.');
      await use(path);
    },
    { scope: 'worker' },
  ],
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ chromiumPath }, use, testInfo) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'qrkr-e2e-'));
    const project = testInfo.project.use as {
      deviceScaleFactor?: number;
      launchOptions?: { args?: string[] };
    };
    const scale = project.deviceScaleFactor ?? 1;
    const context = await chromium.launchPersistentContext(userDataDir, {
      headless: true,
      executablePath: chromiumPath,
      deviceScaleFactor: scale,
      viewport: { width: 1000, height: 700 },
      // A project's own flags, e.g. --force-device-scale-factor=2 for a truly HiDPI window (screenshots in
      // device pixels), which deviceScaleFactor alone only emulates for the page.
      args: extensionLaunchArgs(EXTENSION_DIR, project.launchOptions?.args ?? []),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  extension: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    const id = new URL(worker.url()).host;
    // Installing opens the onboarding tab (src/background/onboarding.ts). Wait for it, so it cannot come to
    // the front later, in the middle of a test, and take the place of the page under test.
    const onboarding = `chrome-extension://${id}/onboarding.html`;
    await expect.poll(() => context.pages().some((p) => p.url() === onboarding)).toBe(true);
    const serviceWorker = async (): Promise<Worker> => {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      return live ?? context.waitForEvent('serviceworker');
    };
    const browser = context.browser();
    const cdp = browser ? await browser.newBrowserCDPSession() : undefined;
    const grantActiveTab = async (page: Page): Promise<void> => {
      if (!cdp) throw new Error('no browser CDP session');
      // A toolbar click acts on the tab in front: the page must be it (the onboarding tab may have opened later).
      await page.bringToFront();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const target = targetInfos.find((t) => t.url === page.url());
      if (!target) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id, targetId: target.targetId });
      // triggerAction can return before the grant is applied, and the browser process knows of it before the
      // page's renderer does (which checks it again when a script is injected). Wait until the grant is in
      // force where a scan needs it: a script can run in the page (or it is one of the extension's own
      // pages, which need none). Before that, the image menu's grab would be refused and the scan would fall
      // back to reading every code on screen (seen once on a busy machine).
      const sw = await serviceWorker();
      await expect
        .poll(() =>
          sw.evaluate(async (pageUrl) => {
            const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
            if (tab?.id === undefined) return 'tab not visible';
            // The extension's own pages (onboarding) are read without a script in them (own-page.ts).
            if (pageUrl.startsWith(chrome.runtime.getURL(''))) return 'scriptable';
            try {
              await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => true });
              return 'scriptable';
            } catch (error) {
              return String(error);
            }
          }, page.url()),
        )
        .toBe('scriptable');
    };
    const clickMenu = async (page: Page, info: MenuInfo): Promise<void> => {
      await page.bringToFront();
      await grantActiveTab(page);
      const sw = await serviceWorker();
      const fired = await sw.evaluate(
        async ([menuInfo, pageUrl]) => {
          const tabs = await chrome.tabs.query({});
          const tab = tabs.find((t) => t.url === pageUrl);
          if (!tab) return false;
          const fullInfo = { frameId: 0, editable: false, pageUrl, ...menuInfo };
          // `dispatch` exists on extension events in Chromium but is not in the public typings.
          (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
            fullInfo,
            tab,
          );
          return true;
        },
        [info, page.url()] as const,
      );
      if (!fired) throw new Error(`the tab of ${page.url()} was not visible to the extension`);
    };
    /**
     * Like the toolbar popup, it must not change the tab in front of the page's window (a scan may still be
     * taking a screenshot of it), so it opens in a window of its own rather than as a tab beside the page.
     */
    const openPopup = async (): Promise<Page> => {
      // A query of its own tells this page apart from any result window the extension opened itself.
      const popupUrl = `chrome-extension://${id}/popup.html?opened-by-test=${Math.random().toString(36).slice(2)}`;
      const opened = context.waitForEvent('page', { predicate: (p) => p.url() === popupUrl });
      const sw = await serviceWorker();
      await sw.evaluate(
        (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 700 }).then(() => undefined),
        popupUrl,
      );
      const popup = await opened;
      // Ready as the person sees it: it has drawn the stored scan (the result region is `aria-busy` until
      // then), so its script has run and attached its listeners, and what a test does next meets the popup's
      // own state. (Playwright's load-state events of an extension window were seen never to arrive.)
      await expect(popup.getByTestId('result')).not.toHaveAttribute('aria-busy', 'true');
      return popup;
    };
    const scan = async (page: Page, info: MenuInfo): Promise<Page> => {
      await clickMenu(page, info);
      const popup = await openPopup();
      await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(done|error)$/, {
        timeout: 20_000,
      });
      return popup;
    };
    await use({ id, serviceWorker, grantActiveTab, clickMenu, openPopup, scan });
    await cdp?.detach().catch(() => undefined);
  },
});

export { expect };

/** A page on the test server that shows `body`; the path is made unique so its tab can be found by URL. */
export async function showPage(
  page: Page,
  server: TestServer,
  body: string,
  origin = server.origin,
): Promise<string> {
  const path = `/page-${Math.random().toString(36).slice(2)}.html`;
  server.serve(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><title>test</title></head><body>${body}</body></html>`,
  );
  await page.goto(`${origin}${path}`);
  return page.url();
}

/** Waits until every image on the page has finished loading (or failed). */
export async function imagesSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}
