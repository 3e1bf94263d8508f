import type { DecodeResult } from '../core/qr/types.ts';
import { dataUrlToBlob } from './encoded-image.ts';
import type { ImageBatch } from './image-batch.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** What a request to the decoder worker comes back with: the worker's answer, or a typed error of the host. */
export type Answer = Extract<WorkerResponse, { type: 'decoded' | 'decoded-batch' }> | DecodeResult;

/** A request's message and what it transfers, made once its id is known. */
export type MakeRequest = (id: number) => { request: WorkerRequest; transfer: Transferable[] };

/** The worker did not even acknowledge a request in time (its channel is gone): ask it another way. */
export class DecoderUnreachable extends Error {}

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  ack?: ReturnType<typeof setTimeout>;
}

/**
 * The bookkeeping of requests to a decoder worker, whatever carries them (the Worker itself, or a
 * MessagePort to it): ids, the answer each waits for, a timeout after which every pending request gets a
 * typed error, and optionally an acknowledgement the worker must send within `ackMs`.
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

  send(
    post: (request: WorkerRequest, transfer: Transferable[]) => void,
    make: MakeRequest,
    ackMs?: number,
  ): Promise<Answer> {
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll({ ok: false, error: { code: 'timeout' } });
        this.onTimeout();
      }, this.timeoutMs);
      const entry: Pending = { resolve, reject, timer };
      if (ackMs !== undefined) {
        entry.ack = setTimeout(() => {
          clearTimeout(timer);
          this.pending.delete(id);
          reject(new DecoderUnreachable('the decoder worker did not answer'));
        }, ackMs);
      }
      this.pending.set(id, entry);
      const { request, transfer } = make(id);
      post(request, transfer);
    });
  }

  /** A message from the worker: an acknowledgement or an answer. */
  receive(response: WorkerResponse): void {
    if (response.type === 'activity') return;
    const entry = this.pending.get(response.id);
    if (!entry) return;
    clearTimeout(entry.ack);
    if (response.type === 'received') return;
    clearTimeout(entry.timer);
    this.pending.delete(response.id);
    entry.resolve(response);
  }

  failAll(result: DecodeResult): void {
    for (const { resolve, timer, ack } of this.pending.values()) {
      clearTimeout(timer);
      clearTimeout(ack);
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
