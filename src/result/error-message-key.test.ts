import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorMessageKey } from './error-message-key.ts';

test('error codes map onto message names by a fixed rule', () => {
  assert.equal(errorMessageKey('no-qr-in-image', 'image'), 'errorNoQrInImage');
  assert.equal(errorMessageKey('timeout', 'page'), 'errorTimeout');
  assert.equal(errorMessageKey('image-unreadable', 'file'), 'errorImageUnreadableFile');
});
