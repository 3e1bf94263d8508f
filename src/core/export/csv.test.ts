import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toOtpauthUri } from '../otp/format.ts';
import { onlyAccount } from '../otp/test-helpers/only-account.ts';
import type { OtpAccount } from '../otp/types.ts';
import { CSV_COLUMNS, guardCell, quoteCell, writeCsv } from './csv.ts';
import { EXPORT_ACCOUNTS, EXPORT_TABLE, NOW, sequentialIds } from './test-helpers/accounts.ts';
import { readCsv } from './test-helpers/csv-reader.ts';

const context = { now: NOW, newId: sequentialIds() };

describe('RFC 4180 quoting', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['株式会社 🦊', '株式会社 🦊'],
  ];
  for (const [raw, quoted] of cases) {
    test(JSON.stringify(raw), () => {
      assert.equal(quoteCell(raw), quoted);
      assert.deepEqual(readCsv(`${quoted}\r\n`), [[raw]]);
    });
  }
});

describe('formula guard: a name a spreadsheet would run gets a leading apostrophe', () => {
  const cases: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+1 555', "'+1 555"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    ['john@example.com', 'john@example.com'],
    ["'quoted", "'quoted"],
    ['', ''],
  ];
  for (const [raw, guarded] of cases) test(JSON.stringify(raw), () => assert.equal(guardCell(raw), guarded));
});

/** The cells CONTRACT.md's columns must hold for an account. */
function expectedRow(account: OtpAccount): Record<(typeof CSV_COLUMNS)[number], string> {
  const steam = account.type === 'Steam';
  return {
    issuer: guardCell(account.issuer),
    account: guardCell(account.account),
    secret: account.secret,
    type: account.type,
    algorithm: steam ? 'SHA1' : account.algorithm,
    digits: steam ? '5' : String(account.digits),
    period: account.type === 'HOTP' ? '' : steam ? '30' : String(account.period),
    counter: account.type === 'HOTP' ? String(account.counter) : '',
    uri: toOtpauthUri(account),
  };
}

describe('CSV: each account, read back by an RFC 4180 reader and the project parser', () => {
  for (const { name, account } of EXPORT_TABLE) {
    test(name, () => {
      const rows = readCsv(writeCsv([account], context).text);
      assert.equal(rows.length, 2);
      const [header, cells] = rows;
      assert.deepEqual(header, [...CSV_COLUMNS]);
      const row = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, cells?.[i]]));
      assert.deepEqual(row, expectedRow(account));
      assert.deepEqual(onlyAccount(row.uri ?? ''), account);
    });
  }
});

test('CSV: the whole table, header first, CRLF line ends, no BOM, every account intact in order', () => {
  const { text, notes, written } = writeCsv(EXPORT_ACCOUNTS, context);
  assert.ok(text.startsWith('issuer,account,secret,type,algorithm,digits,period,counter,uri\r\n'));
  assert.ok(text.endsWith('\r\n'));
  const rows = readCsv(text);
  assert.equal(rows.length, EXPORT_ACCOUNTS.length + 1);
  assert.deepEqual(
    rows.slice(1).map((cells) => onlyAccount(cells[8] ?? '')),
    EXPORT_ACCOUNTS,
  );
  assert.ok(rows.every((cells) => cells.length === CSV_COLUMNS.length));
  assert.deepEqual(notes, []);
  assert.equal(written, EXPORT_ACCOUNTS.length);
});

test('CSV: no cell a spreadsheet evaluates starts with = + - @ (names guarded, the URI column is otpauth:)', () => {
  const rows = readCsv(writeCsv(EXPORT_ACCOUNTS, context).text);
  const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
  assert.deepEqual(risky, []);
  const formula = rows.find((cells) => cells[0]?.includes('HYPERLINK'));
  assert.equal(formula?.[0], '\'=HYPERLINK("x")');
  assert.equal(formula?.[1], "'+1 555");
});

test('CSV: a name with a comma, quotes and a newline is one quoted cell', () => {
  const account = EXPORT_TABLE.find((row) => row.name === 'comma, quotes, newline')?.account;
  assert.ok(account);
  const text = writeCsv([account], context).text;
  assert.ok(text.includes('"Smith, ""Jr."""'));
  assert.ok(text.includes('"line 1\nline 2"'));
});
