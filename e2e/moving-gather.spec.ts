import type { Page } from '@playwright/test';
import { SCAN_LOCK } from '../src/shared/scan-lock.ts';
import { SCAN_TTL_MS } from '../src/shared/scan-state.ts';
import { type ExtensionDriver, expect, imagesSettled, showPage, test } from './fixtures.ts';
import {
  blankScreenshot,
  dropFiles,
  expectAccounts,
  phoneScreenshot,
  pngFile,
  qrPng,
  sampleExport,
} from './moving-support.ts';
import type { TestServer } from './server.ts';

/**
 * Issue 11: the parts of one multi-part Google Authenticator export, read one after another (right-click,
 * file), gather into one list in part order, each account once; anything else replaces the result.
 */

const EXPORT = sampleExport(-1_487_654_321, 3, 4);

/** A page showing each part as an image; returns their URLs, in part order. */
async function exportPage(page: Page, server: TestServer, parts: string[]): Promise<string[]> {
  const srcs = parts.map((text) => server.qrUrl(text, { scale: 4 }));
  await showPage(
    page,
    server,
    `<h1>Export accounts</h1>${srcs.map((src, i) => `<img id="part${i + 1}" src="${src}" alt="part ${i + 1}">`).join('')}`,
  );
  await imagesSettled(page);
  return srcs;
}

/** The stored scan's id and state, as the popup reads it. */
function storedScan(popup: Page): Promise<{ scanId?: string; state?: string }> {
  return popup.evaluate(async () => ((await chrome.storage.session.get('scan')).scan ?? {}) as object);
}

/** Right-clicks the image and waits until that scan has finished (a new scan id, done or error). */
async function rightClick(
  extension: ExtensionDriver,
  page: Page,
  srcUrl: string,
  popup?: Page,
): Promise<void> {
  const before = popup ? (await storedScan(popup)).scanId : undefined;
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl });
  if (!popup) return;
  await expect
    .poll(async () => {
      const scan = await storedScan(popup);
      return scan.scanId !== before && (scan.state === 'done' || scan.state === 'error');
    })
    .toBe(true);
}

const part = (n: number) => EXPORT.accounts.slice((n - 1) * 4, n * 4);

test('a 3-part export read part by part with right-clicks gathers into one list, in part order, each once', async ({
  page,
  server,
  extension,
}) => {
  const srcs = await exportPage(page, server, EXPORT.parts);
  const popup = await extension.openPopup();
  const status = popup.getByTestId('batch-status');

  await rightClick(extension, page, srcs[1] ?? '', popup);
  await expect(status).toHaveText('Part read: 2 of 3. Still to read: 1 and 3.');
  await expectAccounts(popup, part(2));

  await rightClick(extension, page, srcs[0] ?? '', popup);
  await expect(status).toHaveText('Parts read: 1 and 2 of 3. Still to read: 3.');
  await expectAccounts(popup, [...part(1), ...part(2)]);

  // The same part again adds nothing.
  await rightClick(extension, page, srcs[0] ?? '', popup);
  await expect(status).toHaveText('Parts read: 1 and 2 of 3. Still to read: 3.');
  await expectAccounts(popup, [...part(1), ...part(2)]);

  await rightClick(extension, page, srcs[2] ?? '', popup);
  await expect(status).toHaveText('The whole export is read: all 3 parts.');
  await expectAccounts(popup, EXPORT.accounts);
  // A popup opened now shows the gathered list too.
  await expectAccounts(await extension.openPopup(), EXPORT.accounts);
});

test('the same parts opened as image files one by one gather the same way', async ({ extension }) => {
  const popup = await extension.openPopup();
  const input = popup.getByTestId('file-input');
  for (const n of [3, 1, 2]) {
    const png = await phoneScreenshot(EXPORT.parts[n - 1] ?? '');
    await input.setInputFiles(pngFile(`Screenshot part ${n}.png`, png));
    if (n === 3) await expect(popup.getByTestId('batch-status')).toHaveText(/^Part read: 3 of 3\./);
    if (n === 1) await expect(popup.getByTestId('batch-status')).toHaveText(/^Parts read: 1 and 3 of 3\./);
  }
  await expect(popup.getByTestId('batch-status')).toHaveText('The whole export is read: all 3 parts.');
  await expectAccounts(popup, EXPORT.accounts);
});

test('a part of another export, or any other code, replaces the gathered result', async ({
  page,
  server,
  extension,
}) => {
  const other = sampleExport(99, 2, 1);
  const [first, second] = await exportPage(page, server, [...EXPORT.parts.slice(0, 2), other.parts[1] ?? '']);
  const popup = await extension.openPopup();
  await rightClick(extension, page, first ?? '', popup);
  await expect(popup.getByTestId('batch-status')).toHaveText(/^Part read: 1 of 3\./);
  await rightClick(extension, page, second ?? '', popup);
  await expect(popup.getByTestId('batch-status')).toHaveText(/^Parts read: 1 and 2 of 3\./);

  await rightClick(extension, page, server.qrUrl(other.parts[1] ?? '', { scale: 4 }), popup);
  await expect(popup.getByTestId('batch-status')).toHaveText('Part read: 2 of 2. Still to read: 1.');
  await expectAccounts(popup, other.accounts.slice(1));

  // Reading part 1 of the first export now starts it afresh: the parts read before are gone.
  await rightClick(extension, page, first ?? '', popup);
  await expect(popup.getByTestId('batch-status')).toHaveText('Part read: 1 of 3. Still to read: 2 and 3.');
  await expectAccounts(popup, part(1));

  const png = await qrPng('otpauth://totp/Solo:me?secret=JBSWY3DPEHPK3PXP&issuer=Solo');
  await popup.getByTestId('file-input').setInputFiles(pngFile('solo.png', png));
  await expectAccounts(popup, [{ issuer: 'Solo', account: 'me', secret: 'JBSWY3DPEHPK3PXP' }]);
  await expect(popup.getByTestId('batch-status')).toHaveCount(0);
  expect(await popup.evaluate(() => chrome.storage.session.get('export-parts'))).toEqual({});
});

test('a failed read keeps the parts read so far, says so, and the next part still joins them', async ({
  page,
  server,
  extension,
}) => {
  const [first] = await exportPage(page, server, EXPORT.parts.slice(0, 1));
  const popup = await extension.openPopup();
  await rightClick(extension, page, first ?? '', popup);
  await expect(popup.getByTestId('batch-status')).toHaveText(/^Part read: 1 of 3\./);

  await popup.getByTestId('file-input').setInputFiles(pngFile('blurry.png', await blankScreenshot()));
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toHaveText(/No QR code was found/);
  await expect(popup.getByTestId('batch-status')).toHaveText('Part read: 1 of 3. Still to read: 2 and 3.');
  await expect(popup.getByText(/kept for 5 minutes/)).toBeVisible();

  const png = await phoneScreenshot(EXPORT.parts[1] ?? '');
  await popup.getByTestId('file-input').setInputFiles(pngFile('part 2.png', png));
  await expect(popup.getByTestId('batch-status')).toHaveText('Parts read: 1 and 2 of 3. Still to read: 3.');
  await expectAccounts(popup, [...part(1), ...part(2)]);

  // Clear forgets the gathered parts too.
  await popup.getByTestId('clear').click();
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  expect(await popup.evaluate(() => chrome.storage.session.get(null))).toEqual({});
});

test('two parts finishing together, one in the popup and one in the background, both join: one lock for every context', async ({
  page,
  server,
  extension,
}) => {
  const srcs = await exportPage(page, server, EXPORT.parts);
  const popup = await extension.openPopup();
  await rightClick(extension, page, srcs[0] ?? '', popup);
  await expect(popup.getByTestId('batch-status')).toHaveText(/^Part read: 1 of 3\./);

  // A third extension page holds the lock, so both finishes must wait for it, whatever their timing.
  const holder = await extension.openPopup();
  await holder.evaluate(
    (name) =>
      new Promise<void>((held) => {
        void navigator.locks.request(
          name,
          () =>
            new Promise<void>((release) => {
              (globalThis as unknown as { releaseScanLock: () => void }).releaseScanLock = release;
              held();
            }),
        );
      }),
    SCAN_LOCK,
  );
  await popup
    .getByTestId('file-input')
    .setInputFiles(pngFile('part 2.png', await phoneScreenshot(EXPORT.parts[1] ?? '')));
  await rightClick(extension, page, srcs[2] ?? '');
  const pending = () =>
    holder.evaluate(async () => (await navigator.locks.query()).pending?.filter((l) => l.name).length ?? 0);
  // The popup's finish and the service worker's finish both wait on the same lock.
  await expect.poll(pending).toBe(2);
  await holder.evaluate(() => (globalThis as unknown as { releaseScanLock: () => void }).releaseScanLock());

  await expect(popup.getByTestId('batch-status')).toHaveText('The whole export is read: all 3 parts.');
  await expectAccounts(popup, EXPORT.accounts);
});

test('the gathered parts live exactly as long as the result: the expiry alarm deletes both together', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  for (const n of [1, 2]) {
    const png = await phoneScreenshot(EXPORT.parts[n - 1] ?? '');
    await popup.getByTestId('file-input').setInputFiles(pngFile(`part ${n}.png`, png));
    await expect(popup.getByTestId('batch-status')).toHaveText(new RegExp(`^Parts? read: .*${n} of 3\\.`));
  }
  const sw = await extension.serviceWorker();
  const stored = (await sw.evaluate(() => chrome.storage.session.get(null))) as {
    scan: { finishedAt: number };
    'export-parts': { finishedAt: number; parts: unknown[] };
  };
  expect(stored['export-parts'].parts).toHaveLength(2);
  expect(stored['export-parts'].finishedAt).toBe(stored.scan.finishedAt);
  const alarm = await sw.evaluate(() => chrome.alarms.get('expire-scan'));
  expect(alarm?.scheduledTime).toBe(stored.scan.finishedAt + SCAN_TTL_MS);

  // At the result's expiry (the background's clock moved there), both are deleted.
  await sw.evaluate((at) => {
    const realNow = Date.now;
    Date.now = () => at;
    try {
      (chrome.alarms.onAlarm as unknown as { dispatch(a: unknown): void }).dispatch({
        name: 'expire-scan',
        scheduledTime: at,
      });
    } finally {
      Date.now = realNow;
    }
  }, stored.scan.finishedAt + SCAN_TTL_MS);
  await expect.poll(() => sw.evaluate(() => chrome.storage.session.get(null))).toEqual({});
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
});

test('a page scan of a page showing two parts gathers both, in part order; a pasted third completes the export', async ({
  page,
  server,
  extension,
}) => {
  await exportPage(page, server, [EXPORT.parts[2] ?? '', EXPORT.parts[0] ?? '']);
  const popup = await extension.openPopup();
  const before = (await storedScan(popup)).scanId;
  await extension.clickMenu(page, { menuItemId: 'scan-qr-page' });
  await expect.poll(async () => (await storedScan(popup)).scanId !== before).toBe(true);
  await expect(popup.getByTestId('batch-status')).toHaveText('Parts read: 1 and 3 of 3. Still to read: 2.');
  await expectAccounts(popup, [...part(1), ...part(3)]);

  await dropFiles(
    popup,
    popup.locator('main'),
    [{ name: 'image.png', buffer: await qrPng(EXPORT.parts[1] ?? '') }],
    'paste',
  );
  await expect(popup.getByTestId('batch-status')).toHaveText('The whole export is read: all 3 parts.');
  await expectAccounts(popup, EXPORT.accounts);
});
