import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { batchResults, DecoderRequests, singleResult } from './decoder-requests.ts';
import type { WorkerRequest } from './worker-protocol.ts';

const decodeRequest = (id: number): { request: WorkerRequest; transfer: Transferable[] } => ({
  request: { type: 'decode', id, image: new Blob(['x']) },
  transfer: [],
});

test('each answer goes to the request with its id; an unknown id is ignored', async () => {
  const sent: WorkerRequest[] = [];
  const requests = new DecoderRequests(1000, () => undefined);
  const first = requests.send((r) => sent.push(r), decodeRequest);
  const second = requests.send((r) => sent.push(r), decodeRequest);
  assert.deepEqual(
    sent.map((r) => 'id' in r && r.id),
    [1, 2],
  );
  requests.receive({ type: 'decoded', id: 7, result: { ok: true, codes: [] } });
  assert.equal(requests.count, 2);
  requests.receive({ type: 'decoded', id: 2, result: { ok: true, codes: [{ text: 'two' }] } });
  requests.receive({ type: 'decoded', id: 1, result: { ok: true, codes: [{ text: 'one' }] } });
  assert.deepEqual(singleResult(await first), { ok: true, codes: [{ text: 'one' }] });
  assert.deepEqual(singleResult(await second), { ok: true, codes: [{ text: 'two' }] });
  assert.equal(requests.count, 0);
});

test('no answer in time: every pending request times out, once', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let timedOut = 0;
    const requests = new DecoderRequests(5000, () => timedOut++);
    const first = requests.send(() => undefined, decodeRequest);
    mock.timers.tick(1000);
    const second = requests.send(() => undefined, decodeRequest);
    mock.timers.tick(4000);
    assert.deepEqual(await first, { ok: false, error: { code: 'timeout' } });
    assert.deepEqual(await second, { ok: false, error: { code: 'timeout' } });
    assert.equal(timedOut, 1);
    assert.equal(requests.count, 0);
  } finally {
    mock.timers.reset();
  }
});

test('a failed worker gives every job of a batch its error', () => {
  const failure = { ok: false, error: { code: 'decoder-failed' } } as const;
  assert.deepEqual(batchResults(failure, 3), [failure, failure, failure]);
  assert.deepEqual(batchResults({ type: 'decoded-batch', id: 1, results: [failure] }, 3), [failure]);
});
