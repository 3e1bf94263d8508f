import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { TestServer } from '../../e2e/server.ts';

/** One way of reading a code, timed from the person's action to the key painted in the popup. */
export interface BenchCase {
  id: string;
  name: string;
  /** Fewer runs for the slow, informative cases. */
  runsFactor: number;
  /** Right-click cases: the page shown and the menu click's `info`. */
  menu?: {
    body(server: TestServer): string;
    info(server: TestServer): Record<string, unknown>;
  };
  /**
   * `--without-popup` (Chromium): this case repeats the right-click case of that name with a click that opens
   * no toolbar popup (`action.openPopup` answers at once without opening one), so the scan runs without the
   * browser building a popup beside it.
   */
  twinOf?: string;
  /** The popup's file input: the file chosen. */
  file?: { name: string; mimeType: string; buffer: Buffer };
  /** A popup opened on a finished scan: from the window asked for to the key painted in it. */
  popupOpen?: true;
}

/** Serves a right-click case's page on the test server, under a path of its own; returns its URL. */
export function serveCasePage(server: TestServer, menu: NonNullable<BenchCase['menu']>): string {
  const path = `/bench-${Math.random().toString(36).slice(2)}.html`;
  server.serve(
    path,
    `<!doctype html><meta charset="utf-8"><title>bench</title><body>${menu.body(server)}</body>`,
  );
  return `${server.origin}${path}`;
}

/** In the page: every image has loaded (or failed). */
export const IMAGES_SETTLED = () => Array.from(document.images).every((image) => image.complete);

const SECRET = 'JBSWY3DPEHPK3PXP';
const CROSS_SRC = (s: TestServer) =>
  s.qrUrl(`otpauth://totp/Bench:cross?secret=${SECRET}`, {}, s.crossOrigin);
const SAME_SRC = (s: TestServer) => s.qrUrl(`otpauth://totp/Bench:same?secret=${SECRET}`);
const BIG_SRC = (s: TestServer) => s.qrUrl('six thousand', { scale: 207 });

/** A 1920×1080 screenshot of a page (the fixture) with an enrolment code on it, as a person saves one. */
async function screenshotWithCode(): Promise<Buffer> {
  const page = await readFile(
    resolve(import.meta.dirname, '../../test/fixtures/qr/generated/screenshot-no-qr-1920x1080.png'),
  );
  const qr = await QRCode.toBuffer(`otpauth://totp/Bench:file?secret=${SECRET}&issuer=Bench`, {
    type: 'png',
    scale: 6,
    margin: 4,
  });
  return sharp(page)
    .composite([{ input: qr, left: 1200, top: 380 }])
    .png()
    .toBuffer();
}

export async function benchCases(): Promise<BenchCase[]> {
  return [
    {
      id: 'same-origin',
      name: 'image, same origin (read directly)',
      runsFactor: 1,
      menu: {
        body: (s) => `<h1>Enrol</h1><img src="${SAME_SRC(s)}" alt="QR">`,
        info: (s) => ({ menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: SAME_SRC(s) }),
      },
    },
    {
      id: 'popup-open',
      name: 'popup opened on a stored result',
      runsFactor: 1,
      popupOpen: true,
    },
    {
      id: 'cross-origin',
      name: 'image, cross origin (screenshot)',
      runsFactor: 1,
      menu: {
        body: (s) => `<h1>Enrol</h1><img src="${CROSS_SRC(s)}" alt="QR">`,
        info: (s) => ({ menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: CROSS_SRC(s) }),
      },
    },
    {
      id: 'page-scan',
      name: 'page scan (text, a cross-origin image, a canvas)',
      runsFactor: 1,
      menu: {
        body: (s) =>
          `<h1>Enrol</h1><p>Scan the code with your app.</p><img src="${CROSS_SRC(s)}" alt="QR">
           <canvas id="c" width="200" height="120"></canvas>
           <script>const c=document.getElementById('c').getContext('2d');c.fillStyle='#38c';c.fillRect(0,0,200,120);</script>`,
        info: () => ({ menuItemId: 'scan-qr-page' }),
      },
    },
    {
      id: 'large',
      name: 'image, 6000 px (read directly)',
      runsFactor: 0.5,
      menu: {
        body: (s) => `<img src="${BIG_SRC(s)}" style="width:300px" alt="QR">`,
        info: (s) => ({ menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: BIG_SRC(s) }),
      },
    },
    {
      id: 'file',
      name: 'file input, 1920×1080 screenshot',
      runsFactor: 1,
      file: { name: 'screenshot.png', mimeType: 'image/png', buffer: await screenshotWithCode() },
    },
  ];
}

/**
 * `--without-popup`: each right-click case followed by its twin whose click opens no toolbar popup. The
 * difference is what the browser building the popup (its window, its page) costs the scan beside it.
 */
export function withPopuplessTwins(cases: BenchCase[]): BenchCase[] {
  return cases.flatMap((c) =>
    c.menu
      ? [
          c,
          {
            ...c,
            id: `${c.id}-no-popup`,
            name: '  └ the same, no popup opened',
            twinOf: c.name,
          },
        ]
      : [c],
  );
}
