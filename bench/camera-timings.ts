// The camera page in Chromium (the built extension, its own decoder worker), fed by the fake camera from
// videos made here: frames decoded per second on a 1280×720 stream without a code, and the time from
// `live` to the result for a clear code, a blurred and slightly rotated one, and a 10-account export on a
// phone. In Node: what zxing-wasm's `tryInvert` (on in the project's reader) costs on such a frame.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { installCameraProbe, readProbe } from '../e2e/camera-probe.ts';
import { HANDHELD, HEIGHT, makeVideo, type VideoKind, videoFrames, WIDTH } from '../e2e/camera-videos.ts';
import { extensionLaunchArgs } from '../e2e/launch-args.ts';
import { findChromium } from '../scripts/chromium.mjs';
import { aimRect, cropPixels } from '../src/camera/frame-geometry.ts';
import { encodeExport, exportUri } from '../src/core/otp/test-helpers/migration-encoder.ts';
import { decodeQr } from '../src/core/qr/decode.ts';
import type { Pixels } from '../src/core/qr/types.ts';
import { readWithZxing } from '../src/core/qr/zxing-engine.ts';
import { median, ms, quantile } from './stats.ts';

const EXTENSION = resolve(import.meta.dirname, '..', 'dist', 'chrome');
const OTP = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const EXPORT = exportUri(
  encodeExport({
    accounts: Array.from({ length: 10 }, (_, i) => ({
      secret: Uint8Array.from({ length: 20 }, (_, j) => (i * 37 + j * 11 + 5) & 255),
      name: `user${i + 1}@example.com`,
      issuer: `Service ${i + 1}`,
    })),
  }),
);
const NO_CODE: VideoKind = { kind: 'no-code', wobble: HANDHELD, frames: 30, fps: 30 };
const LATENCY_CASES: [string, string, VideoKind][] = [
  ['clear code (static, printed)', 'bench-clear', { kind: 'clear', text: OTP }],
  [
    'blurred (σ 1.8), rotated 2–5°, noisy card',
    'bench-blurred',
    { kind: 'card', text: OTP, wobble: { ...HANDHELD, blur: 1.8 }, frames: 30 },
  ],
  [
    '10-account export on a phone (σ 0.9, 2–5°)',
    'bench-export',
    { kind: 'phone', text: EXPORT, wobble: HANDHELD, frames: 30 },
  ],
];
const RUNS = 8;
const FPS_SECONDS = 6;

function rgbToPixels(raw: Buffer): Pixels {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let p = 0, q = 0; p < raw.length; p += 3, q += 4) {
    data[q] = raw[p] ?? 0;
    data[q + 1] = raw[p + 1] ?? 0;
    data[q + 2] = raw[p + 2] ?? 0;
    data[q + 3] = 255;
  }
  return { data, width: WIDTH, height: HEIGHT };
}

/** zxing-wasm with and without `tryInvert` on camera-like frames (Node; the wasm must be configured). */
async function timeInversion(): Promise<void> {
  const [noCode] = await videoFrames(NO_CODE, 5);
  const frames = await videoFrames({ kind: 'card', text: OTP, wobble: HANDHELD, frames: 1 }, 5);
  if (!noCode || !frames[0]) return;
  const plain = rgbToPixels(noCode);
  const card = rgbToPixels(frames[0]);
  const inverted: Pixels = { ...card, data: card.data.map((v, i) => (i % 4 === 3 ? v : 255 - v)) };
  console.log('\nthe inverse of a camera frame (zxing-wasm in Node, 1280×720, median of 15):');
  for (const [label, pixels] of [
    ['no code, whole frame', plain],
    ['no code, aiming frame 576×576', cropPixels(plain, aimRect(WIDTH, HEIGHT))],
    ['inverted code (light on dark)', inverted],
  ] as const) {
    const cells: string[] = [];
    for (const tryInvert of [true, false]) {
      const times: number[] = [];
      let found = 0;
      for (let r = 0; r < 15; r++) {
        const start = performance.now();
        found = (await readWithZxing(pixels, { tryInvert })).length;
        times.push(performance.now() - start);
      }
      cells.push(`tryInvert ${tryInvert ? 'on ' : 'off'} ${ms(median(times))} (${found} found)`);
    }
    console.log(`  ${label.padEnd(32)} ${cells.join('   ')}`);
  }
}

/**
 * Which frames of camera-like videos the decoder's first pass alone reads, against every pass (what the
 * camera page's quick frames and thorough frames do), and what each costs.
 */
async function timeFramePasses(): Promise<void> {
  const sets: [string, VideoKind][] = [
    [
      'export on a phone σ 0.8',
      { kind: 'phone', text: EXPORT, wobble: { ...HANDHELD, blur: 0.8 }, frames: 12 },
    ],
    [
      'export on a phone σ 0.95',
      { kind: 'phone', text: EXPORT, wobble: { ...HANDHELD, blur: 0.95 }, frames: 12 },
    ],
    ['card σ 2.6', { kind: 'card', text: OTP, wobble: { ...HANDHELD, blur: 2.6 }, frames: 12 }],
    ['card σ 3.0', { kind: 'card', text: OTP, wobble: { ...HANDHELD, blur: 3.0 }, frames: 12 }],
    ['no code', { kind: 'no-code', wobble: HANDHELD, frames: 12 }],
  ];
  console.log(
    '\ncamera-like frames (Node), aiming frame then whole picture: read by / time per frame, median',
  );
  for (const [label, kind] of sets) {
    const cells: string[] = [];
    for (const [name, budgetMs] of [
      ['first pass only', 0],
      ['every pass', undefined],
    ] as const) {
      let read = 0;
      const times: number[] = [];
      const frames = await videoFrames(kind, 2);
      for (const raw of frames) {
        const frame = rgbToPixels(raw);
        const start = performance.now();
        for (const pixels of [cropPixels(frame, aimRect(WIDTH, HEIGHT)), frame]) {
          const result = await decodeQr(pixels, budgetMs === undefined ? {} : { budgetMs });
          if (result.ok && result.codes.length > 0) {
            read++;
            break;
          }
        }
        times.push(performance.now() - start);
      }
      cells.push(`${name} ${read}/${frames.length} in ${ms(median(times))}`);
    }
    console.log(`  ${label.padEnd(26)} ${cells.join('   ')}`);
  }
}

async function withCamera<T>(
  executablePath: string,
  video: string,
  run: (page: import('@playwright/test').Page) => Promise<T>,
): Promise<T> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'qrkr-bench-camera-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath,
    viewport: { width: 1100, height: 800 },
    args: extensionLaunchArgs(EXTENSION, [
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--use-fake-ui-for-media-stream',
    ]),
  });
  try {
    await installCameraProbe(context);
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    // The onboarding tab opens on install: wait for it, so it cannot come to the front later.
    while (!context.pages().some((p) => p.url().endsWith('/onboarding.html'))) await sw.evaluate(() => 0);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/camera.html`);
    await page.bringToFront();
    return await run(page);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

const state = (page: import('@playwright/test').Page) =>
  page.getByTestId('camera-status').getAttribute('data-state');

function waitFor(page: import('@playwright/test').Page, wanted: string, timeout = 60_000): Promise<void> {
  return page.locator(`[data-testid="camera-status"][data-state="${wanted}"]`).waitFor({ timeout });
}

export async function timeCamera(): Promise<void> {
  await timeInversion();
  await timeFramePasses();
  const executablePath = await findChromium();
  if (!existsSync(join(EXTENSION, 'camera.js')) || !executablePath) {
    console.log('\n(camera timings skipped: run `npm run build` and install Chromium to get them)');
    return;
  }
  const videos = await mkdtemp(join(tmpdir(), 'qrkr-bench-videos-'));
  try {
    console.log('\nthe camera page in Chromium (fake camera, 1280×720):');
    const noCode = await makeVideo(videos, 'bench-no-code', NO_CODE);
    await withCamera(executablePath, noCode, async (page) => {
      await waitFor(page, 'live');
      // Let the worker start and the wasm compile before counting.
      while ((await readProbe(page)).answered.length < 4) await page.waitForTimeout(50);
      const start = await readProbe(page);
      await page.waitForTimeout(FPS_SECONDS * 1000);
      const end = await readProbe(page);
      const whole = (p: typeof end) => p.sent.filter((s) => s.width === WIDTH).length;
      const fps = (whole(end) - whole(start)) / FPS_SECONDS;
      // Each request's time: from its post to the next answer (one request at a time).
      const times = { crop: [] as number[], whole: [] as number[] };
      for (const [i, sent] of end.sent.entries()) {
        const answer = end.answered[i];
        if (!answer || i < 4) continue;
        (sent.width === WIDTH ? times.whole : times.crop).push(answer.at - sent.at);
      }
      console.log(
        `  no code, 30 fps stream: ${fps.toFixed(1)} frames decoded a second (aiming frame, then whole picture, one frame at a time); still ${await state(page)}`,
      );
      console.log(
        `    per decode: aiming frame 576×576 median ${ms(median(times.crop))} (p95 ${ms(quantile(times.crop, 0.95))}), whole 1280×720 median ${ms(median(times.whole))} (p95 ${ms(quantile(times.whole, 0.95))})`,
      );
    });
    for (const [label, name, kind] of LATENCY_CASES) {
      const video = await makeVideo(videos, name, kind);
      const latencies = await withCamera(executablePath, video, async (page) => {
        const found: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          if (r > 0) await page.getByTestId('camera-again').click();
          await waitFor(page, 'done');
          const { states } = await readProbe(page);
          const live = states.findLast((s) => s.state === 'live');
          const done = states.findLast((s) => s.state === 'done');
          if (live && done) found.push(done.at - live.at);
        }
        return found;
      });
      console.log(
        `  ${label.padEnd(44)} live → result median ${ms(median(latencies))}, best ${ms(Math.min(...latencies))}, worst ${ms(Math.max(...latencies))} (${latencies.length} reads)`,
      );
    }
  } finally {
    await rm(videos, { recursive: true, force: true });
  }
}
