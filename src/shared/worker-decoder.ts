import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { Decoder } from './decoder.ts';
import { dataUrlToBlob, type EncodedImage } from './encoded-image.ts';
import { DECODER_IDLE_MS, IdleTimer } from './idle-timer.ts';
import type { ImageBatch } from './image-batch.ts';
import { markStage } from './stage-marks.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** Longest a single decode (or batch) may take before it is given up (the worker is then restarted). */
export const DECODE_TIMEOUT_MS = 15_000;

type Pending = {
  resolve: (response: WorkerResponse | DecodeResult) => void;
  timer: ReturnType<typeof setTimeout>;
};

const notDataUrl: DecodeResult = { ok: false, error: { code: 'invalid-image', detail: 'not a data: URL' } };

/**
 * Runs decodes in a dedicated Web Worker started from `workerUrl`: started on first use (or `prepare()`),
 * reused while decodes keep coming, and ended `idleMs` after the last one answered, so its wasm heap is not
 * held between scans (the next decode starts a new one). A worker that crashes or times out is replaced,
 * and every pending decode gets a typed error.
 */
export class WorkerDecoder implements Decoder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly idle: IdleTimer;

  constructor(
    private readonly workerUrl: string,
    private readonly timeoutMs = DECODE_TIMEOUT_MS,
    idleMs = DECODER_IDLE_MS,
  ) {
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
    if (!blob) return Promise.resolve(notDataUrl);
    return this.decodeBlob(blob, image.crop, image.cropBasisWidth);
  }

  decodeBlob(image: Blob, crop?: Rect, cropBasisWidth?: number): Promise<DecodeResult> {
    return this.single((id) => {
      const request: WorkerRequest = { type: 'decode', id, image };
      if (crop) request.crop = crop;
      if (cropBasisWidth) request.cropBasisWidth = cropBasisWidth;
      return { request, transfer: [] };
    });
  }

  /** Decodes pixels already drawn (a camera frame); their buffer is transferred to the worker, not copied. */
  decodePixels(pixels: Pixels): Promise<DecodeResult> {
    return this.single((id) => ({
      request: { type: 'decode-pixels', id, pixels },
      transfer: [pixels.data.buffer as ArrayBuffer],
    }));
  }

  /** Several images in one request: each source is sent and decoded once (see `ImageBatch`). */
  async decodeBatch(batch: ImageBatch): Promise<DecodeResult[]> {
    const sources: Blob[] = [];
    for (const dataUrl of batch.sources) {
      const blob = dataUrlToBlob(dataUrl);
      if (!blob) return batch.jobs.map(() => notDataUrl);
      sources.push(blob);
    }
    return this.decodeBlobBatch({ sources, jobs: batch.jobs });
  }

  async decodeBlobBatch(batch: ImageBatch<Blob>): Promise<DecodeResult[]> {
    const answer = await this.send((id) => ({ request: { type: 'decode-batch', id, batch }, transfer: [] }));
    if ('results' in answer) return answer.results;
    // The worker failed or timed out: every job gets that error.
    const failure = 'result' in answer ? answer.result : answer;
    return batch.jobs.map(() => failure);
  }

  private async single(
    make: (id: number) => { request: WorkerRequest; transfer: Transferable[] },
  ): Promise<DecodeResult> {
    const answer = await this.send(make);
    if ('result' in answer) return answer.result;
    if ('results' in answer) return answer.results[0] ?? { ok: false, error: { code: 'decoder-failed' } };
    return answer;
  }

  private send(
    make: (id: number) => { request: WorkerRequest; transfer: Transferable[] },
  ): Promise<WorkerResponse | DecodeResult> {
    markStage('decode-sent');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.idle.begin();
    return new Promise<WorkerResponse | DecodeResult>((resolve) => {
      const timer = setTimeout(() => {
        this.failAll({ ok: false, error: { code: 'timeout' } });
        this.stop();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      const { request, transfer } = make(id);
      worker.postMessage(request, transfer);
    }).finally(() => this.idle.end());
  }

  /** Ends the worker; the next decode starts a new one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.pending.delete(event.data.id);
      entry.resolve(event.data);
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
