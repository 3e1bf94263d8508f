import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readQrText } from '../otp/read-qr-text.ts';
import { EXPORT_FORMATS, type ExportFormat, exportAccounts, exportNoteMessage } from './index.ts';
import { EXPORT_ACCOUNTS, NOW, sequentialIds } from './test-helpers/accounts.ts';
import { readAegisVault } from './test-helpers/aegis-reader.ts';
import { readBitwardenExport } from './test-helpers/bitwarden-reader.ts';
import { readCsv } from './test-helpers/csv-reader.ts';
import { readTwofasBackup } from './test-helpers/twofas-reader.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('the formats are CONTRACT.md’s export-format option values, in its order', () => {
  assert.deepEqual([...EXPORT_FORMATS], ['otpauth', 'aegis', 'bitwarden', '2fas', 'csv']);
});

describe('file names and types the apps’ import dialogs expect', () => {
  const expected: Record<ExportFormat, [string, string]> = {
    otpauth: ['qr-key-reader-export-2026-12-01.txt', 'text/plain;charset=utf-8'],
    aegis: ['qr-key-reader-export-2026-12-01.aegis.json', 'application/json'],
    bitwarden: ['qr-key-reader-export-2026-12-01.bitwarden.json', 'application/json'],
    '2fas': ['qr-key-reader-export-2026-12-01.2fas', 'application/octet-stream'],
    csv: ['qr-key-reader-export-2026-12-01.csv', 'text/csv;charset=utf-8'],
  };
  for (const format of EXPORT_FORMATS) {
    test(format, () => {
      const file = exportAccounts(format, EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
      assert.deepEqual([file.fileName, file.mimeType], expected[format]);
    });
  }
});

/** How many accounts each format's reader finds in the file: the app's own entries. */
function entriesIn(format: ExportFormat, text: string): number {
  if (format === 'otpauth')
    return text.split('\n').filter((line) => readQrText(line)[0]?.kind === 'otp').length;
  if (format === 'csv') return readCsv(text).length - 1;
  if (format === 'aegis') return readAegisVault(text).entries.length;
  if (format === 'bitwarden') return readBitwardenExport(text).items.length;
  return readTwofasBackup(text).length;
}

describe('no account is ever left out silently: in the file, or a note says why', () => {
  for (const format of EXPORT_FORMATS) {
    test(format, () => {
      const file = exportAccounts(format, EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
      const leftOut = file.notes.filter((n) => n.code.startsWith('left-out-')).map((n) => n.index);
      assert.equal(entriesIn(format, file.text), file.written);
      assert.equal(file.written + leftOut.length, EXPORT_ACCOUNTS.length);
      assert.equal(new Set(file.notes.map((n) => n.index)).size, file.notes.length);
      for (const note of file.notes) {
        assert.ok(note.index >= 0 && note.index < EXPORT_ACCOUNTS.length);
        assert.equal(note.params.length, 3);
      }
    });
  }
});

test('defaults: the clock for the date, crypto.randomUUID for ids', () => {
  const before = new Date();
  const file = exportAccounts('aegis', EXPORT_ACCOUNTS.slice(0, 2));
  const day = (d: Date): string =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  assert.ok(
    [day(before), day(new Date())].some((d) => file.fileName === `qr-key-reader-export-${d}.aegis.json`),
  );
  const uuids = readAegisVault(file.text).entries.map((e) => e.uuid);
  assert.equal(uuids.length, 2);
  assert.ok(uuids.every((u) => UUID_V4.test(u ?? '')));
  assert.notEqual(uuids[0], uuids[1]);
});

test('the same accounts, date and ids give the same file (pure)', () => {
  for (const format of EXPORT_FORMATS) {
    const a = exportAccounts(format, EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
    const b = exportAccounts(format, EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
    assert.deepEqual(a, b);
  }
});

test('a note’s sentence key and substitutions', () => {
  const file = exportAccounts('aegis', EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
  const md5 = file.notes.find((n) => n.params[2] === 'MD5');
  assert.ok(md5);
  assert.deepEqual(exportNoteMessage(md5), {
    key: 'exportNote_left_out_algorithm',
    substitutions: ['Old (legacy)', 'Aegis', 'MD5'],
  });
});

test('an empty list gives a valid, empty file in every format', () => {
  for (const format of EXPORT_FORMATS) {
    const file = exportAccounts(format, [], { now: NOW, newId: sequentialIds() });
    assert.equal(entriesIn(format, file.text), 0);
    assert.deepEqual([file.written, file.notes], [0, []]);
  }
});
