import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { Decoder } from './decoder.ts';
import { dataUrlToBlob, type EncodedImage } from './encoded-image.ts';
import type { WorkerDecodeResponse, WorkerRequest } from './worker-protocol.ts';

/** Longest a single decode may take before it is given up (the worker is then restarted). */
export const DECODE_TIMEOUT_MS = 15_000;

type Pending = { resolve: (result: DecodeResult) => void; timer: ReturnType<typeof setTimeout> };

/**
 * Runs decodes in a dedicated Web Worker started from `workerUrl`; one worker, started on first use and
 * reused. A worker that crashes or times out is replaced, and every pending decode gets a typed error.
 */
export class WorkerDecoder implements Decoder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly workerUrl: string,
    private readonly timeoutMs = DECODE_TIMEOUT_MS,
  ) {}

  decode(image: EncodedImage): Promise<DecodeResult> {
    const blob = dataUrlToBlob(image.dataUrl);
    if (!blob)
      return Promise.resolve({ ok: false, error: { code: 'invalid-image', detail: 'not a data: URL' } });
    return this.decodeBlob(blob, image.crop, image.cropBasisWidth);
  }

  decodeBlob(image: Blob, crop?: Rect, cropBasisWidth?: number): Promise<DecodeResult> {
    return this.send((id) => {
      const request: WorkerRequest = { type: 'decode', id, image };
      if (crop) request.crop = crop;
      if (cropBasisWidth) request.cropBasisWidth = cropBasisWidth;
      return { request, transfer: [] };
    });
  }

  /**
   * Decodes pixels already drawn (a camera frame); their buffer is transferred to the worker, not copied.
   * `budgetMs` bounds the decode (0: the first pass only).
   */
  decodePixels(pixels: Pixels, budgetMs?: number): Promise<DecodeResult> {
    return this.send((id) => {
      const request: WorkerRequest = { type: 'decode-pixels', id, pixels };
      if (budgetMs !== undefined) request.budgetMs = budgetMs;
      return { request, transfer: [pixels.data.buffer as ArrayBuffer] };
    });
  }

  private send(
    make: (id: number) => { request: WorkerRequest; transfer: Transferable[] },
  ): Promise<DecodeResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<DecodeResult>((resolve) => {
      const timer = setTimeout(() => {
        this.failAll({ ok: false, error: { code: 'timeout' } });
        this.stop();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      const { request, transfer } = make(id);
      worker.postMessage(request, transfer);
    });
  }

  /** Ends the worker; the next decode starts a new one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerDecodeResponse>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.pending.delete(event.data.id);
      entry.resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll({ ok: false, error: { code: 'decoder-failed', detail: event.message } });
      this.stop();
    };
    this.worker = worker;
    return worker;
  }

  private failAll(result: DecodeResult): void {
    for (const { resolve, timer } of this.pending.values()) {
      clearTimeout(timer);
      resolve(result);
    }
    this.pending.clear();
  }
}
