import type { DecodeResult } from '../core/qr/types.ts';
import type { Decoder } from '../shared/decoder.ts';
import {
  batchResults,
  blobBatch,
  decodeRequest,
  NOT_DATA_URL,
  singleResult,
} from '../shared/decoder-requests.ts';
import { dataUrlToBlob, type EncodedImage } from '../shared/encoded-image.ts';
import { DECODER_IDLE_MS, IdleTimer } from '../shared/idle-timer.ts';
import type { ImageBatch } from '../shared/image-batch.ts';
import { markStage } from '../shared/stage-marks.ts';
import type { WorkerRequest } from '../shared/worker-protocol.ts';
import { requestServer, startEngine, stopEngine } from '../worker/serve-requests.ts';

/**
 * Chrome: the service worker decodes the scan's images itself. It can start no Web Worker, and reaching one
 * through an offscreen document cost a scan that found none running about 170 ms (the document 112 ms, its
 * worker 58 ms, in bench:e2e) before zxing even began to compile; here the module compiles (about 13 ms)
 * while the grab reads the page. The decode runs on the service worker's own thread, which serves no page:
 * only the scan waits for it, and a newer scan cancels an older one between its passes. Once idle for
 * DECODER_IDLE_MS it lets go of the module, its heap and its canvas (stage mark `decoder-released`), and the browser ends
 * the idle service worker itself soon after.
 */
export class ServiceWorkerDecoder implements Decoder {
  private started = false;
  private nextId = 1;
  private readonly serve = requestServer();
  private readonly idle: IdleTimer;

  constructor(
    private readonly wasmUrl: string,
    idleMs = DECODER_IDLE_MS,
  ) {
    this.idle = new IdleTimer(idleMs, () => this.release());
  }

  /** Compiles the module now (the menu click calls this first); unused, it is let go after the idle time. */
  prepare(): void {
    this.ensureEngine();
    this.idle.begin();
    this.idle.end();
  }

  async decode(image: EncodedImage): Promise<DecodeResult> {
    markStage('decode-sent');
    const blob = dataUrlToBlob(image.dataUrl);
    if (!blob) return NOT_DATA_URL;
    const request = decodeRequest(this.nextId++, blob, image.crop, image.cropBasisWidth);
    return singleResult(await this.run(request));
  }

  async decodeBatch(batch: ImageBatch): Promise<DecodeResult[]> {
    markStage('decode-sent');
    const blobs = blobBatch(batch);
    if (!blobs) return batch.jobs.map(() => NOT_DATA_URL);
    const answer = await this.run({ type: 'decode-batch', id: this.nextId++, batch: blobs });
    return batchResults(answer, batch.jobs.length);
  }

  private run(request: WorkerRequest) {
    this.ensureEngine();
    return this.idle.during(() => this.serve(request));
  }

  private ensureEngine(): void {
    if (this.started) return;
    this.started = true;
    startEngine(this.wasmUrl);
  }

  private release(): void {
    if (!this.started) return;
    this.started = false;
    stopEngine();
    markStage('decoder-released');
  }
}
