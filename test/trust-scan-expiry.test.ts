import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isStale,
  SCAN_BUDGET_MS,
  SCAN_TTL_MS,
  type ScanState,
  visibleScan,
} from '../src/shared/scan-state.ts';

const done: ScanState = { state: 'done', scanId: 's', source: 'image', finishedAt: 1_000, codes: [] };
const scanning: ScanState = { state: 'scanning', scanId: 's', source: 'image', startedAt: 1_000, owner: 'o' };

test('a finished scan is stale from the moment its expiry alarm is due, not a millisecond later', () => {
  assert.equal(isStale(done, 1_000 + SCAN_TTL_MS - 1), false);
  assert.equal(isStale(done, 1_000 + SCAN_TTL_MS), true);
  assert.deepEqual(visibleScan(done, 1_000 + SCAN_TTL_MS), { state: 'idle' });
});

test('a scan still scanning after its budget is shown as interrupted, never as scanning', () => {
  assert.equal(visibleScan(scanning, 1_000 + SCAN_BUDGET_MS).state, 'scanning');
  const late = visibleScan(scanning, 1_000 + SCAN_BUDGET_MS + 1);
  assert.equal(late.state, 'error');
  assert.equal(late.state === 'error' && late.error, 'interrupted');
});
