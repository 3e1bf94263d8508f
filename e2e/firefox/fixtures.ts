import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { startServer, type TestServer } from '../server.ts';
import {
  type FirefoxExtension,
  type LaunchOptions,
  launchFirefox,
  type MenuTarget,
  type ResultSnapshot,
} from './driver.ts';

/**
 * Fixtures of the Firefox specs. `firefoxTest(options)` gives a spec file its `test`: one Firefox (with the
 * extension) and one test server for the whole file, started before its first test; each test gets a fresh
 * tab (`tab`), and every tab, window and panel it opened is closed after it.
 */
export interface Fixtures {
  firefox: FirefoxExtension;
  server: TestServer;
  tab: Page;
}

/** Starting Firefox and installing the add-on takes 3–20 s on a busy machine. */
const LAUNCH_TIMEOUT_MS = 120_000;

export function firefoxTest(options: LaunchOptions = {}) {
  let firefox: FirefoxExtension | undefined;
  let server: TestServer | undefined;
  const test = base.extend<Fixtures>({
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    firefox: async ({}, use) => {
      if (!firefox) throw new Error('Firefox did not start (see the beforeAll error)');
      await use(firefox);
    },
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    server: async ({}, use) => {
      if (!server) throw new Error('the test server did not start');
      await use(server);
    },
    tab: async ({ firefox }, use) => {
      const before = new Set(await firefox.browser.pages());
      const tab = await firefox.newPage();
      await use(tab);
      await firefox.closePanels();
      for (const page of await firefox.browser.pages()) {
        if (!before.has(page)) await page.close().catch(() => undefined);
      }
    },
  });
  test.beforeAll(async () => {
    test.setTimeout(LAUNCH_TIMEOUT_MS);
    server = await startServer();
    firefox = await launchFirefox(options);
  });
  test.afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
    filesDir = undefined;
  });
  return test;
}

export { expect };

/** A page on the test server that shows `body`, at a unique path; returns its URL. */
export async function showPage(
  tab: Page,
  server: TestServer,
  body: string,
  origin = server.origin,
): Promise<string> {
  const path = `/page-${Math.random().toString(36).slice(2)}.html`;
  server.serve(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><title>test</title></head><body>${body}</body></html>`,
  );
  await tab.goto(`${origin}${path}`);
  return tab.url();
}

/** Waits until every image of the page (or frame) has loaded and decoded, or failed. */
export async function imagesSettled(frame: Page | Frame): Promise<void> {
  await frame.waitForFunction(
    `Promise.all(Array.from(document.images).map((img) => img.decode().then(() => true, () => img.complete))).then((all) => all.every(Boolean))`,
  );
}

/** Where to right-click for the page menu: a point of the page that shows no image (the top-left corner). */
export const PAGE_POINT = { x: 4, y: 4 };

/**
 * A person's scan: right-click `target`, choose `menuId` in Firefox's menu, and read the toolbar popup that
 * the click opens once it shows this scan's result (`done` or `error`). Panels are closed before the click,
 * so the popup read is the one this click opened.
 */
export async function scan(
  firefox: FirefoxExtension,
  tab: Page,
  target: MenuTarget,
  menuId: 'read-qr-image' | 'scan-qr-page',
): Promise<ResultSnapshot> {
  await firefox.rightClick(tab, target, menuId);
  return firefox.readToolbarPopup(['done', 'error'], 30_000);
}

export const readImage = (firefox: FirefoxExtension, tab: Page, selector: string) =>
  scan(firefox, tab, selector, 'read-qr-image');

export const scanPage = (firefox: FirefoxExtension, tab: Page, target: MenuTarget = PAGE_POINT) =>
  scan(firefox, tab, target, 'scan-qr-page');

/** The scan ended with exactly these text entries, in this order. */
export function expectTexts(result: ResultSnapshot, texts: string[]): void {
  expect(result.state, result.error).toBe('done');
  expect(result.entries.map((entry) => entry.text)).toEqual(texts);
}

/** The scan ended with a sentence matching `sentence`. */
export function expectError(result: ResultSnapshot, sentence: RegExp): void {
  expect(result.state).toBe('error');
  expect(result.error).toMatch(sentence);
}

/** A point `from` the top-left corner of the element matching `selector`, in the viewport (CSS px). */
export async function pointIn(
  tab: Page,
  selector: string,
  from: { x: number; y: number },
): Promise<MenuTarget> {
  const box = await (await tab.$(selector))?.boundingBox();
  if (!box) throw new Error(`no ${selector} on the page`);
  return { x: box.x + from.x, y: box.y + from.y };
}

/** The centre of the element matching `selector` (moved by `offset`), in the viewport (CSS px). */
export async function centreOf(tab: Page, selector: string, offset = { x: 0, y: 0 }): Promise<MenuTarget> {
  const box = await (await tab.$(selector))?.boundingBox();
  if (!box) throw new Error(`no ${selector} on the page`);
  return { x: box.x + box.width / 2 + offset.x, y: box.y + box.height / 2 + offset.y };
}

/** Files the specs hand to a file input: kept until the spec file ends (Firefox reads a chosen file lazily). */
let filesDir: string | undefined;

/** The person picks a file (`name`, holding `content`) in the page's `file-input`. */
export async function chooseFile(page: Page, name: string, content: Buffer): Promise<void> {
  filesDir ??= await mkdtemp(join(tmpdir(), 'qrkr-ff-files-'));
  const path = join(await mkdtemp(join(filesDir, 'f-')), name);
  await writeFile(path, content);
  const input = (await page.$('[data-testid="file-input"]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('no file input');
  await input.uploadFile(path);
}
