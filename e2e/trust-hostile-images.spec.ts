import type { Page, Worker } from '@playwright/test';
import QRCode from 'qrcode';
import { SCAN_KEY } from '../src/shared/scan-state.ts';
import { showPage } from './fixtures.ts';
import { blankPng, lyingPng, truncated } from './trust-bad-images.ts';
import { expect, test } from './trust-fixtures.ts';

/**
 * Huge, truncated, zero-size and decompression-bomb images end in a clear sentence within a bounded time
 * (the expect timeout below), and the decoder and the browser still work afterwards. Each case prints how
 * long it took; these are figures, not assertions.
 */

const BOUND_MS = 30_000;

interface Case {
  name: string;
  file: () => Promise<Buffer> | Buffer;
}

const qrPng = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { type: 'png', scale: 6 });

const CASES: Case[] = [
  { name: 'an empty file', file: () => Buffer.alloc(0) },
  { name: 'a PNG of 0 × 0 pixels', file: () => lyingPng(0, 0) },
  { name: 'a truncated PNG', file: async () => truncated(await qrPng('cut in half')) },
  { name: 'a blank 8000 × 8000 PNG', file: () => blankPng(8000, 8000) },
  { name: 'a 20000 × 20000 decompression bomb', file: () => blankPng(20000, 20000) },
  { name: 'a header claiming 100000 × 100000', file: () => lyingPng(100_000, 100_000) },
];

/** Forgets the last scan (as "Clear" does), so the next one is seen to start from `idle`. */
async function startFromIdle(popup: Page, extension: { serviceWorker(): Promise<Worker> }): Promise<void> {
  await (await extension.serviceWorker()).evaluate((key) => chrome.storage.session.remove(key), SCAN_KEY);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
}

/** Waits for the scan to end in an error with a visible sentence; returns how long it took. */
async function expectClearError(popup: Page, started: number): Promise<number> {
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error', { timeout: BOUND_MS });
  const elapsed = Date.now() - started;
  await expect(popup.getByTestId('error-message')).toBeVisible();
  await expect(popup.getByTestId('error-message')).toHaveText(/\w{3,}.*\./);
  return elapsed;
}

test('hostile image files end in a clear sentence, and the popup still reads a good one after', async ({
  extension,
}) => {
  test.setTimeout(CASES.length * BOUND_MS + 30_000);
  const popup = await extension.openPopup();
  for (const { name, file } of CASES) {
    await test.step(name, async () => {
      const buffer = await file();
      await startFromIdle(popup, extension);
      const started = Date.now();
      await popup.getByTestId('file-input').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer });
      const elapsed = await expectClearError(popup, started);
      console.log(`file: ${name}: ${elapsed} ms → ${await popup.getByTestId('error-message').textContent()}`);
    });
  }
  await popup.getByTestId('file-input').setInputFiles({
    name: 'good.png',
    mimeType: 'image/png',
    buffer: await qrPng('still reading'),
  });
  await expect(popup.getByTestId('text')).toHaveText('still reading');
});

test('hostile images on a page end in a clear sentence, and the next right-click still works', async ({
  page,
  server,
  extension,
}) => {
  test.setTimeout(CASES.length * BOUND_MS + 30_000);
  const popup = await extension.openPopup();
  for (const [index, { name, file }] of CASES.entries()) {
    await test.step(name, async () => {
      const path = `/hostile-${index}.png`;
      server.serve(path, await file(), 'image/png');
      const src = `${server.origin}${path}`;
      await showPage(page, server, `<img src="${src}" alt="image" style="width:300px;height:300px">`);
      await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
      await startFromIdle(popup, extension);
      const started = Date.now();
      await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
      const elapsed = await expectClearError(popup, started);
      console.log(`page: ${name}: ${elapsed} ms → ${await popup.getByTestId('error-message').textContent()}`);
    });
  }
  const good = server.qrUrl('still reading');
  await showPage(page, server, `<img src="${good}" alt="QR">`);
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: good });
  await expect(popup.getByTestId('text')).toHaveText('still reading');
});
