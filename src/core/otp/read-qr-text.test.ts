import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupKey } from './format.ts';
import { readQrText } from './read-qr-text.ts';

test('the Autotask enrollment code gives issuer, account and the key in uppercase', () => {
  const [entry] = readQrText('otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop');
  assert.equal(entry?.kind, 'otp');
  if (entry?.kind !== 'otp') return;
  assert.equal(entry.account.issuer, 'Autotask');
  assert.equal(entry.account.account, 'username@domain.com');
  assert.equal(entry.account.secret, 'ABCDEFGHIJKLMNOP');
  assert.equal(groupKey(entry.account.secret), 'ABCD EFGH IJKL MNOP');
});

test('text that is not an otpauth URI stays text', () => {
  assert.deepEqual(readQrText('https://example.com/?a=<b>'), [
    { kind: 'text', text: 'https://example.com/?a=<b>' },
  ]);
});
