import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS } from './popup-support.ts';

/**
 * A README screenshot of the top of the popup, as the toolbar popup shows it (400 × `height` CSS px):
 * for results too long for a whole-page picture, such as a gathered export.
 */
export async function topScreenshot(popup: Page, name: string, height = 640): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await popup.setViewportSize({ width: 400, height });
  await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}
