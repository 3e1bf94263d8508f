import type { DecodeResult } from '../core/qr/types.ts';
import type { Rect } from '../core/rect.ts';
import type { BatchJob } from '../shared/image-batch.ts';
import { alreadyRead, placesOf } from '../shared/merge-codes.ts';

const CANCELLED: DecodeResult = { ok: false, error: { code: 'cancelled' } };

/**
 * Runs a batch's jobs in order: a job marked `skipIfRead` is not decoded when a code an earlier job read
 * lies in it (its answer is then "nothing new"); once `signal` is aborted (a newer scan), the remaining
 * jobs answer `cancelled`. Pure of browser APIs (the decode is passed in): unit-tested in Node.
 */
export async function runBatch(
  jobs: readonly BatchJob[],
  decode: (job: BatchJob) => Promise<DecodeResult>,
  signal?: AbortSignal,
): Promise<DecodeResult[]> {
  const found: Rect[] = [];
  const results: DecodeResult[] = [];
  for (const job of jobs) {
    if (signal?.aborted) {
      results.push(CANCELLED);
      continue;
    }
    if (job.skipIfRead && alreadyRead(job.at, found)) {
      results.push({ ok: true, codes: [] });
      continue;
    }
    const result = await decode(job);
    results.push(result);
    found.push(
      ...placesOf(
        job.scale === undefined ? { result, at: job.at } : { result, at: job.at, scale: job.scale },
      ),
    );
  }
  return results;
}
