import { type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { readWithZxing } from '../src/core/qr/zxing-engine.ts';
import { qrPixels } from '../test/helpers/qr-pixels.ts';
import { useZxingFromNodeModules } from '../test/helpers/zxing-node.ts';
import { loadPixels } from './corpus.ts';

useZxingFromNodeModules();
await readWithZxing({ data: new Uint8ClampedArray(4).fill(255), width: 1, height: 1 }, {});
const text = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const small = qrPixels(text, { scale: 10 });
const shot = await loadPixels(
  new URL('../test/fixtures/qr/generated/screenshot-no-qr-1920x1080.png', import.meta.url).pathname,
);
// paste the QR into the screenshot
const withQr = { data: new Uint8ClampedArray(shot.data), width: shot.width, height: shot.height };
for (let y = 0; y < small.height; y++)
  withQr.data.set(
    small.data.subarray(y * small.width * 4, (y + 1) * small.width * 4),
    ((300 + y) * shot.width + 1200) * 4,
  );
const big = qrPixels('six thousand', { scale: 70 });
const base: ReaderOptions = {
  formats: ['QRCode'],
  textMode: 'Plain',
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 255,
};
const variants: Record<string, ReaderOptions> = {
  current: base,
  noRotate: { ...base, tryRotate: false },
  noInvert: { ...base, tryInvert: false },
  noDownscale: { ...base, tryDownscale: false },
  noRotNoInv: { ...base, tryRotate: false, tryInvert: false },
  max1: { ...base, maxNumberOfSymbols: 1 },
  noHarder: { ...base, tryHarder: false },
};
for (const [name, px] of [
  ['small', small],
  ['shot+qr', withQr],
  ['shot', shot],
  ['big', big],
] as const) {
  const line: string[] = [];
  const times: Record<string, number[]> = {};
  const found: Record<string, number> = {};
  for (let i = 0; i < 7; i++)
    for (const [v, opts] of Object.entries(variants)) {
      const c = process.cpuUsage();
      found[v] = (await readBarcodes(px as unknown as ImageData, opts)).length;
      const d = process.cpuUsage(c);
      (times[v] ??= []).push((d.user + d.system) / 1000);
    }
  for (const v of Object.keys(variants)) {
    const t = times[v]!.sort((a, b) => a - b);
    line.push(`${v} ${t[3]!.toFixed(1)}/${found[v]}`);
  }
  console.log(`${name} ${px.width}x${px.height}: ${line.join('  ')}`);
}
