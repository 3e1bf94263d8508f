import { readdirSync } from 'node:fs';
import QRCode from 'qrcode';
import { EXTENSION_DIR, imagesSettled, showPage } from './fixtures.ts';
import {
  type ContextRecorder,
  forbiddenRequests,
  isExtensionContext,
  type RequestRecord,
} from './trust-context-recorder.ts';
import { expect, scanWithPopup, test } from './trust-fixtures.ts';

/**
 * "No network request of the extension's own, ever": every request of every context is recorded through a
 * DevTools Protocol connection of its own (see trust-context-recorder.ts), across a full run of scans.
 */

const OTPAUTH = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** Every extension page the build ships (popup, onboarding, …); the offscreen document opens itself. */
const EXTENSION_PAGES = readdirSync(EXTENSION_DIR).filter(
  (f) => f.endsWith('.html') && f !== 'offscreen.html',
);
const WASM_FILES = readdirSync(EXTENSION_DIR, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.wasm'));

function listRequests(requests: readonly RequestRecord[]): string {
  return requests.map((r) => `${r.targetType} ${r.targetUrl || r.documentUrl} → ${r.url}`).join('\n');
}

/** The requests for `file` of the extension made by extension contexts of `targetType`. */
function loadsOf(recorder: ContextRecorder, id: string, file: string, targetType?: string): RequestRecord[] {
  return recorder.requests.filter(
    (r) =>
      r.url === `chrome-extension://${id}/${file}` &&
      isExtensionContext(r, id) &&
      (targetType === undefined || r.targetType === targetType),
  );
}

test('a full run of scans makes no request but the page’s own resources and the extension’s files', async ({
  page,
  server,
  extension,
  recorder,
}) => {
  // 1. a same-origin image, read from the page
  const sameOrigin = server.qrUrl(OTPAUTH);
  await showPage(page, server, `<h1>Set up 2FA</h1><img src="${sameOrigin}" alt="QR">`);
  await imagesSettled(page);
  let popup = await scanWithPopup(extension, page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: sameOrigin,
  });
  await expect(popup.getByTestId('entry')).toHaveCount(1);
  await popup.close();

  // 2. a cross-origin image (tainted canvas: the screenshot fallback)
  const crossOrigin = server.qrUrl('cross origin text', {}, server.crossOrigin);
  await showPage(page, server, `<img src="${crossOrigin}" alt="QR">`);
  await imagesSettled(page);
  popup = await scanWithPopup(extension, page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: crossOrigin,
  });
  await expect(popup.getByTestId('text')).toHaveText('cross origin text');
  await popup.close();

  // 3. the whole page
  const pageQr = server.qrUrl('page scan text');
  await showPage(page, server, `<img src="${pageQr}" alt="QR">`);
  await imagesSettled(page);
  popup = await scanWithPopup(extension, page, { menuItemId: 'scan-qr-page' });
  await expect(popup.getByTestId('text')).toHaveText('page scan text');

  // 4. an image file read in the popup
  const png = await QRCode.toBuffer('file text', { type: 'png', scale: 6 });
  await popup.getByTestId('file-input').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
  await expect(popup.getByTestId('text')).toHaveText('file text');
  await popup.close();

  // 5. every other page the extension ships (onboarding), opened as the extension opens it
  for (const file of EXTENSION_PAGES) {
    const extensionPage = await page.context().newPage();
    await extensionPage.goto(`chrome-extension://${extension.id}/${file}`);
    await extensionPage.waitForLoadState('load');
    await extensionPage.close();
  }

  const forbidden = forbiddenRequests(recorder.requests, extension.id, [server.origin, server.crossOrigin]);
  expect(forbidden, listRequests(forbidden)).toEqual([]);

  // Not vacuous: the recorder saw each extension context load what it loads.
  expect(loadsOf(recorder, extension.id, 'popup.js').length).toBeGreaterThanOrEqual(3);
  // Scans open no offscreen document (Chrome's service worker decodes itself; the document only empties
  // the clipboard); the popup's file read starts the decoder worker.
  expect(loadsOf(recorder, extension.id, 'offscreen.js')).toHaveLength(0);
  expect(loadsOf(recorder, extension.id, 'decoder-worker.js')).not.toHaveLength(0);
  for (const wasm of WASM_FILES) {
    expect(
      loadsOf(recorder, extension.id, wasm, 'service_worker'),
      `the service worker's fetch of ${wasm}`,
    ).not.toHaveLength(0);
    expect(loadsOf(recorder, extension.id, wasm, 'worker'), `the worker's fetch of ${wasm}`).not.toHaveLength(
      0,
    );
  }
  for (const file of EXTENSION_PAGES) {
    expect(loadsOf(recorder, extension.id, file), `${file} loaded`).not.toHaveLength(0);
  }
  const prefix = `chrome-extension://${extension.id}/`;
  expect(recorder.find('service_worker', `${prefix}background.js`)).not.toHaveLength(0);
});

/** The page's CSP, not the extension's, governs the extension's script inside a page: its request must be flagged. */
const contentCanaryUrl = 'https://canary.invalid/content-script';

test('the recorder sees a request from each extension context and flags it', async ({
  page,
  server,
  extension,
  recorder,
}) => {
  const src = server.qrUrl('wake the decoder');
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  const popup = await scanWithPopup(extension, page, {
    menuItemId: 'read-qr-image',
    mediaType: 'image',
    srcUrl: src,
  });
  await expect(popup.getByTestId('text')).toHaveText('wake the decoder');
  // The other two contexts, opened as the extension opens them: the popup's decoder worker (a file read)
  // and the offscreen document (which empties the clipboard).
  const png = await QRCode.toBuffer('a file', { type: 'png', scale: 6 });
  await popup.getByTestId('file-input').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
  await expect(popup.getByTestId('text')).toHaveText('a file');
  await (await extension.serviceWorker()).evaluate(() =>
    chrome.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Empty the clipboard a minute after a key was copied, if it still holds that key.',
    }),
  );

  const prefix = `chrome-extension://${extension.id}/`;
  // The recorder attaches to a new context as the browser reports it.
  await expect.poll(() => recorder.find('other', `${prefix}offscreen.html`).length).toBeGreaterThan(0);
  await expect.poll(() => recorder.find('worker', `${prefix}decoder-worker.js`).length).toBeGreaterThan(0);
  const contexts = {
    'service worker': recorder.find('service_worker', `${prefix}background.js`)[0],
    'offscreen document': recorder.find('other', `${prefix}offscreen.html`)[0],
    'decoder worker': recorder.find('worker', `${prefix}decoder-worker.js`)[0],
    popup: recorder.find('page', `${prefix}popup.html`)[0],
  };
  const canaries: string[] = [];
  const ownCanaries: string[] = [];
  for (const [name, target] of Object.entries(contexts)) {
    expect(target, `a session on the ${name}`).toBeDefined();
    const sessionId = target?.sessionId ?? '';
    // The recorder sees this context's requests: one to the extension's own files is recorded and attributed.
    const own = `${prefix}canary/${encodeURIComponent(name)}`;
    ownCanaries.push(own);
    await recorder.evaluate(sessionId, `fetch(${JSON.stringify(own)}).catch(() => 0)`);
    // And the manifest's CSP (connect-src 'self') makes the browser refuse any other address outright.
    const outside = `https://canary.invalid/${encodeURIComponent(name)}`;
    const answer = await recorder.evaluate(
      sessionId,
      `fetch(${JSON.stringify(outside)}).then(() => 'sent', (error) => 'refused: ' + error)`,
    );
    expect(String(answer), `the ${name} cannot reach ${outside}`).toMatch(/^refused: /);
  }
  await expect
    .poll(() => recorder.requests.filter((r) => isExtensionContext(r, extension.id)).map((r) => r.url))
    .toEqual(expect.arrayContaining(ownCanaries));
  expect(
    recorder.requests.filter(
      (r) => r.url.startsWith('https://canary.invalid/') && r.url !== contentCanaryUrl,
    ),
  ).toEqual([]);

  // The extension's script inside the page (as the grab function runs) is the extension's too.
  const contentCanary = contentCanaryUrl;
  canaries.push(contentCanary);
  await (await extension.serviceWorker()).evaluate(
    async ([pageUrl, url]) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) throw new Error('no tab');
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: (address: string) => {
          void fetch(address).catch(() => 0);
        },
        args: [url],
      });
    },
    [page.url(), contentCanary] as const,
  );

  await expect
    .poll(() =>
      forbiddenRequests(recorder.requests, extension.id, [server.origin, server.crossOrigin])
        .filter((r) => isExtensionContext(r, extension.id))
        .map((r) => r.url),
    )
    .toEqual(expect.arrayContaining(canaries));
});
