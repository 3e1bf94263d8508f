import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { extensionLaunchArgs } from '../e2e/launch-args.ts';

/**
 * The built extension in a headless Chromium of its own (a fresh profile), with its popup.html open in a
 * tab: where the Chromium benches of `npm run bench` time the popup and its decoder worker. `close()` ends
 * the browser and deletes the profile.
 */
export async function openExtensionPopup(
  executablePath: string,
  extensionDir: string,
): Promise<{ page: Page; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'qrkr-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath,
    args: extensionLaunchArgs(extensionDir),
  });
  const close = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(sw.url()).host}/popup.html`);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
