import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionLaunchArgs } from './e2e/launch-args.ts';
import { findChromium } from './scripts/chromium.mjs';
import { startServer } from './e2e/server.ts';
const ext = resolve('dist/chrome');
const dir = await mkdtemp(join(tmpdir(), 'exp-'));
const server = await startServer();
const context = await chromium.launchPersistentContext(dir, { headless: true, executablePath: await findChromium(), viewport: { width: 1000, height: 700 }, args: extensionLaunchArgs(ext) });
const page = await context.newPage();
server.serve('/x.html', `<!doctype html><img id=i src="${server.qrUrl('six thousand', { scale: 207 })}" style="width:300px">`);
await page.goto(server.origin + '/x.html');
await page.waitForFunction(() => (document.getElementById('i') as HTMLImageElement).complete);
const enc = await page.evaluate(`(async () => {
  const img = document.getElementById('i');
  const out = { natural: img.naturalWidth };
  for (const side of [2262, 2262, 1100, 1100, 600]) {
    for (const smooth of ['high', 'low']) {
    const c = document.createElement('canvas'); c.width = side; c.height = side;
    const g = c.getContext('2d'); g.imageSmoothingQuality = smooth;
    const s = performance.now(); g.drawImage(img, 0, 0, side, side); const d1 = performance.now();
    const url = c.toDataURL('image/png'); const d2 = performance.now();
    out[side + ' ' + smooth + ' draw/encode'] = (d1 - s).toFixed(1) + ' / ' + (d2 - d1).toFixed(1) + ' len ' + url.length;
    }
  }
  // worker-like decode in the page
  const c = document.createElement('canvas'); c.width = 2262; c.height = 2262; c.getContext('2d').drawImage(img, 0, 0, 2262, 2262);
  const url = c.toDataURL('image/png');
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const blob = await (await fetch(url)).blob(); const t1 = performance.now();
    const bm = await createImageBitmap(blob); const t2 = performance.now();
    const oc = new OffscreenCanvas(bm.width, bm.height); const ctx = oc.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(bm, 0, 0); const t3 = performance.now();
    const data = ctx.getImageData(0, 0, bm.width, bm.height); const t4 = performance.now();
    out['decode ' + i] = [t1-t0, t2-t1, t3-t2, t4-t3].map(x => x.toFixed(1)).join(' / ');
  }
  return out;
})()`);
console.log(enc);
await context.close(); await server.close();
