import { mkdtempSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readAegisVault } from '../../src/core/export/test-helpers/aegis-reader.ts';
import { toOtpauthUri } from '../../src/core/otp/format.ts';
import { readQrText } from '../../src/core/otp/read-qr-text.ts';
import { blankScreenshot, decodePng, phoneScreenshot, qrPng, sampleExport } from '../moving-support.ts';
import { waitForResult } from './driver.ts';
import { expect, firefoxTest, imagesSettled, readImage, showPage } from './fixtures.ts';

/**
 * Issue 11 in Firefox: several files at once, export parts gathered by right-click, "Copy all",
 * "Show QR code" scanned back, and a "Save as…" download read back from Firefox's downloads folder.
 */

const downloads = mkdtempSync(join(tmpdir(), 'qrkr-ff-downloads-'));
const test = firefoxTest({
  prefs: {
    // Save every download straight into `downloads`, never asking, never opening the downloads panel.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.panel.shown': true,
  },
});
test.afterAll(() => rm(downloads, { recursive: true, force: true }));

const EXPORT = sampleExport(-778_899, 3, 3);
const MENU_EXPORT = sampleExport(5_566, 3, 2);
const ALPHA = 'otpauth://totp/Alpha:ann?secret=JBSWY3DPEHPK3PXP&issuer=Alpha';
const BETA = 'otpauth://hotp/Beta:ben?secret=GEZDGNBVGY3TQOJQ&issuer=Beta&counter=5&algorithm=SHA256';

let filesDir: string | undefined;

/** The person picks several files at once in the popup's `file-input`, in this order. */
async function chooseFiles(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  filesDir ??= await mkdtemp(join(tmpdir(), 'qrkr-ff-moving-'));
  const dir = await mkdtemp(join(filesDir, 'f-'));
  const paths: string[] = [];
  for (const { name, buffer } of files) {
    const path = join(dir, name);
    await writeFile(path, buffer);
    paths.push(path);
  }
  const input = (await page.$('[data-testid="file-input"]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('no file input');
  await input.uploadFile(...paths);
}
test.afterAll(async () => {
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

/** The stored scan's id, as any extension page reads it. */
const scanId = (page: Page) =>
  page.evaluate(`browser.storage.session.get('scan').then((s) => s.scan?.scanId ?? '')`) as Promise<string>;

async function waitForNewResult(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    `browser.storage.session.get('scan').then((s) => s.scan && s.scan.scanId !== ${JSON.stringify(before)} && ['done', 'error'].includes(s.scan.state))`,
    { polling: 200 },
  );
}

test('several files chosen at once: one list in file order, and a line for the file without a code', async ({
  firefox,
}) => {
  const popup = await firefox.openPopup();
  expect(await popup.$eval('[data-testid="file-input"]', (el) => (el as HTMLInputElement).multiple)).toBe(
    true,
  );
  const before = await scanId(popup);
  await chooseFiles(popup, [
    { name: 'beta.png', buffer: await qrPng(BETA) },
    { name: 'empty.png', buffer: await blankScreenshot(500, 700) },
    { name: 'alpha.png', buffer: await qrPng(ALPHA) },
  ]);
  await waitForNewResult(popup, before);
  const result = await waitForResult(popup, ['done']);
  expect(result.entries.map((e) => e.issuer)).toEqual(['Beta', 'Alpha']);
  const errors = await popup.$$eval('[data-testid="file-error"]', (els) => els.map((e) => e.textContent));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('empty.png');
  expect(errors[0]).toContain('No QR code was found in this image.');
});

test('the screenshots of a 3-part export chosen at once give one list of every account', async ({
  firefox,
}) => {
  const popup = await firefox.openPopup();
  const before = await scanId(popup);
  const shots = await Promise.all(EXPORT.parts.map((text) => phoneScreenshot(text)));
  await chooseFiles(
    popup,
    [1, 2, 0].map((i) => ({ name: `part${i + 1}.png`, buffer: shots[i] ?? Buffer.alloc(0) })),
  );
  await waitForNewResult(popup, before);
  const result = await waitForResult(popup, ['done']);
  expect(result.entries.map((e) => e.account)).toEqual(EXPORT.accounts.map((a) => a.account));
  expect(await popup.$eval('[data-testid="batch-status"]', (el) => el.textContent)).toBe(
    'The whole export is read: all 3 parts.',
  );
});

test('the parts read one by one with Firefox’s own context menu gather in part order', async ({
  firefox,
  tab,
  server,
}) => {
  // Another export than the one the files above gathered: its parts start a list of their own.
  await showPage(
    tab,
    server,
    MENU_EXPORT.parts
      .map((text, i) => `<img id="p${i + 1}" src="${server.qrUrl(text, { scale: 4 })}" alt="">`)
      .join(''),
  );
  await imagesSettled(tab);
  const first = await readImage(firefox, tab, '#p3');
  expect(first.text).toContain('Part read: 3 of 3. Still to read: 1 and 2.');
  await readImage(firefox, tab, '#p1');
  const last = await readImage(firefox, tab, '#p2');
  expect(last.text).toContain('The whole export is read: all 3 parts.');
  expect(last.entries.map((e) => e.account)).toEqual(MENU_EXPORT.accounts.map((a) => a.account));
});

test('Copy all, Show QR code scanned back, and Save as… downloaded and read back', async ({ firefox }) => {
  const popup = await firefox.openPopup();
  const before = await scanId(popup);
  await chooseFiles(popup, [
    { name: 'a.png', buffer: await qrPng(ALPHA) },
    { name: 'b.png', buffer: await qrPng(BETA) },
  ]);
  await waitForNewResult(popup, before);
  await waitForResult(popup, ['done']);
  const uris = [ALPHA, BETA].map((text) => {
    const [entry] = readQrText(text);
    if (entry?.kind !== 'otp') throw new Error(text);
    return toOtpauthUri(entry.account);
  });

  await popup.click('[data-testid="copy-all"]');
  await popup.waitForFunction(
    `document.querySelector('[data-testid="copy-all"]').textContent === 'Copied ✓'`,
  );
  expect(await firefox.readClipboard()).toBe(uris.join('\n'));

  await popup.click('[data-testid="show-qr"]');
  const qr = await popup.waitForSelector('[data-testid="account-qr"]', { visible: true });
  const box = await qr?.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(200);
  expect(await decodePng(Buffer.from((await qr?.screenshot()) ?? []))).toEqual([uris[0]]);

  await popup.select('[data-testid="export-format"]', 'aegis');
  await popup.click('[data-testid="export-save"]');
  // A finished download is renamed from `….part` to its own name: wait for that name.
  const saved = async () => (await readdir(downloads)).filter((n) => n.endsWith('.aegis.json'));
  await expect.poll(saved).toHaveLength(1);
  const [name = ''] = await saved();
  const vault = readAegisVault(await readFile(join(downloads, name), 'utf8'));
  expect(vault.entries.map((e) => [e.issuer, e.account, e.secret, e.type])).toEqual([
    ['Alpha', 'ann', 'JBSWY3DPEHPK3PXP', 'TOTP'],
    ['Beta', 'ben', 'GEZDGNBVGY3TQOJQ', 'HOTP'],
  ]);
  expect(vault.entries[1]).toMatchObject({ counter: 5, algorithm: 'SHA256' });
});
