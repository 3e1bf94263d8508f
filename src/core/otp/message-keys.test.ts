import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchMessage, noticeMessages, warningMessage } from './message-keys.ts';

test('warning keys use _ for - and carry the params as substitutions', () => {
  assert.deepEqual(warningMessage({ code: 'issuer-mismatch', params: ['New', 'Old'] }), {
    key: 'otpWarning_issuer_mismatch',
    substitutions: ['New', 'Old'],
  });
});

test('an unusable otpauth code: the notice, then the reason', () => {
  assert.deepEqual(noticeMessages({ code: 'invalid-otp', error: 'missing-counter' }), [
    { key: 'textNotice_invalid_otp', substitutions: [] },
    { key: 'otpError_missing_counter', substitutions: [] },
  ]);
  assert.deepEqual(noticeMessages({ code: 'duo-activation' }), [
    { key: 'textNotice_duo_activation', substitutions: [] },
  ]);
});

test('warnings that show a count name a plural family and carry the count', () => {
  assert.deepEqual(warningMessage({ code: 'digits', params: ['8'] }), {
    key: 'otpWarning_digits',
    substitutions: ['8'],
    count: 8,
  });
  assert.equal(warningMessage({ code: 'period', params: ['60'] }).count, 60);
  assert.equal(warningMessage({ code: 'short-key', params: ['13'] }).count, 13);
  assert.equal(warningMessage({ code: 'hotp', params: ['7'] }).count, undefined);
});

test('the place in an export', () => {
  assert.deepEqual(batchMessage({ id: 7, index: 2, size: 3 }), {
    key: 'otpBatch',
    substitutions: ['2', '3'],
  });
});
