import { decodeQr } from '../core/qr/decode.ts';
import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import { releaseZxing, useZxingWasm, warmUpZxing } from '../core/qr/zxing-engine.ts';
import type { BatchJob, ImageBatch } from '../shared/image-batch.ts';
import { markStage } from '../shared/stage-marks.ts';
import type { WorkerRequest, WorkerResponse } from '../shared/worker-protocol.ts';
import { loadPixels, openImage, pixelsOf, prepareCanvas, releaseCanvas } from './load-pixels.ts';
import { foundCodes, readAsEncoded } from './read-encoded.ts';
import { runBatch } from './run-batch.ts';

/**
 * The decoder itself, for the realm it runs in: the dedicated worker (Firefox's event page, the popup, the
 * camera page start one) or Chrome's service worker, which can start no worker and decodes there. Encoded
 * images in (a Blob becomes pixels painted over white), QR codes out, through the pure core. zxing-wasm's
 * `.wasm` is loaded from the extension's own URL, never from zxing-wasm's default CDN.
 */

/** Time one decode may take after its pixels are ready; the host has its own, longer timeout. */
const BUDGET_MS = 5000;
/** Time a whole batch may take (each job still gets its first pass). */
const BATCH_BUDGET_MS = 10_000;

/**
 * Points the engine at the extension's `.wasm` and compiles it now, while the first image is on its way;
 * the canvas that turns images into pixels is made meanwhile too.
 */
export function startEngine(wasmUrl: string): void {
  useZxingWasm({ url: wasmUrl });
  void warmUpZxing().then(
    () => markStage('wasm-ready'),
    () => undefined,
  );
  setTimeout(() => {
    prepareCanvas();
    markStage('canvas-ready');
  }, 0);
}

/** Lets go of the compiled module, its heap and the canvas (the decoder is idle; the next use starts again). */
export function stopEngine(): void {
  releaseZxing();
  releaseCanvas();
}

type Failure = Extract<DecodeResult, { ok: false }>;

/**
 * Pixels drawn by the canvas are already over white. `quickFirst` is off when the encoded read already
 * found nothing as the image is (the thorough read covers what the quick one would find).
 */
async function decodeDrawn(
  pixels: Pixels | Failure,
  signal: AbortSignal,
  budgetMs = BUDGET_MS,
  quickFirst = true,
) {
  markStage('pixels-ready');
  if ('ok' in pixels) return pixels;
  if (signal.aborted) return { ok: false, error: { code: 'cancelled' } } satisfies DecodeResult;
  return decodeQr(pixels, { budgetMs, signal, opaque: true, quickFirst });
}

/** Each source is decoded once (when a job first needs it) and every job's part is cut from it. */
async function decodeBatch(batch: ImageBatch<Blob>, signal: AbortSignal): Promise<DecodeResult[]> {
  const deadline = performance.now() + BATCH_BUDGET_MS;
  const opened = new Map<number, Promise<ImageBitmap | Failure>>();
  const open = (index: number) => {
    let image = opened.get(index);
    if (!image) {
      const source = batch.sources[index];
      image = source
        ? openImage(source)
        : Promise.resolve<Failure>({ ok: false, error: { code: 'invalid-image', detail: 'no such source' } });
      opened.set(index, image);
    }
    return image;
  };
  try {
    return await runBatch(
      batch.jobs,
      async (job: BatchJob) => {
        // A whole source (the screenshot, a canvas the page drew) is read as encoded first: when that finds
        // the page's codes, the crops after it are skipped and the image is never decoded by the browser.
        const source = job.crop ? undefined : batch.sources[job.source];
        const quick = source && (await readAsEncoded(source));
        if (foundCodes(quick)) return quick;
        const image = await open(job.source);
        if ('ok' in image) return image;
        const budgetMs = Math.max(0, Math.min(BUDGET_MS, deadline - performance.now()));
        const pixels = pixelsOf(image, job.crop, job.cropBasisWidth);
        return decodeDrawn(pixels, signal, budgetMs, quick === undefined);
      },
      signal,
    );
  } finally {
    for (const image of opened.values()) {
      void image.then((bitmap) => {
        if (!('ok' in bitmap)) bitmap.close();
      });
    }
  }
}

async function handle(request: WorkerRequest, signal: AbortSignal): Promise<WorkerResponse> {
  const { id } = request;
  switch (request.type) {
    case 'decode-pixels':
      // Pixels drawn by the page (a camera frame) are decoded as they are; most frames show no code, so the
      // thorough read comes at once (a quick read first would only add its time to them).
      return {
        type: 'decoded',
        id,
        result: await decodeQr(request.pixels, {
          budgetMs: Math.min(request.budgetMs ?? BUDGET_MS, BUDGET_MS),
          signal,
          quickFirst: false,
        }),
      };
    case 'decode': {
      // A whole image is read as it is first, decoded by zxing-wasm itself (read-encoded.ts).
      const quick = request.crop ? undefined : await readAsEncoded(request.image);
      if (foundCodes(quick)) return { type: 'decoded', id, result: quick };
      if (signal.aborted) return { type: 'decoded', id, result: { ok: false, error: { code: 'cancelled' } } };
      const pixels = await loadPixels(request.image, request.crop, request.cropBasisWidth);
      return {
        type: 'decoded',
        id,
        result: await decodeDrawn(pixels, signal, BUDGET_MS, quick === undefined),
      };
    }
    case 'decode-batch':
      return { type: 'decoded-batch', id, results: await decodeBatch(request.batch, signal) };
  }
}

function failed(request: WorkerRequest, error: unknown): WorkerResponse {
  const result: DecodeResult = { ok: false, error: { code: 'decoder-failed', detail: String(error) } };
  return request.type === 'decode-batch'
    ? { type: 'decoded-batch', id: request.id, results: request.batch.jobs.map(() => result) }
    : { type: 'decoded', id: request.id, result };
}

/** Answers requests; a newer request cancels the one in progress (between its passes). Never rejects. */
export function requestServer(): (request: WorkerRequest) => Promise<WorkerResponse> {
  let current: AbortController | undefined;
  return async (request) => {
    markStage('decoder-received');
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const response = await handle(request, controller.signal).catch((error: unknown) =>
      failed(request, error),
    );
    markStage('decoder-answered');
    if (current === controller) current = undefined;
    return response;
  };
}
