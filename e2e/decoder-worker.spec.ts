import { deflateSync } from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { expect, imagesSettled, showPage, test } from './fixtures.ts';

const TEXT = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  parentId?: string;
}
type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown };

/**
 * DevTools sessions inside sessions, through the browser's own CDP session (Playwright's CDPSession
 * cannot address child sessions): the service worker, and any dedicated worker started under it, attached
 * paused so its network is recorded from its first request.
 */
class NestedTargets {
  readonly requests: string[] = [];
  readonly workers: TargetInfo[] = [];
  private nextId = 1;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event) => this.receive([event.sessionId], event.message));
  }

  /** Attaches to a target; its workers are attached paused, recorded, then resumed. */
  async attach(targetId: string): Promise<string> {
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: false });
    this.send([sessionId], 'Network.enable');
    this.send([sessionId], 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: false,
    });
    return sessionId;
  }

  /** Sends a command down a path of sessions (outermost first). */
  send(path: string[], method: string, params: Record<string, unknown> = {}): void {
    let message = JSON.stringify({ id: this.nextId++, method, params });
    for (const sessionId of [...path].reverse().slice(0, -1)) {
      message = JSON.stringify({
        id: this.nextId++,
        method: 'Target.sendMessageToTarget',
        params: { sessionId, message },
      });
    }
    void this.cdp.send('Target.sendMessageToTarget', { sessionId: path[0] as string, message });
  }

  private receive(path: string[], raw: string): void {
    const message = JSON.parse(raw) as Message;
    const params = message.params ?? {};
    if (message.method === 'Target.receivedMessageFromTarget') {
      this.receive([...path, params.sessionId as string], params.message as string);
    } else if (message.method === 'Network.requestWillBeSent') {
      this.requests.push((params.request as { url: string }).url);
    } else if (message.method === 'Target.attachedToTarget') {
      const info = params.targetInfo as TargetInfo;
      const child = [...path, params.sessionId as string];
      if (info.type === 'worker') this.workers.push(info);
      this.send(child, 'Network.enable');
      this.send(child, 'Runtime.runIfWaitingForDebugger');
    }
  }
}

test('Chrome decodes in the service worker itself, with the wasm from the extension; no document or worker opens', async ({
  context,
  page,
  server,
  extension,
}) => {
  const browser = context.browser();
  if (!browser) throw new Error('no browser');
  const cdp = await browser.newBrowserCDPSession();
  // Every request of every page and frame, browser-wide.
  const frameRequests: string[] = [];
  cdp.on('Fetch.requestPaused', (event) => {
    frameRequests.push(event.request.url);
    void cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  const nested = new NestedTargets(cdp);
  const targets = async () =>
    ((await cdp.send('Target.getTargets')) as unknown as { targetInfos: TargetInfo[] }).targetInfos;
  const sw = await extension.serviceWorker();
  const background = (await targets()).find(
    (t) => t.type === 'service_worker' && t.url.includes(extension.id),
  );
  if (!background) throw new Error('no service worker target');
  await nested.attach(background.targetId);

  const src = server.qrUrl(TEXT);
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  const popup = await extension.scan(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  await expect(popup.getByTestId('secret')).toHaveText(/JBSW ?Y3DP ?EHPK ?3PXP/);

  // The service worker fetched the wasm from the extension itself, and nothing else.
  const wasmUrl = `chrome-extension://${extension.id}/zxing_reader.wasm`;
  await expect.poll(() => nested.requests).toContain(wasmUrl);
  expect(nested.requests.filter((url) => !url.startsWith(`chrome-extension://${extension.id}/`))).toEqual([]);
  // It decoded there: its stage marks hold the decode; no offscreen document and no worker was started.
  const stages = await sw.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('qrkr:')),
  );
  expect(stages).toEqual(expect.arrayContaining(['qrkr:decoder-received', 'qrkr:decoder-answered']));
  expect(nested.workers).toEqual([]);
  expect((await targets()).filter((t) => t.url.includes(`${extension.id}/offscreen.html`))).toEqual([]);
  // The code was read by zxing-wasm (the scan state keeps which engine read it).
  const stored = await sw.evaluate(() => chrome.storage.session.get(null));
  expect(JSON.stringify(stored)).toContain('"engine":"zxing-wasm"');

  const network = [...frameRequests, ...nested.requests].filter((url) => /^https?:/.test(url));
  const foreign = network.filter((url) => new URL(url).origin !== server.origin);
  expect(foreign).toEqual([]);
});

/** A PNG whose header claims `width`×`height` but holds a few bytes of data: a decompression bomb. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Outcome = { ok: true; texts: string[] } | { ok: false; code: string };

/**
 * Posts encoded images, back to back, to a fresh decoder worker started by an extension page; its
 * answers, summarised, in the order of the requests.
 */
async function decodeAllInWorker(page: Page, images: Buffer[], type = 'image/png'): Promise<Outcome[]> {
  return page.evaluate(
    async ([all, mime]) => {
      const worker = new Worker('decoder-worker.js');
      type Answer = {
        id: number;
        result: { ok: boolean; codes?: { text: string }[]; error?: { code: string } };
      };
      try {
        const answers = await new Promise<Answer[]>((resolve, reject) => {
          const received: Answer[] = [];
          worker.onmessage = (event: MessageEvent<Answer>) => {
            received.push(event.data);
            if (received.length === all.length) resolve(received);
          };
          worker.onerror = (event) => reject(new Error(event.message));
          all.forEach((base64, id) => {
            const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
            worker.postMessage({ type: 'decode', id, image: new Blob([data], { type: mime }) });
          });
        });
        return answers
          .sort((a, b) => a.id - b.id)
          .map(({ result }) =>
            result.ok
              ? { ok: true as const, texts: (result.codes ?? []).map((c) => c.text) }
              : { ok: false as const, code: result.error?.code ?? '?' },
          );
      } finally {
        worker.terminate();
      }
    },
    [images.map((b) => b.toString('base64')), type] as const,
  );
}

async function decodeInWorker(page: Page, bytes: Buffer): Promise<Outcome> {
  const [outcome] = await decodeAllInWorker(page, [bytes]);
  if (!outcome) throw new Error('no answer');
  return outcome;
}

test('huge, truncated, empty and bomb images end in a typed error or a bounded result in the worker', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  const page = await extension.openPopup();
  const qr = await QRCode.toBuffer(TEXT, { type: 'png', scale: 12, margin: 4 });

  expect(await decodeInWorker(page, qr)).toEqual({ ok: true, texts: [TEXT] });
  expect(await decodeInWorker(page, bombPng(30000, 30000))).toEqual({ ok: false, code: 'image-too-large' });
  expect(await decodeInWorker(page, Buffer.alloc(0))).toEqual({ ok: false, code: 'invalid-image' });
  expect(await decodeInWorker(page, Buffer.from('not an image at all'))).toEqual({
    ok: false,
    code: 'invalid-image',
  });
  const truncated = await decodeInWorker(page, qr.subarray(0, Math.floor(qr.length / 2)));
  expect(truncated.ok ? 'decoded' : truncated.code).toMatch(/^(decoded|invalid-image)$/);

  const white = (side: number) =>
    sharp({ create: { width: side, height: side, channels: 3, background: '#fff' } });
  const huge = await white(8000).png({ compressionLevel: 9 }).toBuffer();
  expect(await decodeInWorker(page, huge)).toEqual({ ok: false, code: 'image-too-large' });
  // 6000×6000 with a code: shrunk by the browser's decoder to the first pass's size, then read.
  const large = await white(6000)
    .composite([{ input: qr, left: 2600, top: 2600 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
  expect(await decodeInWorker(page, large)).toEqual({ ok: true, texts: [TEXT] });

  // A newer request cancels the one in progress: the large image is still being read when the small
  // one arrives, and is answered `cancelled`; the newer one is read.
  expect(await decodeAllInWorker(page, [large, qr])).toEqual([
    { ok: false, code: 'cancelled' },
    { ok: true, texts: [TEXT] },
  ]);
});
