import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeExport, exportUri } from '../core/otp/test-helpers/migration-encoder.ts';
import type { QrCode } from '../core/qr/types.ts';
import {
  type FinishDeps,
  finishScanWith,
  type SessionStore,
  settleScan,
  standsAlone,
} from './finish-scan.ts';
import { GATHERED_KEY, type StoredExport } from './gathered-export.ts';
import { inOrder } from './scan-lock.ts';
import { SCAN_KEY, SCAN_TTL_MS, type ScanState } from './scan-state.ts';

const KEY = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

function part(index: number, size = 3, id = 42): QrCode {
  const accounts = [{ secret: KEY, name: `account ${index}`, issuer: 'Example' }];
  return { text: exportUri(encodeExport({ accounts, batchId: id, batchIndex: index - 1, batchSize: size })) };
}

const texts = (scan: ScanState) => (scan.state === 'done' ? scan.codes.map((c) => c.text) : []);

describe('settleScan', () => {
  test('a part starts a gathered export; the next joins it, in part order', () => {
    const first = settleScan('a', 'image', { ok: true, codes: [part(3)] }, undefined, 1000);
    assert.deepEqual(first.scan.state === 'done' && first.scan.parts, { size: 3, read: [3] });
    assert.equal(first.gathered?.finishedAt, 1000);
    const second = settleScan('b', 'file', { ok: true, codes: [part(1)] }, first.gathered, 2000);
    assert.deepEqual(texts(second.scan), [part(1).text, part(3).text]);
    assert.deepEqual(second.scan.state === 'done' && second.scan.parts, { size: 3, read: [1, 3] });
    // One clock: the gathered parts expire with the newest result.
    assert.equal(second.gathered?.finishedAt, 2000);
  });

  test('anything unrelated replaces the result and drops the parts', () => {
    const gathered = settleScan('a', 'image', { ok: true, codes: [part(1)] }, undefined, 1).gathered;
    const other = settleScan('b', 'page', { ok: true, codes: [{ text: 'hello' }] }, gathered, 2);
    assert.deepEqual(texts(other.scan), ['hello']);
    assert.equal(other.scan.state === 'done' && other.scan.parts, undefined);
    assert.equal(other.gathered, undefined);
  });

  test('a failed read keeps the parts for the next one, and says which are kept', () => {
    const gathered = settleScan('a', 'image', { ok: true, codes: [part(2)] }, undefined, 1).gathered;
    const failed = settleScan('b', 'image', { ok: false, error: 'no-qr-in-image' }, gathered, 5);
    assert.deepEqual(failed.scan, {
      state: 'error',
      scanId: 'b',
      source: 'image',
      finishedAt: 5,
      error: 'no-qr-in-image',
      parts: { size: 3, read: [2] },
    });
    assert.deepEqual(failed.gathered?.parts, gathered?.parts);
    assert.equal(failed.gathered?.finishedAt, 5);
  });

  test('file errors travel with the result, also beside gathered parts', () => {
    const fileErrors = [{ name: 'blank.png', error: 'no-qr-in-image' as const }];
    const done = settleScan('a', 'file', { ok: true, codes: [part(1)], fileErrors }, undefined, 1);
    assert.deepEqual(done.scan.state === 'done' && done.scan.fileErrors, fileErrors);
    const none = settleScan('b', 'file', { ok: true, codes: [{ text: 'x' }], fileErrors: [] }, undefined, 1);
    assert.equal('fileErrors' in none.scan, false);
  });
});

/** A storage.session stand-in whose every call answers a turn of the event loop later, as the real one does. */
function slowStore(): SessionStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const later = () => new Promise((resolve) => setImmediate(resolve));
  return {
    data,
    async get(keys) {
      await later();
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      await later();
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      await later();
      for (const key of keys) delete data[key];
    },
  };
}

function deps(store: SessionStore, lock: FinishDeps['lock']): FinishDeps & { alarms: number[] } {
  const alarms: number[] = [];
  return {
    store,
    lock,
    armExpiry: async (when) => {
      alarms.push(when);
    },
    now: () => 10_000,
    alarms,
  };
}

describe('finishScanWith', () => {
  test('two parts finishing at the same moment both end up in the result (under the lock)', async () => {
    const store = slowStore();
    const d = deps(store, inOrder);
    await finishScanWith(d, 'one', 'image', { ok: true, codes: [part(1)] });
    await Promise.all([
      finishScanWith(d, 'two', 'file', { ok: true, codes: [part(2)] }),
      finishScanWith(d, 'three', 'image', { ok: true, codes: [part(3)] }),
    ]);
    const scan = store.data[SCAN_KEY] as ScanState;
    assert.deepEqual(texts(scan), [part(1).text, part(2).text, part(3).text]);
    assert.deepEqual(
      (store.data[GATHERED_KEY] as StoredExport).parts.map((p) => p.index),
      [1, 2, 3],
    );
    assert.deepEqual(d.alarms, [10_000 + SCAN_TTL_MS, 10_000 + SCAN_TTL_MS, 10_000 + SCAN_TTL_MS]);
  });

  test('without a lock the same two finishes lose a part: the race the lock is there for', async () => {
    const store = slowStore();
    const d = deps(store, (work) => work());
    await finishScanWith(d, 'one', 'image', { ok: true, codes: [part(1)] });
    await Promise.all([
      finishScanWith(d, 'two', 'file', { ok: true, codes: [part(2)] }),
      finishScanWith(d, 'three', 'image', { ok: true, codes: [part(3)] }),
    ]);
    assert.equal((store.data[GATHERED_KEY] as StoredExport).parts.length, 2);
  });

  test('an unrelated result removes the gathered parts; an expired gathering is not joined', async () => {
    const store = slowStore();
    await finishScanWith(deps(store, inOrder), 'one', 'image', { ok: true, codes: [part(1)] });
    await finishScanWith(deps(store, inOrder), 'two', 'image', { ok: true, codes: [{ text: 'hi' }] });
    assert.equal(GATHERED_KEY in store.data, false);

    await finishScanWith(deps(store, inOrder), 'three', 'image', { ok: true, codes: [part(1)] });
    const late = { ...deps(store, inOrder), now: () => 10_000 + SCAN_TTL_MS };
    await finishScanWith(late, 'four', 'image', { ok: true, codes: [part(2)] });
    assert.deepEqual(texts(store.data[SCAN_KEY] as ScanState), [part(2).text]);
  });

  test('an ordinary result reads nothing: alarm and removal together, then the result', async () => {
    const store = slowStore();
    await finishScanWith(deps(store, inOrder), 'one', 'image', { ok: true, codes: [part(1)] });
    const calls: string[] = [];
    const logged: SessionStore = {
      get: (keys) => {
        calls.push(`get ${keys}`);
        return store.get(keys);
      },
      set: (items) => {
        calls.push(`set ${Object.keys(items)}`);
        return store.set(items);
      },
      remove: (keys) => {
        calls.push(`remove ${keys}`);
        return store.remove(keys);
      },
    };
    const d = deps(logged, inOrder);
    const armed = d.armExpiry;
    d.armExpiry = (when) => {
      calls.push('alarm');
      return armed(when);
    };
    const settled = settleScan(
      'two',
      'image',
      { ok: true, codes: [{ text: 'otpauth://totp/A?secret=KEY' }] },
      undefined,
      1,
    );
    await finishScanWith(d, 'two', 'image', { ok: true, codes: [{ text: 'otpauth://totp/A?secret=KEY' }] });
    assert.deepEqual(calls, ['alarm', `remove ${GATHERED_KEY}`, `set ${SCAN_KEY}`]);
    assert.equal(GATHERED_KEY in store.data, false);
    assert.deepEqual(texts(store.data[SCAN_KEY] as ScanState), texts(settled.scan));

    // A part (or a failed read) needs what was gathered: it is read beside the alarm, then written.
    calls.length = 0;
    await finishScanWith(d, 'three', 'image', { ok: true, codes: [part(2)] });
    assert.deepEqual(calls, [`get ${GATHERED_KEY}`, 'alarm', `set ${SCAN_KEY},${GATHERED_KEY}`]);
    calls.length = 0;
    await finishScanWith(d, 'four', 'image', { ok: false, error: 'no-qr-in-image' });
    assert.deepEqual(calls, [`get ${GATHERED_KEY}`, 'alarm', `set ${SCAN_KEY},${GATHERED_KEY}`]);
    assert.deepEqual(
      (store.data[SCAN_KEY] as ScanState).state === 'error' &&
        (store.data[SCAN_KEY] as { parts?: unknown }).parts,
      { size: 3, read: [2] },
    );
  });

  test('standsAlone: codes that are not all parts of one export', () => {
    assert.equal(standsAlone({ ok: true, codes: [{ text: 'hello' }] }), true);
    assert.equal(standsAlone({ ok: true, codes: [] }), true);
    assert.equal(standsAlone({ ok: true, codes: [part(1), { text: 'hello' }] }), true);
    assert.equal(standsAlone({ ok: true, codes: [part(1, 3, 1), part(2, 3, 2)] }), true);
    assert.equal(standsAlone({ ok: true, codes: [part(1), part(2)] }), false);
    assert.equal(standsAlone({ ok: false, error: 'no-qr-in-image' }), false);
  });
});
