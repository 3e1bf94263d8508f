import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCode, looksLikeLink, maskKey } from './display-format.ts';

test('codes are split in two halves for reading', () => {
  assert.equal(groupCode('123456'), '123 456');
  assert.equal(groupCode('12345678'), '1234 5678');
  assert.equal(groupCode('1234567'), '1234 567');
  assert.equal(groupCode('2BC4F'), '2BC4F');
});

test('a masked key shows no character of the key', () => {
  const masked = maskKey('ABCDEFGHIJKLMNOP');
  assert.equal(masked, '•••• •••• •••• ••••');
  assert.doesNotMatch(masked, /[A-Z2-7]/);
});

test('links are recognised so they can be labelled, never opened', () => {
  assert.equal(looksLikeLink('https://example.com'), true);
  assert.equal(looksLikeLink('WIFI:S:home;;'), false);
});
