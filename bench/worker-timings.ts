// The same large-image figures in the real thing: the built extension's decoder worker in Chromium, from
// encoded file to answer (image decoding, canvas and the decoder), timed by an extension page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { findChromium } from '../scripts/chromium.mjs';
import { openExtensionPopup } from './extension-popup.ts';
import { median, ms } from './stats.ts';

const EXTENSION = resolve(import.meta.dirname, '..', 'dist', 'chrome');

async function cases(): Promise<[string, Buffer, number][]> {
  const text = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
  const qr = await QRCode.toBuffer(text, { type: 'png', scale: 12, margin: 4 });
  const white = (w: number, h: number) =>
    sharp({ create: { width: w, height: h, channels: 3, background: '#fff' } });
  const screenshot = await readFile(
    resolve(import.meta.dirname, '..', 'test/fixtures/qr/generated/screenshot-no-qr-1920x1080.png'),
  );
  return [
    ['1920×1080 page screenshot PNG, no code', screenshot, 15],
    ['1920×1080 blank PNG, no code', await white(1920, 1080).png().toBuffer(), 15],
    ['QR code PNG (444×444)', qr, 15],
    [
      '6000×6000 PNG, one code',
      await white(6000, 6000)
        .composite([{ input: qr, left: 2800, top: 2800 }])
        .png()
        .toBuffer(),
      5,
    ],
    ['8000×8000 PNG (refused: too large)', await white(8000, 8000).png().toBuffer(), 5],
  ];
}

export async function timeWorker(): Promise<void> {
  const executablePath = await findChromium();
  if (!existsSync(join(EXTENSION, 'decoder-worker.js')) || !executablePath) {
    console.log('\n(worker timings skipped: run `npm run build` and install Chromium to get them)');
    return;
  }
  const { page, close } = await openExtensionPopup(executablePath, EXTENSION);
  try {
    // As a string: tsx's name-keeping helpers do not exist inside the page.
    await page.evaluate(`{
      const worker = new Worker('decoder-worker.js');
      let id = 0;
      globalThis.decodeTimed = (base64) => new Promise((done) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
        const mine = ++id;
        const start = performance.now();
        const onMessage = (event) => {
          if (event.data.id !== mine) return;
          worker.removeEventListener('message', onMessage);
          done({ ms: performance.now() - start, result: event.data.result });
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ type: 'decode', id: mine, image: blob });
      });
      // The browser's share alone: PNG → ImageBitmap → canvas → RGBA, as the worker does it.
      globalThis.pixelsTimed = async (base64) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
        const start = performance.now();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.fillStyle = '#fff';
        context.fillRect(0, 0, bitmap.width, bitmap.height);
        context.drawImage(bitmap, 0, 0);
        context.getImageData(0, 0, bitmap.width, bitmap.height);
        bitmap.close();
        return performance.now() - start;
      };
    }`);
    type Timed = { ms: number; result: { ok: boolean; codes?: unknown[]; error?: { code: string } } };
    const decode = (bytes: Buffer) =>
      page.evaluate(
        (b64) => (globalThis as unknown as { decodeTimed(b: string): Promise<Timed> }).decodeTimed(b64),
        bytes.toString('base64'),
      );
    const pixelsOnly = (bytes: Buffer) =>
      page.evaluate(
        (b64) => (globalThis as unknown as { pixelsTimed(b: string): Promise<number> }).pixelsTimed(b64),
        bytes.toString('base64'),
      );
    const all = await cases();
    const first = await decode(all[2]?.[1] ?? Buffer.alloc(0));
    console.log(
      `\nthe extension's worker in Chromium (encoded PNG in → answer out, median (best) of the runs):`,
    );
    console.log(`  first decode of a fresh worker (wasm compile included): ${ms(first.ms)}`);
    for (const [label, bytes, runs] of all) {
      const times: number[] = [];
      let last: Timed | undefined;
      for (let r = 0; r < runs; r++) {
        last = await decode(bytes);
        times.push(last.ms);
      }
      const outcome = last?.result.ok ? `${last.result.codes?.length} found` : last?.result.error?.code;
      console.log(`  ${label.padEnd(40)} ${ms(median(times))} (${ms(Math.min(...times))}), ${outcome}`);
      if (label.startsWith('1920') || label.startsWith('QR')) {
        const imaging: number[] = [];
        for (let r = 0; r < runs; r++) imaging.push(await pixelsOnly(bytes));
        console.log(
          `    of which the browser's PNG → RGBA alone: ${ms(median(imaging))} (${ms(Math.min(...imaging))})`,
        );
      }
    }
  } finally {
    await close();
  }
}
