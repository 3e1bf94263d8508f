import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import type { ExtensionDriver } from './fixtures.ts';
import { imagesSettled, showPage } from './fixtures.ts';
import { clipboardText } from './popup-support.ts';
import type { TestServer } from './server.ts';
import type { CdpConnection } from './trust-cdp.ts';
import { expect, test } from './trust-fixtures.ts';

/**
 * The extension holds no decoder while it is not reading a code: a scan opens no offscreen document and no
 * worker in Chrome (the service worker decodes itself) and the service worker lets go of the wasm module
 * within a minute (the popup's own worker ends too), a clipboard clear that is still due runs all the same,
 * and the next scan reads correctly. Each wait is a poll bounded above that minute, never a sleep.
 */

const WITHIN_A_MINUTE = { timeout: 90_000, intervals: [500] };

const FIRST = 'otpauth://totp/Idle:first?secret=JBSWY3DPEHPK3PXP&issuer=Idle';
const SECOND = 'otpauth://totp/Idle:second?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Idle';

interface Target {
  targetId: string;
  type: string;
  url: string;
  parentId?: string;
}

/** The offscreen document and the workers it started, as the browser lists them. */
async function decoderTargets(cdp: CdpConnection, extensionId: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Target[] };
  const offscreen = targetInfos.filter(
    (t) =>
      t.type === 'background_page' && t.url.startsWith(`chrome-extension://${extensionId}/offscreen.html`),
  );
  const ids = new Set(offscreen.map((t) => t.targetId));
  const workers = targetInfos.filter((t) => t.type === 'worker' && t.parentId && ids.has(t.parentId));
  return { offscreen: offscreen.length, workers: workers.length };
}

/** The service worker's decoder stages since the last scan began (its marks, `qrkr:<stage>`). */
async function decoderStages(extension: ExtensionDriver): Promise<string[]> {
  const sw = await extension.serviceWorker();
  return sw.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name.replace(/^qrkr:/, ''))
      .filter((n) => /^(decoder-|wasm-)/.test(n)),
  );
}

/**
 * The service worker holds a decoder: it answered since the last scan began and has not let go since. A
 * service worker the browser stopped and started again holds none either (its marks start empty).
 */
async function decoderHeld(extension: ExtensionDriver): Promise<boolean> {
  const stages = await decoderStages(extension);
  return stages.includes('decoder-answered') && !stages.includes('decoder-released');
}

async function scanCode(page: Page, server: TestServer, extension: ExtensionDriver, text: string) {
  const src = server.qrUrl(text, { scale: 6 });
  await showPage(page, server, `<h1>Enrol</h1><img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
}

test('a scan opens no document and no worker; the service worker lets go of the wasm within a minute; the next scan still reads', async ({
  page,
  server,
  extension,
  cdp,
}) => {
  test.setTimeout(180_000);
  const popup = await extension.openPopup();
  await scanCode(page, server, extension, FIRST);
  await expect(popup.getByTestId('account')).toHaveText('first');
  expect(await decoderTargets(cdp, extension.id)).toEqual({ offscreen: 0, workers: 0 });
  expect(await decoderHeld(extension)).toBe(true);

  await expect.poll(() => decoderHeld(extension), WITHIN_A_MINUTE).toBe(false);

  await scanCode(page, server, extension, SECOND);
  await expect(popup.getByTestId('account')).toHaveText('second');
  await expect(popup.getByTestId('secret')).toHaveText('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  // The module was compiled again for it.
  await expect.poll(() => decoderStages(extension)).toContain('wasm-ready');
});

test('a clipboard clear still due when the decoder has let go runs all the same (the document opens for it)', async ({
  page,
  server,
  extension,
  cdp,
  recorder,
}) => {
  test.setTimeout(180_000);
  const setup = await extension.openPopup();
  await setup.evaluate(() =>
    chrome.storage.local.set({ settings: { hideKeys: false, clearClipboard: true } }),
  );
  await setup.close();
  const popup = await extension.openPopup();
  await scanCode(page, server, extension, SECOND);
  await popup.bringToFront();
  await popup.getByTestId('copy-secret').click();
  await expect.poll(() => clipboardText(popup)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  await popup.close();
  const sw = await extension.serviceWorker();
  expect(await sw.evaluate(() => chrome.alarms.get('clear-clipboard').then((a) => a?.name))).toBe(
    'clear-clipboard',
  );

  await expect.poll(() => decoderHeld(extension), WITHIN_A_MINUTE).toBe(false);
  expect(await decoderTargets(cdp, extension.id)).toEqual({ offscreen: 0, workers: 0 });
  // A new offscreen document is created blank and then navigated: its URL shows in either event.
  let reopened = false;
  const watch = (params: Record<string, unknown>) => {
    const info = params.targetInfo as Target;
    if (info.type === 'background_page' && info.url.includes('/offscreen.html')) reopened = true;
  };
  cdp.on('Target.targetCreated', watch);
  cdp.on('Target.targetInfoChanged', watch);

  // The alarm set by "Copy key" fires a minute after the copy, once the decoder is gone.
  await expect
    .poll(() => sw.evaluate(() => chrome.storage.session.get('clipboard-clear')), WITHIN_A_MINUTE)
    .toEqual({});
  await expect.poll(() => reopened).toBe(true);
  expect(recorder.logs.filter((l) => /could not clear the clipboard/.test(l.text))).toEqual([]);
  // This test browser did not grant `clipboardRead` (a prompt no test can answer), so the document cannot
  // read what the clipboard holds: it leaves it alone rather than risk deleting something else.
  const reader = await page.context().newPage();
  await reader.goto(`chrome-extension://${extension.id}/popup.html`);
  expect(await clipboardText(reader)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
});

test('the popup’s own decoder worker (an image file) ends within a minute too, and the next file still reads', async ({
  extension,
}) => {
  test.setTimeout(180_000);
  const popup = await extension.openPopup();
  const choose = async (text: string) =>
    popup.getByTestId('file-input').setInputFiles({
      name: 'qr.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4 }),
    });
  await choose(FIRST);
  await expect(popup.getByTestId('account')).toHaveText('first');
  expect(popup.workers()).toHaveLength(1);
  await expect.poll(() => popup.workers().length, WITHIN_A_MINUTE).toBe(0);
  await choose(SECOND);
  await expect(popup.getByTestId('account')).toHaveText('second');
});

test('a decoder worker its page never ends asks to be ended, then ends itself within a minute', async ({
  extension,
}) => {
  test.setTimeout(180_000);
  const popup = await extension.openPopup();
  // A page that starts the worker and then neither uses nor ends it (its timers held back, or torn down):
  // the worker's own guard (src/worker/quiet-watch.ts) still ends it.
  await popup.evaluate(() => {
    const notices: string[] = [];
    const worker = new Worker('decoder-worker.js');
    worker.onmessage = (event: MessageEvent<{ type: string }>) => notices.push(event.data.type);
    Object.assign(window, { __notices: notices, __worker: worker });
  });
  await expect.poll(() => popup.workers().length).toBe(1);
  const notices = () => popup.evaluate(() => (window as unknown as { __notices: string[] }).__notices);
  await expect.poll(notices, WITHIN_A_MINUTE).toEqual(['quiet', 'closing']);
  await expect.poll(() => popup.workers().length, WITHIN_A_MINUTE).toBe(0);
});
