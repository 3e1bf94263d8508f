import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Worker } from '@playwright/test';
import { test as base, EXTENSION_DIR, type ExtensionDriver, expect, type MenuInfo } from './fixtures.ts';
import { extensionLaunchArgs } from './launch-args.ts';
import { CdpConnection } from './trust-cdp.ts';
import { ContextRecorder } from './trust-context-recorder.ts';

/**
 * The shared fixtures, with the browser also listening on a DevTools port so the trust tests can open their
 * own protocol connection (`cdp`) and record every request of every context (`recorder`).
 */
export const test = base.extend<{ userDataDir: string; cdp: CdpConnection; recorder: ContextRecorder }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'qrkr-trust-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  context: async ({ chromiumPath, userDataDir }, use) => {
    const context = await chromium.launchPersistentContext(userDataDir, {
      headless: true,
      executablePath: chromiumPath,
      viewport: { width: 1000, height: 700 },
      // Its own DevTools port: the recorder attaches to every target, offscreen document included.
      args: extensionLaunchArgs(EXTENSION_DIR, ['--remote-debugging-port=0']),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(context);
    await context.close();
  },
  cdp: async ({ context, userDataDir }, use) => {
    void context;
    const cdp = await CdpConnection.connect(userDataDir);
    await use(cdp);
    cdp.close();
  },
  recorder: async ({ cdp }, use) => {
    await use(await ContextRecorder.start(cdp));
  },
});

export { expect };

/** Reads the extension's `storage` areas from its service worker. */
export async function readStorage(
  extension: { serviceWorker(): Promise<Worker> },
  area: 'local' | 'sync' | 'session',
): Promise<Record<string, unknown>> {
  const sw = await extension.serviceWorker();
  return sw.evaluate((name) => chrome.storage[name].get(null), area);
}

/**
 * Opens the result popup as a tab first, then right-clicks on `page` (which comes back to the front, so a
 * screenshot shows the page, as for a person, whose popup is not a tab); returns the popup once finished.
 */
export async function scanWithPopup(extension: ExtensionDriver, page: Page, info: MenuInfo): Promise<Page> {
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(idle|done|error)$/);
  await extension.clickMenu(page, info);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(done|error)$/, {
    timeout: 30_000,
  });
  return popup;
}
