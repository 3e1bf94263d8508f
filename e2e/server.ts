import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

/**
 * The pages and images the e2e tests show the extension, on two origins of one local server:
 * `origin` (127.0.0.1) and `crossOrigin` (localhost), which the browser treats as different sites.
 *
 * - `/qr.png?text=…&scale=…&margin=…&dark=…&light=…&cors=1`: a QR code made on the fly (`light=00000000`
 *   for a transparent background).
 * - `/qr.svg?text=…`: the same as an SVG file.
 * - `/broken.png`: not an image.
 * - pages registered with `serve(path, html)`.
 */
export interface TestServer {
  origin: string;
  crossOrigin: string;
  serve(path: string, body: string | Buffer, contentType?: string): void;
  /** URL of a generated QR code image on the given origin. */
  qrUrl(text: string, options?: QrImageOptions, origin?: string): string;
  close(): Promise<void>;
}

export interface QrImageOptions {
  format?: 'png' | 'svg';
  scale?: number;
  margin?: number;
  dark?: string;
  light?: string;
  cors?: boolean;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, { body: string | Buffer; contentType: string }>();
  /** Generated images by path and query: a 6000 px PNG takes seconds to make, so it is made once. */
  const generated = new Map<string, Promise<Buffer | string>>();
  const once = (key: string, make: () => Promise<Buffer | string>) => {
    let made = generated.get(key);
    if (!made) {
      made = make();
      generated.set(key, made);
    }
    return made;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (url.searchParams.get('cors') === '1') headers['Access-Control-Allow-Origin'] = '*';
    const text = url.searchParams.get('text') ?? '';
    const color = {
      dark: `#${url.searchParams.get('dark') ?? '000000ff'}`,
      light: `#${url.searchParams.get('light') ?? 'ffffffff'}`,
    };
    const margin = Number(url.searchParams.get('margin') ?? 4);
    if (url.pathname === '/qr.png') {
      const scale = Number(url.searchParams.get('scale') ?? 8);
      const png = await once(`${url.pathname}?${url.searchParams}`, () =>
        QRCode.toBuffer(text, { type: 'png', scale, margin, color, errorCorrectionLevel: 'M' }),
      );
      res.writeHead(200, { ...headers, 'Content-Type': 'image/png' }).end(png);
      return;
    }
    if (url.pathname === '/qr.svg') {
      const svg = await once(`${url.pathname}?${url.searchParams}`, () =>
        QRCode.toString(text, { type: 'svg', margin, color, errorCorrectionLevel: 'M' }),
      );
      res.writeHead(200, { ...headers, 'Content-Type': 'image/svg+xml' }).end(svg);
      return;
    }
    if (url.pathname === '/broken.png') {
      res.writeHead(200, { ...headers, 'Content-Type': 'image/png' }).end('this is not a PNG');
      return;
    }
    const route = routes.get(url.pathname);
    if (route) {
      res.writeHead(200, { ...headers, 'Content-Type': route.contentType }).end(route.body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const crossOrigin = `http://localhost:${port}`;

  return {
    origin,
    crossOrigin,
    serve(path, body, contentType = 'text/html; charset=utf-8') {
      routes.set(path, { body, contentType });
    },
    qrUrl(text, options = {}, base = origin) {
      const params = new URLSearchParams({ text });
      if (options.scale !== undefined) params.set('scale', String(options.scale));
      if (options.margin !== undefined) params.set('margin', String(options.margin));
      if (options.dark) params.set('dark', options.dark);
      if (options.light) params.set('light', options.light);
      if (options.cors) params.set('cors', '1');
      return `${base}/qr.${options.format ?? 'png'}?${params}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
