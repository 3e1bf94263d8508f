import type { Page, Worker } from '@playwright/test';
import QRCode from 'qrcode';
import { SCAN_KEY, SCAN_TTL_MS } from '../src/shared/scan-state.ts';
import { type ExtensionDriver, imagesSettled, showPage } from './fixtures.ts';
import type { TestServer } from './server.ts';
import { expect, readStorage, scanWithPopup, test } from './trust-fixtures.ts';

/**
 * "Secrets never reach storage.local, storage.sync or logs; the scan state lives in storage.session and is
 * cleared after a few minutes and on demand."
 */

const SECRET = 'KRUGS4ZANFZSA5DIMUQGWZLZEBTG64RAORSXG5DT';
const LABEL_ACCOUNT = 'trust-storage@example.org';
const OTPAUTH = `otpauth://totp/Vault%20Co:${LABEL_ACCOUNT}?secret=${SECRET}&issuer=Vault%20Co`;
const PLAIN_TEXT = 'plain text that is nobody else’s business 7319';

/** Every form the key or the URI could be written in. */
const SECRET_FORMS = [
  SECRET,
  SECRET.toLowerCase(),
  SECRET.replace(/(.{4})/g, '$1 ').trim(),
  'otpauth',
  LABEL_ACCOUNT,
  PLAIN_TEXT,
];

function leaks(serialized: string): string[] {
  return SECRET_FORMS.filter((form) => serialized.toLowerCase().includes(form.toLowerCase()));
}

async function scanOtpImage(page: Page, server: TestServer, extension: ExtensionDriver): Promise<Page> {
  const src = server.qrUrl(OTPAUTH);
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  const popup = await scanWithPopup(extension, page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: src,
  });
  await expect(popup.getByTestId('secret')).toHaveCount(1);
  return popup;
}

/** What the extension's own origin holds outside `chrome.storage`: Web Storage, IndexedDB, Cache Storage. */
async function webStorageOf(popup: Page): Promise<string> {
  return popup.evaluate(async () =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }),
  );
}

/** Runs the background's clock forward to `time` (the alarm's own scheduled time) and fires the alarm. */
async function fireAlarmAtItsTime(sw: Worker, name: string): Promise<number> {
  return sw.evaluate(async (alarmName) => {
    const alarm = await chrome.alarms.get(alarmName);
    if (!alarm) throw new Error(`no alarm ${alarmName}`);
    const offset = alarm.scheduledTime - Date.now();
    const realNow = Date.now;
    Date.now = () => realNow() + offset;
    try {
      // Listeners run synchronously inside dispatch, so they read the shifted clock.
      (chrome.alarms.onAlarm as unknown as { dispatch(a: chrome.alarms.Alarm): void }).dispatch(alarm);
    } finally {
      Date.now = realNow;
    }
    return alarm.scheduledTime;
  }, name);
}

test('after scans, storage.local, storage.sync, web storage and every log hold no key, URI or text', async ({
  page,
  server,
  extension,
  recorder,
}) => {
  const swLogs: string[] = [];
  (await extension.serviceWorker()).on('console', (message) => swLogs.push(message.text()));

  const popup = await scanOtpImage(page, server, extension);
  await popup.getByTestId('copy-secret').click();
  const text = server.qrUrl(PLAIN_TEXT);
  await showPage(page, server, `<img src="${text}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: text });
  await expect(popup.getByTestId('text')).toHaveText(PLAIN_TEXT);
  const png = await QRCode.toBuffer(OTPAUTH, { type: 'png', scale: 6 });
  await popup.getByTestId('file-input').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
  await expect(popup.getByTestId('account')).toHaveText(LABEL_ACCOUNT);

  // The scan state itself is in storage.session: the check below can see a secret where there is one.
  expect(leaks(JSON.stringify(await readStorage(extension, 'session')))).toContain(SECRET);

  expect(leaks(JSON.stringify(await readStorage(extension, 'local'))), 'storage.local').toEqual([]);
  expect(leaks(JSON.stringify(await readStorage(extension, 'sync'))), 'storage.sync').toEqual([]);
  expect(leaks(await webStorageOf(popup)), 'web storage of the extension origin').toEqual([]);
  // The log capture works: a line logged in the popup and in the service worker is seen.
  await popup.evaluate(() => console.warn('log canary popup'));
  await (await extension.serviceWorker()).evaluate(() => console.warn('log canary worker'));
  await expect.poll(() => recorder.logs.map((l) => l.text).join()).toContain('log canary popup');
  await expect.poll(() => swLogs.join()).toContain('log canary worker');
  expect(leaks(swLogs.join('\n')), 'service worker console').toEqual([]);
  expect(leaks(recorder.logs.map((l) => l.text).join('\n')), 'console of every context').toEqual([]);
});

test('the scan state is deleted from storage.session when its expiry alarm fires, not before', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanOtpImage(page, server, extension);
  const sw = await extension.serviceWorker();
  const stored = (await readStorage(extension, 'session'))[SCAN_KEY] as { state: string; finishedAt: number };
  expect(stored.state).toBe('done');

  const alarm = await sw.evaluate(() => chrome.alarms.get('expire-scan'));
  expect(alarm?.scheduledTime).toBe(stored.finishedAt + SCAN_TTL_MS);

  // Fired early (a stray or re-armed alarm), it keeps a fresh scan. Two storage round trips after the
  // dispatch let the listener's own read-then-remove finish first.
  const afterEarlyAlarm = await sw.evaluate(async () => {
    (chrome.alarms.onAlarm as unknown as { dispatch(a: chrome.alarms.Alarm): void }).dispatch({
      name: 'expire-scan',
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    await chrome.storage.session.get(null);
    return chrome.storage.session.get(null);
  });
  expect(afterEarlyAlarm).toHaveProperty(SCAN_KEY);
  await expect(popup.getByTestId('secret')).toHaveCount(1);

  // At its time, it deletes the scan, and the open popup lets go of the key.
  await fireAlarmAtItsTime(sw, 'expire-scan');
  await expect.poll(() => readStorage(extension, 'session')).toEqual({});
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByTestId('secret')).toHaveCount(0);
  expect(leaks((await popup.locator('body').textContent()) ?? '')).toEqual([]);
});

test('an open popup stops showing a result once it is older than its lifetime, alarm or not', async ({
  page,
  server,
  extension,
  context,
}) => {
  await (await scanOtpImage(page, server, extension)).close();
  const popup = await context.newPage();
  await popup.clock.install();
  await popup.goto(`chrome-extension://${extension.id}/popup.html`);
  await expect(popup.getByTestId('secret')).toHaveCount(1);

  await popup.clock.fastForward(SCAN_TTL_MS + 2000);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByTestId('secret')).toHaveCount(0);
});

test('"Clear" deletes the scan state at once, in this popup and in any popup opened later', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanOtpImage(page, server, extension);
  expect(await readStorage(extension, 'session')).toHaveProperty(SCAN_KEY);

  await popup.getByTestId('clear').click();
  await expect.poll(async () => Object.keys(await readStorage(extension, 'session'))).not.toContain(SCAN_KEY);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  await expect(popup.getByTestId('secret')).toHaveCount(0);
  expect(leaks((await popup.locator('body').textContent()) ?? '')).toEqual([]);

  const later = await extension.openPopup();
  await expect(later.getByTestId('result')).toHaveAttribute('data-state', 'idle');
  expect(leaks(JSON.stringify(await readStorage(extension, 'session')))).toEqual([]);
});
