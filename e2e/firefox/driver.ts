/**
 * Drives the built Firefox extension (`dist/firefox`) in a real Firefox ESR, the way a person uses it: a real
 * right-click opens Firefox's own context menu and the extension's item in it is activated (the browser then
 * calls `menus.onClicked` with its own `info` and grants `activeTab`). Over WebDriver BiDi with
 * puppeteer-core 24 (see ../shared/E2E-RECIPE.md, "Firefox"). Used by the Firefox e2e specs and by
 * `npm run bench:e2e`; nothing in the extension knows about it.
 *
 * Stable API (other branches build on it; add, do not change):
 * - `launchFirefox(options?)` → `FirefoxExtension`: starts Firefox headless with the extension installed as a
 *   temporary add-on under the fixed origin `moz-extension://${EXTENSION_UUID}`, and waits until the
 *   extension has opened its onboarding tab (so that tab cannot come to the front later). Options: `prefs`
 *   (any Firefox prefs), `devPixelsPerPx` (2 = a HiDPI window), `viewport` (CSS px, default 1000×700),
 *   `extensionDir`, `executablePath` (default: `findFirefox()`).
 * - `FirefoxExtension`:
 *   - `browser` (puppeteer `Browser`), `geckoId`, `uuid`, `origin`, `url(path)`.
 *   - `newPage({ window? })`: a blank tab (or a window of its own).
 *   - `openExtensionPage(path, { page?, window? })`: an extension page (e.g. `popup.html`) in a new tab, a
 *     new window or `page`, navigated with raw BiDi (puppeteer's `goto` never resolves there); resolves once
 *     its `load` event fired, i.e. after its deferred scripts ran.
 *   - `navigate(page, url)`: loads any URL in `page` with raw BiDi and waits for its `load` (puppeteer's
 *     `goto` does not follow pages of Firefox's own, like `about:robots`); plain web pages can use `goto`.
 *   - `openPopup()`: `popup.html` in a window of its own (like the Chromium fixtures: it never becomes the
 *     tab a scan captures); read it with `readResult` / `waitForResult`.
 *   - `rightClick(page, target, menuId)`: closes open panels, right-clicks `target` (a CSS selector in the
 *     top document, or `{ x, y }` in the viewport's CSS px, e.g. inside a frame) and activates the
 *     extension's menu item `menuId` (`read-qr-image`, `scan-qr-page`) in Firefox's real context menu.
 *     Throws, naming the items shown, when the menu does not hold it.
 *   - `menuItems(page, target)`: right-clicks and returns the ids of the menu items shown, then closes it.
 *   - `closePanels()`: closes every open panel and menu (the toolbar popup swallows the next click).
 *   - `toolbarPopups()`: the extension popups Firefox shows in a toolbar panel (`{ url, loading }[]`).
 *   - `readToolbarPopup(states?, timeoutMs?)`: waits until the toolbar popup is open, loaded and its result
 *     in one of `states` (default `done`, `error`; `[]`: any), and reads it like `readResult` (the real popup
 *     Firefox shows, read in its own process by a frame script). Read-only: click in `openPopup()`'s page.
 *   - `readClipboard()`, `writeClipboard(text)`: the system clipboard (Firefox's own, headless).
 *   - `setZoom(page, level)`: the tab's zoom (1.5 = 150 %), as Ctrl + does.
 *   - `alarm(name)`: the extension's alarm as Firefox holds it (`{ name, scheduledTime }`) or null.
 *   - `fireAlarmAtItsTime(name)`: sets the background page's clock to the alarm's scheduled time and fires
 *     it, as Firefox's timer would then; answers its `scheduledTime`. Put the clock back with
 *     `resetBackgroundClock()` once the effect was seen.
 *   - `chrome(body)`: runs an async function body with chrome privileges in a browser window; JSON result.
 *   - `menuItemDomId(menuId)`: the XUL id of the extension's menu item.
 *   - `close()`.
 * - `readResult(page)`, `waitForResult(page, states, timeoutMs?)`: what `popup.html` (or any page mounting
 *   the result view) shows, by the test ids of CONTRACT.md (see ./read-result.ts).
 * - `findFirefox()`, `FIREFOX_EXTENSION_DIR`, `EXTENSION_UUID`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/firefox.mjs';
import {
  alarmOf,
  armContextMenu,
  awaitContextMenu,
  CLOSE_PANELS,
  disarmContextMenu,
  fireAlarm,
  READ_CLIPBOARD,
  readToolbarPopup,
  setZoom,
  shiftBackgroundClock,
  TOOLBAR_POPUPS,
  writeClipboard,
} from './chrome-scripts.ts';
import { type ResultSnapshot, SNAPSHOT } from './read-result.ts';

export { type ResultEntry, type ResultSnapshot, readResult, waitForResult } from './read-result.ts';
export { findFirefox };

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'firefox');

/** The extension's fixed internal UUID: its pages are `moz-extension://<this>/…` in every run. */
export const EXTENSION_UUID = '3c1f6b2e-9a4d-4e57-8b10-6d2f0a9e7c41';

export interface LaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  /** Extra Firefox prefs (about:config), e.g. `{ 'media.navigator.streams.fake': true }`. */
  prefs?: Record<string, string | number | boolean>;
  /** Device pixels per CSS pixel (`layout.css.devPixelsPerPx`): 2 is a HiDPI window. */
  devPixelsPerPx?: number;
  /** The viewport of new pages in CSS px (default 1000×700). */
  viewport?: { width: number; height: number };
}

export type MenuTarget = string | { x: number; y: number };

export interface ToolbarPopup {
  url: string;
  loading: boolean;
}

export interface FirefoxExtension {
  readonly browser: Browser;
  readonly geckoId: string;
  readonly uuid: string;
  /** `moz-extension://<uuid>` */
  readonly origin: string;
  url(path: string): string;
  menuItemDomId(menuId: string): string;
  newPage(options?: { window?: boolean }): Promise<Page>;
  openExtensionPage(path: string, options?: { page?: Page; window?: boolean }): Promise<Page>;
  navigate(page: Page, url: string): Promise<void>;
  openPopup(): Promise<Page>;
  rightClick(page: Page, target: MenuTarget, menuId: string): Promise<void>;
  menuItems(page: Page, target: MenuTarget): Promise<string[]>;
  closePanels(): Promise<void>;
  toolbarPopups(): Promise<ToolbarPopup[]>;
  readToolbarPopup(states?: readonly string[], timeoutMs?: number): Promise<ResultSnapshot>;
  readClipboard(): Promise<string>;
  writeClipboard(text: string): Promise<void>;
  setZoom(page: Page, level: number): Promise<void>;
  alarm(name: string): Promise<{ name: string; scheduledTime: number } | null>;
  fireAlarmAtItsTime(name: string): Promise<number>;
  resetBackgroundClock(): Promise<void>;
  chrome<T>(body: string): Promise<T>;
  close(): Promise<void>;
}

type ToolbarPopupAnswer = { missing: true } | { timeout: string } | { snapshot: ResultSnapshot };

/** The raw BiDi connection puppeteer keeps (not in its public typings). */
interface RawBidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** Asks `check` again until it answers true (a state of the browser no event tells): fails after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function bidiOf(browser: Browser): RawBidi {
  return (browser as unknown as { connection: RawBidi }).connection;
}

/** The BiDi id of a page's top-level browsing context. */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** The XUL id Firefox gives an extension's menu item (see E2E-RECIPE.md). */
export function menuItemDomId(geckoId: string, menuId: string): string {
  return `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-_${menuId}`;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifest = JSON.parse(await readFile(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const executablePath = options.executablePath ?? (await findFirefox());
  if (!executablePath) {
    throw new Error(
      'No Firefox found: run `apt-get install -y firefox-esr` (or set FIREFOX_PATH to a Firefox binary).',
    );
  }
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    'browser.tabs.warnOnClose': false,
    // Firefox's own background requests (remote settings), as Mozilla's test harnesses turn them off: this
    // machine's network is closed, and the trust specs record every request.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    ...(options.devPixelsPerPx ? { 'layout.css.devPixelsPerPx': String(options.devPixelsPerPx) } : {}),
    ...options.prefs,
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    protocol: 'webDriverBiDi',
    headless: true,
    // Lets BiDi open extension pages and run script in the browser window (chrome scope).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    defaultViewport: options.viewport ?? { width: 1000, height: 700 },
  });
  try {
    return await attach(browser, geckoId, extensionDir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

async function attach(browser: Browser, geckoId: string, extensionDir: string): Promise<FirefoxExtension> {
  const bidi = bidiOf(browser);
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const installed = await browser.installExtension(extensionDir);
  if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
  // Installing opens the onboarding tab (src/background/onboarding.ts): wait for it, so it cannot come to
  // the front later, in the middle of a test, and take the place of the page under test. Puppeteer does not
  // follow navigations to moz-extension: pages, so the browsing-context tree is asked.
  const onboarding = `${origin}/onboarding.html`;
  await until('the onboarding tab', async () => {
    const { result } = await bidi.send('browsingContext.getTree', {});
    return (result as { contexts: { url: string }[] }).contexts.some((c) => c.url === onboarding);
  });

  const chromeContext = async (): Promise<string> => {
    const { result } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const windows = (result as { contexts: { context: string; url: string }[] }).contexts;
    const window = windows.find((w) => w.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no Firefox browser window');
    return window.context;
  };
  const chrome = async <T>(body: string): Promise<T> => {
    const { result } = await bidi.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => {${body}})()))()`,
      target: { context: await chromeContext() },
      awaitPromise: true,
    });
    const outcome = result as EvaluateResult;
    if (outcome.type !== 'success') {
      throw new Error(`chrome script failed: ${outcome.exceptionDetails?.text ?? 'unknown error'}`);
    }
    const value = outcome.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
  };

  const url = (path: string) => `${origin}/${path.replace(/^\//, '')}`;
  const newPage = ({ window = false }: { window?: boolean } = {}) =>
    browser.newPage(window ? { type: 'window' } : { type: 'tab' });

  const navigate = async (page: Page, address: string): Promise<void> => {
    await bidi.send('browsingContext.navigate', { context: contextOf(page), url: address, wait: 'complete' });
  };

  const openExtensionPage = async (
    path: string,
    { page, window = false }: { page?: Page; window?: boolean } = {},
  ): Promise<Page> => {
    const target = page ?? (await newPage({ window }));
    await navigate(target, url(path));
    await target.waitForFunction(
      "location.protocol === 'moz-extension:' && document.readyState === 'complete'",
    );
    return target;
  };

  const closePanels = async (): Promise<void> => {
    await chrome<number>(CLOSE_PANELS);
  };

  const click = async (page: Page, target: MenuTarget): Promise<void> => {
    if (typeof target === 'string') {
      await page.click(target, { button: 'right' });
    } else {
      await page.mouse.click(target.x, target.y, { button: 'right' });
    }
  };

  let armed = 0;
  const openMenu = async (page: Page, target: MenuTarget, itemId: string) => {
    await closePanels();
    await page.bringToFront();
    const key = `__qrkrMenu${++armed}`;
    await chrome<boolean>(armContextMenu(key, itemId));
    try {
      await click(page, target);
    } catch (error) {
      await chrome<boolean>(disarmContextMenu(key));
      throw error;
    }
    return chrome<{ ok: true } | { ok: false; items: string[] }>(awaitContextMenu(key));
  };

  return {
    browser,
    geckoId,
    uuid: EXTENSION_UUID,
    origin,
    url,
    menuItemDomId: (menuId) => menuItemDomId(geckoId, menuId),
    newPage,
    openExtensionPage,
    navigate,
    openPopup: () => openExtensionPage('popup.html', { window: true }),
    async rightClick(page, target, menuId) {
      const itemId = menuItemDomId(geckoId, menuId);
      const outcome = await openMenu(page, target, itemId);
      if (!outcome.ok) {
        throw new Error(`the context menu has no ${itemId}; it shows: ${outcome.items.join(', ')}`);
      }
    },
    async menuItems(page, target) {
      // An id no item has: the menu is read, then closed.
      const outcome = await openMenu(page, target, 'qrkr-no-such-item');
      return outcome.ok ? [] : outcome.items;
    },
    closePanels,
    toolbarPopups: () => chrome<ToolbarPopup[]>(TOOLBAR_POPUPS),
    async readToolbarPopup(states = ['done', 'error'], timeoutMs = 20_000): Promise<ResultSnapshot> {
      const deadline = Date.now() + timeoutMs;
      const read = () =>
        chrome<ToolbarPopupAnswer>(readToolbarPopup(SNAPSHOT, states, Math.max(1, deadline - Date.now())));
      let answer = await read();
      while ('missing' in answer) {
        if (Date.now() > deadline) throw new Error('no toolbar popup opened');
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await read();
      }
      if ('timeout' in answer) throw new Error(`the toolbar popup stayed ${answer.timeout}`);
      return answer.snapshot;
    },
    readClipboard: () => chrome<string>(READ_CLIPBOARD),
    async writeClipboard(text) {
      await chrome<boolean>(writeClipboard(text));
    },
    async setZoom(page, level) {
      const zoomed = await chrome<number>(setZoom(page.url(), level));
      if (zoomed === 0) throw new Error(`no tab shows ${page.url()}`);
    },
    alarm: (name) => chrome(alarmOf(geckoId, name)),
    async fireAlarmAtItsTime(name) {
      const alarm = await chrome<{ scheduledTime: number } | null>(alarmOf(geckoId, name));
      if (!alarm) throw new Error(`no alarm ${name}`);
      await chrome<number>(shiftBackgroundClock(geckoId, alarm.scheduledTime - Date.now()));
      if (!(await chrome<boolean>(fireAlarm(geckoId, name)))) throw new Error(`the alarm ${name} went`);
      return alarm.scheduledTime;
    },
    async resetBackgroundClock() {
      await chrome<number>(shiftBackgroundClock(geckoId, 0));
    },
    chrome,
    close: () => browser.close(),
  };
}
