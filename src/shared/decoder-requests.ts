import type { DecodeResult } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import { dataUrlToBlob } from './encoded-image.ts';
import type { ImageBatch } from './image-batch.ts';
import type { WorkerDecodeRequest, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** What a request to the decoder worker comes back with: the worker's answer, or a typed error of the host. */
export type Answer = WorkerResponse | DecodeResult;

/** The answer to an image that is not a data: URL (nothing to decode). */
export const NOT_DATA_URL: DecodeResult = {
  ok: false,
  error: { code: 'invalid-image', detail: 'not a data: URL' },
};

/** The request to decode one encoded image (or the part `crop` of it, see `EncodedImage.cropBasisWidth`). */
export function decodeRequest(
  id: number,
  image: Blob,
  crop?: Rect,
  cropBasisWidth?: number,
): WorkerDecodeRequest {
  const request: WorkerDecodeRequest = { type: 'decode', id, image };
  if (crop) request.crop = crop;
  if (cropBasisWidth) request.cropBasisWidth = cropBasisWidth;
  return request;
}

/** A request's message and what it transfers, made once its id is known. */
export type MakeRequest = (id: number) => { request: WorkerRequest; transfer: Transferable[] };

interface Pending {
  resolve: (answer: Answer) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The bookkeeping of requests to a decoder worker: ids, the answer each waits for, and a timeout after which
 * every pending request gets a typed error.
 */
export class DecoderRequests {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onTimeout: () => void,
  ) {}

  get count(): number {
    return this.pending.size;
  }

  send(post: (request: WorkerRequest, transfer: Transferable[]) => void, make: MakeRequest): Promise<Answer> {
    const id = this.nextId++;
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => {
        this.failAll({ ok: false, error: { code: 'timeout' } });
        this.onTimeout();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      const { request, transfer } = make(id);
      post(request, transfer);
    });
  }

  /** The worker's answer to one request. */
  receive(response: WorkerResponse): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(response.id);
    entry.resolve(response);
  }

  failAll(result: DecodeResult): void {
    for (const { resolve, timer } of this.pending.values()) {
      clearTimeout(timer);
      resolve(result);
    }
    this.pending.clear();
  }
}

export function singleResult(answer: Answer): DecodeResult {
  if ('type' in answer) {
    if (answer.type === 'decoded') return answer.result;
    return answer.results[0] ?? { ok: false, error: { code: 'decoder-failed' } };
  }
  return answer;
}

/** One result a job; a failed or timed-out worker gives every job its error. */
export function batchResults(answer: Answer, jobs: number): DecodeResult[] {
  if ('type' in answer && answer.type === 'decoded-batch') return answer.results;
  const failure = singleResult(answer);
  return Array.from({ length: jobs }, () => failure);
}

/** A batch's data: URLs as Blobs, for the worker; undefined when one is not a data: URL. */
export function blobBatch(batch: ImageBatch): ImageBatch<Blob> | undefined {
  const sources: Blob[] = [];
  for (const dataUrl of batch.sources) {
    const blob = dataUrlToBlob(dataUrl);
    if (!blob) return undefined;
    sources.push(blob);
  }
  return { sources, jobs: batch.jobs };
}
