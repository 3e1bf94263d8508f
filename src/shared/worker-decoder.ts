import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { Decoder } from './decoder.ts';
import {
  batchResults,
  blobBatch,
  DecoderRequests,
  decodeRequest,
  type MakeRequest,
  NOT_DATA_URL,
  singleResult,
} from './decoder-requests.ts';
import { dataUrlToBlob, type EncodedImage } from './encoded-image.ts';
import { DECODER_IDLE_MS, IdleTimer } from './idle-timer.ts';
import type { ImageBatch } from './image-batch.ts';
import { markStage } from './stage-marks.ts';
import type { WorkerDecodePixelsRequest, WorkerMessage } from './worker-protocol.ts';

/** Longest a single decode (or batch) may take before it is given up (the worker is then restarted). */
export const DECODE_TIMEOUT_MS = 15_000;

/**
 * Runs decodes in a dedicated Web Worker started from `workerUrl`: started on first use (or `prepare()`),
 * reused while decodes keep coming, and ended `idleMs` after the last one answered, so its wasm heap is not
 * held between scans (the next decode starts a new one). A worker that crashes or times out is replaced,
 * and every pending decode gets a typed error.
 */
export class WorkerDecoder implements Decoder {
  private worker: Worker | undefined;
  private readonly requests: DecoderRequests;
  private readonly idle: IdleTimer;

  constructor(
    private readonly workerUrl: string,
    timeoutMs = DECODE_TIMEOUT_MS,
    idleMs = DECODER_IDLE_MS,
  ) {
    this.requests = new DecoderRequests(timeoutMs, () => this.stop());
    this.idle = new IdleTimer(idleMs, () => this.stop());
  }

  /** Starts the worker (and its wasm compile) now, so the first decode does not wait for it. */
  prepare(): void {
    if (this.worker) return;
    this.ensureWorker();
    // Counted as a use: an unused worker goes away after the same quiet time.
    this.idle.begin();
    this.idle.end();
  }

  decode(image: EncodedImage): Promise<DecodeResult> {
    const blob = dataUrlToBlob(image.dataUrl);
    if (!blob) return Promise.resolve(NOT_DATA_URL);
    return this.decodeBlob(blob, image.crop, image.cropBasisWidth);
  }

  decodeBlob(image: Blob, crop?: Rect, cropBasisWidth?: number): Promise<DecodeResult> {
    return this.send((id) => ({
      request: decodeRequest(id, image, crop, cropBasisWidth),
      transfer: [],
    })).then(singleResult);
  }

  /**
   * Decodes pixels already drawn (a camera frame); their buffer is transferred to the worker, not copied.
   * `budgetMs` bounds the decode (0: the first pass only).
   */
  decodePixels(pixels: Pixels, budgetMs?: number): Promise<DecodeResult> {
    return this.send((id) => {
      const request: WorkerDecodePixelsRequest = { type: 'decode-pixels', id, pixels };
      if (budgetMs !== undefined) request.budgetMs = budgetMs;
      return { request, transfer: [pixels.data.buffer as ArrayBuffer] };
    }).then(singleResult);
  }

  /** Several images in one request: each source is sent and decoded once (see `ImageBatch`). */
  async decodeBatch(batch: ImageBatch): Promise<DecodeResult[]> {
    const blobs = blobBatch(batch);
    if (!blobs) return batch.jobs.map(() => NOT_DATA_URL);
    return this.decodeBlobBatch(blobs);
  }

  async decodeBlobBatch(batch: ImageBatch<Blob>): Promise<DecodeResult[]> {
    const answer = await this.send((id) => ({ request: { type: 'decode-batch', id, batch }, transfer: [] }));
    return batchResults(answer, batch.jobs.length);
  }

  private async send(make: MakeRequest) {
    markStage('decode-sent');
    const worker = this.ensureWorker();
    this.idle.begin();
    try {
      return await this.requests.send((request, transfer) => worker.postMessage(request, transfer), make);
    } finally {
      this.idle.end();
    }
  }

  /** Ends the worker; the next decode starts a new one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /**
   * The worker's own guard spoke (src/worker/quiet-watch.ts): this page's idle end did not come in time. An
   * idle worker asking to end is ended; one that is ending itself is forgotten, and anything still waiting on
   * it is told so at once instead of at the timeout.
   */
  private heard(worker: Worker, notice: 'quiet' | 'closing'): void {
    if (worker !== this.worker) return;
    if (notice === 'quiet') {
      if (this.requests.count === 0) this.stop();
      return;
    }
    this.worker = undefined;
    this.requests.failAll({
      ok: false,
      error: { code: 'decoder-failed', detail: 'the decoder worker ended' },
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'quiet' || message.type === 'closing') this.heard(worker, message.type);
      else this.requests.receive(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.requests.failAll({ ok: false, error: { code: 'decoder-failed', detail: event.message } });
      this.stop();
    };
    this.worker = worker;
    return worker;
  }
}
