import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { WorkerDecoder } from './worker-decoder.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

/** A stand-in for the browser's Worker: records what it was sent, and speaks when the test says so. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly received: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  say(message: WorkerMessage): void {
    this.onmessage?.({ data: message });
  }
}

const original = (globalThis as { Worker?: unknown }).Worker;
// The decoder's idle and timeout timers stay still: nothing here waits for them.
beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  FakeWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  mock.timers.reset();
  (globalThis as { Worker?: unknown }).Worker = original;
});

const image = () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });

test('a worker asking to end while nothing waits on it is ended; the next decode starts another', async () => {
  const decoder = new WorkerDecoder('decoder-worker.js', 60_000, 60_000);
  decoder.prepare();
  const [first] = FakeWorker.made;
  assert.ok(first);
  first.say({ type: 'quiet' });
  assert.equal(first.terminated, true);

  const answer = decoder.decodeBlob(image());
  const second = FakeWorker.made[1];
  assert.ok(second, 'a new worker for the next decode');
  const request = second.received[0];
  assert.ok(request);
  second.say({ type: 'decoded', id: request.id, result: { ok: true, codes: [{ text: 'hi' }] } });
  assert.deepEqual(await answer, { ok: true, codes: [{ text: 'hi' }] });
  decoder.stop();
});

test('asked while a decode is on its way, the host keeps the worker and the decode is answered', async () => {
  const decoder = new WorkerDecoder('decoder-worker.js', 60_000, 60_000);
  const answer = decoder.decodeBlob(image());
  const [worker] = FakeWorker.made;
  assert.ok(worker);
  worker.say({ type: 'quiet' });
  assert.equal(worker.terminated, false);
  const request = worker.received[0];
  assert.ok(request);
  worker.say({ type: 'decoded', id: request.id, result: { ok: true, codes: [] } });
  assert.deepEqual(await answer, { ok: true, codes: [] });
  decoder.stop();
});

test('a worker ending itself fails what waits on it at once (no timeout), and is replaced', async () => {
  const decoder = new WorkerDecoder('decoder-worker.js', 60_000, 60_000);
  const answer = decoder.decodeBlob(image());
  const [worker] = FakeWorker.made;
  assert.ok(worker);
  worker.say({ type: 'closing' });
  const failed = await answer;
  assert.equal(failed.ok, false);
  assert.equal(!failed.ok && failed.error.code, 'decoder-failed');

  void decoder.decodeBlob(image());
  assert.equal(FakeWorker.made.length, 2, 'the next decode has a new worker');
  // The old worker's last words change nothing for the new one.
  worker.say({ type: 'quiet' });
  assert.equal(FakeWorker.made[1]?.terminated, false);
  decoder.stop();
});
