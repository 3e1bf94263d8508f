/// <reference lib="webworker" />
import { decodeQr } from '../core/qr/decode.ts';
import type { DecodeResult } from '../core/qr/types.ts';
import { useZxingWasm, warmUpZxing } from '../core/qr/zxing-engine.ts';
import type { WorkerDecodeResponse, WorkerRequest } from '../shared/worker-protocol.ts';
import { loadPixels } from './load-pixels.ts';

/**
 * The decoder's dedicated worker: encoded image in, QR codes out. It has no extension API; it turns a Blob
 * into pixels (painted over white) and calls the pure core. zxing-wasm's `.wasm` ships beside this script
 * and is loaded from the extension's own URL, never from zxing-wasm's default CDN.
 */
declare const self: DedicatedWorkerGlobalScope;

/** Time one decode may take after its pixels are ready; the page-side host has its own, longer timeout. */
const BUDGET_MS = 5000;

useZxingWasm({ url: new URL('zxing_reader.wasm', self.location.href).href });
// Compile the module while the first image is still on its way.
void warmUpZxing().catch(() => undefined);

/** The decode in progress: a newer request cancels it (between its passes). */
let current: AbortController | undefined;

async function handle(request: WorkerRequest, signal: AbortSignal): Promise<DecodeResult> {
  // Pixels drawn by the page (a camera frame) are decoded as they are; an encoded image is loaded first.
  if (request.type === 'decode-pixels') {
    return decodeQr(request.pixels, { budgetMs: Math.min(request.budgetMs ?? BUDGET_MS, BUDGET_MS), signal });
  }
  const pixels = await loadPixels(request.image, request.crop, request.cropBasisWidth);
  if ('ok' in pixels) return pixels;
  if (signal.aborted) return { ok: false, error: { code: 'cancelled' } };
  // The canvas already painted the pixels over white.
  return decodeQr(pixels, { budgetMs: BUDGET_MS, signal, opaque: true });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  void handle(request, controller.signal)
    .catch(
      (error: unknown): DecodeResult => ({
        ok: false,
        error: { code: 'decoder-failed', detail: String(error) },
      }),
    )
    .then((result) => {
      if (current === controller) current = undefined;
      const response: WorkerDecodeResponse = { type: 'decoded', id: request.id, result };
      self.postMessage(response);
    });
};
