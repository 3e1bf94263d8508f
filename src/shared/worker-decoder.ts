import type { DecodeResult, Pixels } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { Decoder } from './decoder.ts';
import {
  batchResults,
  blobBatch,
  DecoderRequests,
  type MakeRequest,
  singleResult,
} from './decoder-requests.ts';
import { dataUrlToBlob, type EncodedImage } from './encoded-image.ts';
import { DECODER_IDLE_MS, IdleTimer } from './idle-timer.ts';
import type { ImageBatch } from './image-batch.ts';
import { markStage } from './stage-marks.ts';
import type {
  WorkerConnect,
  WorkerDecodePixelsRequest,
  WorkerDecodeRequest,
  WorkerResponse,
} from './worker-protocol.ts';

/** Longest a single decode (or batch) may take before it is given up (the worker is then restarted). */
export const DECODE_TIMEOUT_MS = 15_000;

const notDataUrl: DecodeResult = { ok: false, error: { code: 'invalid-image', detail: 'not a data: URL' } };

export interface WorkerDecoderOptions {
  /** A request on a connected port began (`true`) or ended: the host page counts it as use too. */
  onActivity?: (busy: boolean) => void;
}

/**
 * Runs decodes in a dedicated Web Worker started from `workerUrl`: started on first use (or `prepare()`),
 * reused while decodes keep coming, and ended `idleMs` after the last one answered, so its wasm heap is not
 * held between scans (the next decode starts a new one). A worker that crashes or times out is replaced,
 * and every pending decode gets a typed error. Requests served on a port given out by `connect()` count as
 * use as well.
 */
export class WorkerDecoder implements Decoder {
  private worker: Worker | undefined;
  /**
   * Requests on connected ports now in progress, each with the time it may take: counted as use until they
   * end, and a worker that overruns one is ended, as for a request of this host.
   */
  private readonly portRequests: ReturnType<typeof setTimeout>[] = [];
  private readonly requests: DecoderRequests;
  private readonly idle: IdleTimer;

  constructor(
    private readonly workerUrl: string,
    private readonly timeoutMs = DECODE_TIMEOUT_MS,
    idleMs = DECODER_IDLE_MS,
    private readonly options: WorkerDecoderOptions = {},
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

  /**
   * A MessagePort on which the worker (started if need be) serves requests directly, acknowledging each
   * (see `WorkerConnect`). It stops answering when the worker ends.
   */
  connect(): MessagePort {
    this.prepare();
    const channel = new MessageChannel();
    const message: WorkerConnect = { type: 'connect' };
    this.ensureWorker().postMessage(message, [channel.port1]);
    return channel.port2;
  }

  decode(image: EncodedImage): Promise<DecodeResult> {
    const blob = dataUrlToBlob(image.dataUrl);
    if (!blob) return Promise.resolve(notDataUrl);
    return this.decodeBlob(blob, image.crop, image.cropBasisWidth);
  }

  decodeBlob(image: Blob, crop?: Rect, cropBasisWidth?: number): Promise<DecodeResult> {
    return this.send((id) => {
      const request: WorkerDecodeRequest = { type: 'decode', id, image };
      if (crop) request.crop = crop;
      if (cropBasisWidth) request.cropBasisWidth = cropBasisWidth;
      return { request, transfer: [] };
    }).then(singleResult);
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
    if (!blobs) return batch.jobs.map(() => notDataUrl);
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
    // Port requests the ended worker will never finish stop counting as use.
    for (let timer = this.portRequests.pop(); timer !== undefined; timer = this.portRequests.pop()) {
      clearTimeout(timer);
      this.activity(false);
    }
  }

  private activity(busy: boolean): void {
    if (busy) this.idle.begin();
    else this.idle.end();
    this.options.onActivity?.(busy);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      if (response.type === 'activity') {
        if (response.busy) {
          const overrun = () => {
            this.requests.failAll({ ok: false, error: { code: 'timeout' } });
            this.stop();
          };
          this.portRequests.push(setTimeout(overrun, this.timeoutMs));
        } else {
          const timer = this.portRequests.shift();
          if (timer === undefined) return;
          clearTimeout(timer);
        }
        this.activity(response.busy);
        return;
      }
      this.requests.receive(response);
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
