import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestOf } from './digest.ts';
import { isPendingClear, shouldClear } from './pending-clear.ts';

test('the clipboard is emptied only while it still holds the copied key', async () => {
  const pending = { digest: await digestOf('ABCDEFGHIJKLMNOP'), at: 0 };
  assert.equal(shouldClear(await digestOf('ABCDEFGHIJKLMNOP'), pending), true);
  assert.equal(shouldClear(await digestOf('something else the person copied'), pending), false);
  assert.equal(shouldClear(undefined, pending), false);
});

test('a stored pending clear holds a fingerprint, not the key', async () => {
  const pending = { digest: await digestOf('ABCDEFGHIJKLMNOP'), at: 1 };
  assert.equal(isPendingClear(pending), true);
  assert.doesNotMatch(JSON.stringify(pending), /ABCDEFGHIJKLMNOP/);
  assert.equal(isPendingClear({ digest: 'ABCDEFGHIJKLMNOP', at: 1 }), false);
});
