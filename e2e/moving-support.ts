import type { Locator, Page } from '@playwright/test';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { readBarcodes } from 'zxing-wasm/reader';
import {
  type ExportAccount,
  encodeExport,
  exportUri,
} from '../src/core/otp/test-helpers/migration-encoder.ts';
import { useZxingFromNodeModules } from '../test/helpers/zxing-node.ts';
import { expect } from './fixtures.ts';

/** Shared by the moving-*.spec.ts files (issue 11: moving accounts). */

/** One account of a generated export: what the popup must show and carry into every file. */
export interface SampleAccount {
  issuer: string;
  account: string;
  /** Uppercase base32, no padding. */
  secret: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += BASE32[Number.parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** A distinct 20-byte key for account `n` of export `id`. */
function keyBytes(id: number, n: number): Uint8Array {
  return Uint8Array.from({ length: 20 }, (_, i) => (id * 31 + n * 17 + i * 7) & 0xff);
}

export interface SampleExport {
  /** The QR text of each part, in part order. */
  parts: string[];
  /** Every account, in part order. */
  accounts: SampleAccount[];
}

/**
 * A Google Authenticator export of `partCount` QR codes of `perPart` accounts each, as its encoder writes
 * them (same random `batch_id` on every part, `batch_index` from 0).
 */
export function sampleExport(id: number, partCount: number, perPart: number): SampleExport {
  const parts: string[] = [];
  const accounts: SampleAccount[] = [];
  for (let p = 0; p < partCount; p++) {
    const inPart: ExportAccount[] = [];
    for (let a = 0; a < perPart; a++) {
      const n = p * perPart + a + 1;
      const sample = { issuer: `Service ${n}`, account: `user${n}@example.com`, secret: '' };
      const secret = keyBytes(id, n);
      sample.secret = base32(secret);
      accounts.push(sample);
      inPart.push({ secret, name: `${sample.issuer}:${sample.account}`, issuer: sample.issuer });
    }
    const bytes = encodeExport({ accounts: inPart, batchId: id, batchIndex: p, batchSize: partCount });
    parts.push(exportUri(bytes));
  }
  return { parts, accounts };
}

/** A QR code PNG of `text`, as a screenshot or a saved image would hold it. */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale, margin: 4, errorCorrectionLevel: 'M' });
}

/**
 * A phone screenshot (1080×2400 by default) of Google Authenticator's export screen: a title bar, the QR
 * code large in the middle, a button below, as the person would photograph or screenshot each part.
 */
export async function phoneScreenshot(text: string, width = 1080, height = 2400): Promise<Buffer> {
  const qr = await QRCode.toBuffer(text, { type: 'png', width: Math.round(width * 0.74), margin: 4 });
  const { width: side = 0 } = await sharp(qr).metadata();
  const bar = (top: number, h: number, color: string) => ({
    input: { create: { width, height: h, channels: 3 as const, background: color } },
    top,
    left: 0,
  });
  return sharp({ create: { width, height, channels: 3, background: '#f8f9fa' } })
    .composite([
      bar(0, 90, '#dadce0'),
      bar(90, 200, '#ffffff'),
      { input: qr, top: Math.round((height - side) / 2), left: Math.round((width - side) / 2) },
      {
        input: { create: { width: 400, height: 120, channels: 3, background: '#1a73e8' } },
        top: height - 360,
        left: width - 480,
      },
    ])
    .png()
    .toBuffer();
}

/** A phone-sized screenshot with no code in it. */
export function blankScreenshot(width = 1080, height = 2400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#f8f9fa' } })
    .png()
    .toBuffer();
}

/** A file for `setInputFiles`. */
export function pngFile(name: string, buffer: Buffer): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'image/png', buffer };
}

let zxingReady = false;

/** Every QR code text in a PNG, read in Node by zxing-wasm (not the extension's own decoder). */
export async function decodePng(png: Buffer): Promise<string[]> {
  if (!zxingReady) {
    useZxingFromNodeModules();
    zxingReady = true;
  }
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], textMode: 'Plain' });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** The shown accounts, in order, as issuer / account / key (the key without its grouping spaces). */
export async function shownAccounts(popup: Page): Promise<SampleAccount[]> {
  const entries = popup.locator('[data-testid="entry"][data-kind="otp"]');
  return entries.evaluateAll((cards) =>
    cards.map((card) => ({
      issuer: card.querySelector('[data-testid="issuer"]')?.textContent ?? '',
      account: card.querySelector('[data-testid="account"]')?.textContent ?? '',
      secret: (card.querySelector('[data-testid="secret"]')?.textContent ?? '').replace(/\s/g, ''),
    })),
  );
}

/** Waits for `count` account cards and returns them. */
export async function expectAccounts(popup: Page, expected: SampleAccount[]): Promise<void> {
  await expect(popup.locator('[data-testid="entry"][data-kind="otp"]')).toHaveCount(expected.length);
  expect(await shownAccounts(popup)).toEqual(expected);
}

/** Dispatches a drop (or a paste) of PNG files on the popup, as the browser does for files from the desktop. */
export async function dropFiles(
  popup: Page,
  target: Locator,
  files: { name: string; buffer: Buffer }[],
  how: 'drop' | 'paste',
): Promise<void> {
  const encoded = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
  if (how === 'paste') {
    await popup.evaluate((list) => {
      const data = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], name, { type: 'image/png' }));
      }
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, encoded);
    return;
  }
  const data = await popup.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: 'image/png' }));
    }
    return transfer;
  }, encoded);
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('drop', { dataTransfer: data });
}

/** Records every text the `progress` line shows, from now on (a MutationObserver in the popup). */
export async function recordProgress(popup: Page): Promise<() => Promise<string[]>> {
  await popup.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
    const line = document.querySelector('[data-testid="progress"]');
    if (!line) throw new Error('no progress line');
    new MutationObserver(() => {
      if (line.textContent) seen.push(line.textContent);
    }).observe(line, { childList: true, characterData: true, subtree: true });
  });
  return () => popup.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
}
