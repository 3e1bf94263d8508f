import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import QRCode from 'qrcode';
import { SCAN_KEY, SCAN_TTL_MS } from '../../src/shared/scan-state.ts';
import type { TestServer } from '../server.ts';
import { type FirefoxExtension, waitForResult } from './driver.ts';
import {
  chooseFile,
  expect,
  expectTexts,
  firefoxTest,
  imagesSettled,
  readImage,
  scanPage,
  showPage,
} from './fixtures.ts';
import { drawIntoCanvas } from './page-helpers.ts';
import { byExtension, startRecording, stopRecording } from './request-recorder.ts';

/**
 * The promises to the person, in Firefox: no request of the extension's own, no key kept anywhere but the
 * browser's memory (storage.session), and that deleted when its alarm fires.
 */
const test = firefoxTest();

const SECRET = 'KRUGS4ZANFZSA5DIMUQGWZLZEBTG64RAORSXG5DT';
const ACCOUNT = 'trust-firefox@example.org';
const OTPAUTH = `otpauth://totp/Vault%20Co:${ACCOUNT}?secret=${SECRET}&issuer=Vault%20Co`;
/** Every form the key or the URI could be written in. */
const SECRET_FORMS = [SECRET, SECRET.replace(/(.{4})/g, '$1 ').trim(), 'otpauth://', ACCOUNT];

/** A QR code of `text` at an address that does not spell it (so the browser's own caches cannot). */
async function qrAt(server: TestServer, text: string): Promise<string> {
  const path = `/img-${Math.random().toString(36).slice(2)}.png`;
  server.serve(path, await QRCode.toBuffer(text, { type: 'png', scale: 6 }), 'image/png');
  return `${server.origin}${path}`;
}

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return SECRET_FORMS.filter((form) => lower.includes(form.toLowerCase()));
}

/** What the extension's origin keeps: extension storage, Web Storage, IndexedDB, Cache Storage. */
function storedBy(popup: Page): Promise<Record<string, unknown>> {
  return popup.evaluate(`(async () => ({
    local: await browser.storage.local.get(null),
    sync: await browser.storage.sync.get(null),
    webLocal: { ...localStorage },
    webSession: { ...sessionStorage },
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }))()`) as Promise<Record<string, unknown>>;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Files of the Firefox profile that hold a form of the key, as UTF-8 or UTF-16. */
async function profileFilesLeaking(firefox: FirefoxExtension): Promise<string[]> {
  const profile = await firefox.chrome<string>("return Services.dirsvc.get('ProfD', Ci.nsIFile).path;");
  const needles = SECRET_FORMS.flatMap((form) => [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]);
  const found: string[] = [];
  for await (const path of filesUnder(profile)) {
    const content = await readFile(path).catch(() => Buffer.alloc(0));
    if (needles.some((needle) => content.includes(needle))) found.push(path.slice(profile.length));
  }
  return found;
}

async function scanSeveralWays(firefox: FirefoxExtension, tab: Page, server: TestServer): Promise<void> {
  await showPage(
    tab,
    server,
    `<img id="same" src="${await qrAt(server, OTPAUTH)}" alt="QR">
     <img id="cross" src="${server.qrUrl('cross origin text', {}, server.crossOrigin)}" alt="QR">
     <canvas id="c" width="264" height="264"></canvas>${drawIntoCanvas(await qrAt(server, 'canvas text'), 'c')}`,
  );
  await tab.waitForSelector('body[data-ready=yes]');
  await imagesSettled(tab);
  const same = await readImage(firefox, tab, '#same');
  expect(same.entries[0]?.account).toBe(ACCOUNT);
  expectTexts(await readImage(firefox, tab, '#cross'), ['cross origin text']);
  const page = await scanPage(firefox, tab);
  expect(page.entries.map((e) => e.kind)).toEqual(['otp', 'text', 'text']);
}

test('a run of scans, a copy and a file makes no request of the extension’s own', async ({
  firefox,
  tab,
  server,
}) => {
  await startRecording(firefox);
  await scanSeveralWays(firefox, tab, server);
  const popup = await firefox.openPopup();
  await waitForResult(popup, ['done']);
  await popup.click('[data-testid="copy-secret"]');
  await popup.waitForFunction(
    `document.querySelector('[data-testid="copy-secret"]').textContent === 'Copied ✓'`,
  );
  await chooseFile(popup, 'qr.png', await QRCode.toBuffer('from a file', { type: 'png', scale: 6 }));
  await popup.waitForFunction(
    `document.querySelector('[data-testid="text"]')?.textContent === 'from a file'`,
  );
  const requests = await stopRecording(firefox);
  expect(byExtension(requests, firefox.origin)).toEqual([]);
  // What the pages loaded themselves was seen (the recorder works), and no page or extension request went
  // anywhere else (Firefox's own, by its system principal, are not the extension's).
  expect(requests.some((r) => r.url.startsWith(server.crossOrigin))).toBe(true);
  const elsewhere = requests.filter(
    (r) =>
      r.triggeringOrigin !== '[System Principal]' &&
      !r.url.startsWith(server.origin) &&
      !r.url.startsWith(server.crossOrigin),
  );
  expect(elsewhere).toEqual([]);
});

test('the recorder is not blind: a request from an extension page is seen and flagged', async ({
  firefox,
  server,
}) => {
  const popup = await firefox.openPopup();
  await startRecording(firefox);
  const probe = `${server.origin}/probe.png?from=extension-page`;
  await popup.evaluate(
    `new Promise((resolve) => { const img = new Image(); img.onload = img.onerror = resolve; img.src = ${JSON.stringify(probe)}; })`,
  );
  const flagged = byExtension(await stopRecording(firefox), firefox.origin);
  expect(flagged.map((r) => r.url)).toEqual([probe]);
});

test('after scans, no key, URI or account is kept: extension storage, web storage, logs, the profile', async ({
  firefox,
  tab,
  server,
}) => {
  await scanSeveralWays(firefox, tab, server);
  const popup = await firefox.openPopup();
  await waitForResult(popup, ['done']);
  // The scan state itself is in storage.session, which Firefox keeps in memory only.
  const session = (await popup.evaluate('browser.storage.session.get(null)')) as Record<string, unknown>;
  expect(leaks(JSON.stringify(session)).length).toBeGreaterThan(0);
  const stored = await storedBy(popup);
  expect(leaks(JSON.stringify(stored))).toEqual([]);
  expect(stored.sync).toEqual({});
  const logs = await firefox.chrome<string[]>(
    'return Services.console.getMessageArray().map((m) => m.message ?? m.errorMessage ?? String(m));',
  );
  expect(logs.filter((line) => leaks(line).length > 0)).toEqual([]);
  expect(await profileFilesLeaking(firefox)).toEqual([]);
});

test('the scan state is deleted when its expiry alarm fires at its time, in an open popup too', async ({
  firefox,
  tab,
  server,
}) => {
  await showPage(tab, server, `<img id="qr" src="${await qrAt(server, OTPAUTH)}" alt="QR">`);
  await imagesSettled(tab);
  const result = await readImage(firefox, tab, '#qr');
  expect(result.state).toBe('done');
  const popup = await firefox.openPopup();
  await waitForResult(popup, ['done']);
  const stored = (await popup.evaluate(`browser.storage.session.get(${JSON.stringify(SCAN_KEY)})`)) as Record<
    string,
    { finishedAt: number }
  >;
  const finishedAt = stored[SCAN_KEY]?.finishedAt;
  expect(finishedAt).toEqual(expect.any(Number));
  // Firefox's own alarm is set for the end of the scan's lifetime.
  const alarm = await firefox.alarm('expire-scan');
  expect(alarm?.scheduledTime).toBe((finishedAt ?? 0) + SCAN_TTL_MS);
  try {
    await firefox.fireAlarmAtItsTime('expire-scan');
    await waitForResult(popup, ['idle']);
  } finally {
    await firefox.resetBackgroundClock();
  }
  expect(await popup.evaluate('browser.storage.session.get(null)')).toEqual({});
  expect(await firefox.alarm('expire-scan')).toBeNull();
});
