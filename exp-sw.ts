import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionLaunchArgs } from './e2e/launch-args.ts';
import { findChromium } from './scripts/chromium.mjs';
const dir = await mkdtemp(join(tmpdir(), 'exp-'));
const context = await chromium.launchPersistentContext(dir, { headless: true, executablePath: await findChromium(), args: extensionLaunchArgs(resolve('dist/chrome')) });
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
console.log(await sw.evaluate(`(async () => {
  const t0 = performance.now();
  const bytes = await (await fetch('zxing_reader.wasm')).arrayBuffer();
  const t1 = performance.now();
  const m = await WebAssembly.compile(bytes);
  const t2 = performance.now();
  const oc = new OffscreenCanvas(10, 10); const ok = !!oc.getContext('2d');
  return { fetch: t1 - t0, compile: t2 - t1, size: bytes.byteLength, canvas: ok, bitmap: typeof createImageBitmap };
})()`));
await context.close();
