import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toOtpauthUri } from '../otp/format.ts';
import { onlyAccount } from '../otp/test-helpers/only-account.ts';
import type { OtpAccount } from '../otp/types.ts';
import { writeBitwardenExport } from './bitwarden.ts';
import { EXPORT_ACCOUNTS, EXPORT_TABLE, NOW, sequentialIds } from './test-helpers/accounts.ts';
import { readAegisVault } from './test-helpers/aegis-reader.ts';
import { parseBitwardenTotp, readBitwardenExport } from './test-helpers/bitwarden-reader.ts';
import { aegisFixture, NO_AEGIS_FIXTURES, ownFixture } from './test-helpers/fixtures.ts';
import { ImportRefused } from './test-helpers/imported.ts';

const BITWARDEN_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'];
/** Accounts Bitwarden makes the right codes for from `login.totp`. */
const makesCodes = (a: OtpAccount): boolean =>
  a.type === 'Steam' || (a.type === 'TOTP' && BITWARDEN_ALGORITHMS.includes(a.algorithm));

describe('the Bitwarden reader on real files', () => {
  test('the Bitwarden export in Aegis’s tests: 4 logins whose TOTP parameters match the Aegis vault of the same keys', {
    skip: NO_AEGIS_FIXTURES,
  }, () => {
    const { items } = readBitwardenExport(aegisFixture('bitwarden.json'));
    const vault = readAegisVault(aegisFixture('aegis_plain.json'));
    assert.equal(items.length, 4);
    for (const item of items) {
      assert.equal(item.type, 1);
      const totp = parseBitwardenTotp(item.totp ?? '');
      const entry = vault.entries.find((e) => e.secret === totp.secret);
      assert.ok(entry, item.name);
      assert.deepEqual(
        [totp.kind, totp.algorithm, totp.digits, totp.period],
        [entry.type, entry.algorithm, entry.digits, entry.period],
      );
      if (totp.kind === 'TOTP')
        assert.deepEqual(
          [totp.issuer, totp.account],
          [entry.issuer.toLowerCase(), entry.account.toLowerCase()],
        );
    }
  });

  test('the project’s own Bitwarden-shaped export: otpauth, steam:// and bare keys, no TOTP, a secure note', () => {
    const { items, folders } = readBitwardenExport(ownFixture('bitwarden-unencrypted.json'));
    assert.deepEqual(folders, ['7d1c9a52-3e4f-4b60-9a71-8c2d3e4f5a6b']);
    assert.deepEqual(
      items.map((i) => [i.type, i.name, i.username]),
      [
        [1, 'Fixture Shop', 'kim@example.org'],
        [1, 'Steam', 'player_two'],
        [1, 'Fixture Forum', 'lee'],
        [1, 'No second factor', 'nobody'],
        [2, 'Recovery codes', null],
      ],
    );
    const [shop, steam, forum] = items.map((i) => (i.totp === null ? undefined : parseBitwardenTotp(i.totp)));
    assert.deepEqual(shop, {
      kind: 'TOTP',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      secret: 'MZUXQ5DVOJSS2YTXFV2G65DQFVZWQYJS',
      issuer: 'fixture shop',
      account: 'kim@example.org',
    });
    assert.deepEqual(
      [steam?.kind, steam?.digits, steam?.secret],
      ['Steam', 5, 'MZUXQ5DVOJSS2YTXFVZXIZLBNUWWWZLZ'],
    );
    assert.deepEqual(
      [forum?.kind, forum?.digits, forum?.secret],
      ['TOTP', 6, 'MZUXQ5DVOJSS2YTXFVZGC5ZNNNSXSIJB'],
    );
    assert.equal(items[3]?.totp, null);
  });

  test('refuses a file without items and an encrypted export', () => {
    assert.throws(() => readBitwardenExport('{"encrypted":false,"folders":[]}'), ImportRefused);
    assert.throws(() => readBitwardenExport('{"encrypted":true,"items":[]}'), ImportRefused);
  });

  test('why HOTP and Steam need care: Bitwarden reads an otpauth hotp URI, or encoder=steam, as plain TOTP', () => {
    const hotp = EXPORT_ACCOUNTS.find((a) => a.type === 'HOTP');
    const steam = EXPORT_ACCOUNTS.find((a) => a.type === 'Steam');
    assert.ok(hotp && steam);
    assert.deepEqual(
      [parseBitwardenTotp(toOtpauthUri(hotp)).kind, parseBitwardenTotp(toOtpauthUri(hotp)).period],
      ['TOTP', 30],
    );
    assert.deepEqual(
      [parseBitwardenTotp(toOtpauthUri(steam)).kind, parseBitwardenTotp(toOtpauthUri(steam)).digits],
      ['TOTP', 6],
    );
  });
});

describe('Bitwarden export: each account read back as Bitwarden reads it', () => {
  for (const { name, account } of EXPORT_TABLE) {
    test(name, () => {
      const { text, notes, written } = writeBitwardenExport([account], { now: NOW, newId: sequentialIds() });
      const { items } = readBitwardenExport(text);
      assert.equal(written, 1);
      assert.equal(items.length, 1);
      const [item] = items;
      assert.ok(item);
      assert.equal(item.type, 1);
      assert.equal(item.name, account.issuer || account.account || '#1');
      assert.equal(item.username, account.account || null);
      const label =
        account.issuer && account.account
          ? `${account.issuer} (${account.account})`
          : account.issuer || account.account || '#1';
      if (makesCodes(account)) {
        assert.deepEqual(notes, []);
        assert.equal(item.notes, null);
        const totp = parseBitwardenTotp(item.totp ?? '');
        const steam = account.type === 'Steam';
        assert.deepEqual(
          [totp.kind, totp.algorithm, totp.digits, totp.period, totp.secret],
          [
            account.type,
            steam ? 'SHA1' : account.algorithm,
            steam ? 5 : account.digits,
            account.period,
            account.secret,
          ],
        );
        if (!steam) assert.deepEqual(onlyAccount(item.totp ?? ''), account);
        return;
      }
      // Counter-based or an algorithm Bitwarden lacks: no TOTP (it would show wrong codes), the URI in the notes.
      assert.equal(item.totp, null);
      assert.deepEqual(onlyAccount(item.notes ?? ''), account);
      const [code, value] =
        account.type === 'HOTP'
          ? ['notes-only-hotp', String(account.counter)]
          : ['notes-only-algorithm', account.algorithm];
      assert.deepEqual(notes, [{ index: 0, code, params: [label, 'Bitwarden', value] }]);
    });
  }
});

test('Bitwarden export: the whole table, as Bitwarden writes an unencrypted export, one login item per account', () => {
  const { text, notes, written } = writeBitwardenExport(EXPORT_ACCOUNTS, {
    now: NOW,
    newId: sequentialIds(),
  });
  const file = JSON.parse(text);
  assert.equal(file.encrypted, false);
  assert.deepEqual(file.folders, []);
  assert.equal(file.items.length, EXPORT_ACCOUNTS.length);
  assert.equal(written, EXPORT_ACCOUNTS.length);
  for (const [i, item] of file.items.entries()) {
    assert.equal(item.id, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
    assert.deepEqual(
      [item.type, item.favorite, item.revisionDate, item.creationDate],
      [1, false, '2026-12-01T12:00:00.000Z', '2026-12-01T12:00:00.000Z'],
    );
  }
  const { items } = readBitwardenExport(text);
  for (const [i, account] of EXPORT_ACCOUNTS.entries()) {
    const item = items[i];
    if (account.type === 'Steam') assert.equal(item?.totp, `steam://${account.secret}`);
    else assert.deepEqual(onlyAccount(item?.totp ?? item?.notes ?? ''), account);
  }
  assert.deepEqual(
    notes.map((n) => [n.index, n.code]),
    EXPORT_ACCOUNTS.flatMap((a, i) =>
      makesCodes(a) ? [] : [[i, a.type === 'HOTP' ? 'notes-only-hotp' : 'notes-only-algorithm']],
    ),
  );
});
