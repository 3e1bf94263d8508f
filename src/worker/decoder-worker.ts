/// <reference lib="webworker" />
import { decodeQr } from '../core/qr/decode.ts';
import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../shared/geometry.ts';
import type { WorkerDecodeRequest, WorkerDecodeResponse } from '../shared/worker-protocol.ts';

/**
 * The decoder's dedicated worker: encoded image in, QR codes out. It has no extension API; it only turns a
 * Blob into pixels (painted over white, so transparent pixels read as background) and calls the pure core.
 */
declare const self: DedicatedWorkerGlobalScope;

async function toPixels(
  image: Blob,
  crop: Rect | undefined,
  basisWidth: number | undefined,
): Promise<Pixels> {
  const bitmap = await createImageBitmap(image);
  try {
    const scale = crop && basisWidth ? bitmap.width / basisWidth : 1;
    const scaled = crop && {
      x: crop.x * scale,
      y: crop.y * scale,
      width: crop.width * scale,
      height: crop.height * scale,
    };
    const area = clampCrop(scaled, bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(area.width, area.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, area.width, area.height);
    context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
    const { data, width, height } = context.getImageData(0, 0, area.width, area.height);
    return { data, width, height };
  } finally {
    bitmap.close();
  }
}

function clampCrop(crop: Rect | undefined, width: number, height: number): Rect {
  if (!crop) return { x: 0, y: 0, width, height };
  const x = Math.max(0, Math.min(width - 1, Math.floor(crop.x)));
  const y = Math.max(0, Math.min(height - 1, Math.floor(crop.y)));
  return {
    x,
    y,
    width: Math.max(1, Math.min(width - x, Math.ceil(crop.width))),
    height: Math.max(1, Math.min(height - y, Math.ceil(crop.height))),
  };
}

async function handle(request: WorkerDecodeRequest): Promise<DecodeResult> {
  let pixels: Pixels;
  try {
    pixels = await toPixels(request.image, request.crop, request.cropBasisWidth);
  } catch (error) {
    return { ok: false, error: { code: 'invalid-image', detail: String(error) } };
  }
  return decodeQr(pixels);
}

self.onmessage = (event: MessageEvent<WorkerDecodeRequest>) => {
  const request = event.data;
  void handle(request).then((result) => {
    const response: WorkerDecodeResponse = { type: 'decoded', id: request.id, result };
    self.postMessage(response);
  });
};
