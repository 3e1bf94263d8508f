import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toOtpauthUri } from '../otp/format.ts';
import { onlyAccount } from '../otp/test-helpers/only-account.ts';
import { writeOtpauthList } from './otpauth-list.ts';
import { EXPORT_ACCOUNTS, EXPORT_TABLE, NOW, sequentialIds } from './test-helpers/accounts.ts';

const context = { now: NOW, newId: sequentialIds() };

describe('otpauth list: each account, one line, back through the project parser', () => {
  for (const { name, account } of EXPORT_TABLE) {
    test(name, () => {
      const { text, notes, written } = writeOtpauthList([account], context);
      assert.equal(text, `${toOtpauthUri(account)}\n`);
      assert.deepEqual(onlyAccount(text.trim()), account);
      assert.deepEqual(notes, []);
      assert.equal(written, 1);
    });
  }
});

test('otpauth list: the whole table in order, one URI a line, LF endings, every account intact', () => {
  const { text, written } = writeOtpauthList(EXPORT_ACCOUNTS, context);
  assert.ok(text.endsWith('\n'));
  assert.doesNotMatch(text, /\r/);
  const lines = text.slice(0, -1).split('\n');
  assert.equal(lines.length, EXPORT_ACCOUNTS.length);
  assert.equal(written, EXPORT_ACCOUNTS.length);
  assert.deepEqual(
    lines.map((line) => onlyAccount(line)),
    EXPORT_ACCOUNTS,
  );
});

test('otpauth list: no accounts give an empty file', () => {
  assert.equal(writeOtpauthList([], context).text, '');
});
