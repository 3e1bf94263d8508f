import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

/**
 * A server whose images arrive only when the test says so: a scan reading one is held in the middle (the
 * grab waits for the image), which makes "stop the worker mid-scan" and "a late result" deterministic.
 *
 * - `/now.png?text=…`: a QR code, at once.
 * - `/held.png?text=…`: the same, sent when `release()` is called.
 * - `/page.html?body=…`: a page showing `body` (so the images are same-origin with it).
 */
export interface HeldServer {
  origin: string;
  /** Resolves once the browser has asked for a held image. */
  requested(): Promise<void>;
  /** Sends every held image. */
  release(): Promise<void>;
  close(): Promise<void>;
}

export async function startHeldServer(): Promise<HeldServer> {
  const held: { res: ServerResponse; text: string }[] = [];
  let onRequest: (() => void) | undefined;
  let requested = new Promise<void>((resolve) => {
    onRequest = resolve;
  });
  const png = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4 });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = url.searchParams.get('text') ?? '';
    const headers = { 'Cache-Control': 'no-store' };
    if (url.pathname === '/page.html') {
      const body = url.searchParams.get('body') ?? '';
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><meta charset="utf-8"><title>held</title></head><body>${body}</body></html>`,
      );
    } else if (url.pathname === '/now.png') {
      void png(text).then((image) =>
        res.writeHead(200, { ...headers, 'Content-Type': 'image/png' }).end(image),
      );
    } else if (url.pathname === '/held.png') {
      held.push({ res, text });
      onRequest?.();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested: () => requested,
    async release() {
      for (const { res, text } of held.splice(0)) {
        res.writeHead(200, { 'Cache-Control': 'no-store', 'Content-Type': 'image/png' }).end(await png(text));
      }
      requested = new Promise<void>((resolve) => {
        onRequest = resolve;
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
