import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type ExtensionDriver, expect, imagesSettled, showPage } from './fixtures.ts';
import type { TestServer } from './server.ts';

/** Shared by the popup-*.spec.ts and onboarding-*.spec.ts files. */

export const SCREENSHOTS = resolve(import.meta.dirname, '..', 'docs', 'screenshots');

/** Shows a page with one QR code holding `text`, right-clicks it, and returns the finished popup. */
export async function scanQr(
  page: Page,
  server: TestServer,
  extension: ExtensionDriver,
  text: string,
  heading = 'Set up two-factor authentication',
): Promise<Page> {
  const src = server.qrUrl(text, { scale: 6 });
  await showPage(page, server, `<h1>${heading}</h1><img src="${src}" alt="QR code">`);
  await imagesSettled(page);
  return extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
}

/** Runs axe on the page (light and dark colour schemes) and expects no violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Writes a README screenshot of the popup, sized like the toolbar popup. */
export async function popupScreenshot(popup: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await popup.setViewportSize({ width: 400, height: 300 });
  await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await popup.screenshot({
    path: resolve(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** The text on the clipboard, read back in a page of the browser. */
export function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
