import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseOtpauthUri } from '../otp/parse-otpauth.ts';
import { writeAegisVault } from './aegis.ts';
import { EXPORT_ACCOUNTS, EXPORT_TABLE, NOW, sequentialIds } from './test-helpers/accounts.ts';
import { readAegisVault } from './test-helpers/aegis-reader.ts';
import { aegisFixture, NO_AEGIS_FIXTURES, ownFixture } from './test-helpers/fixtures.ts';
import { expectedImport, ImportRefused } from './test-helpers/imported.ts';
import { readTwofasBackup } from './test-helpers/twofas-reader.ts';

const AEGIS_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'];
const fitsAegis = (algorithm: string, type: string): boolean =>
  type === 'Steam' || AEGIS_ALGORITHMS.includes(algorithm);

describe('the Aegis reader on real files', () => {
  test('Aegis’s own plain vault: 7 entries, each as the 2FAS file and its otpauth links of the same keys say', {
    skip: NO_AEGIS_FIXTURES,
  }, () => {
    const vault = readAegisVault(aegisFixture('aegis_plain.json'));
    assert.deepEqual(vault.errors, []);
    assert.equal(vault.entries.length, 7);
    assert.deepEqual(
      vault.entries.map((e) => e.type),
      ['TOTP', 'TOTP', 'TOTP', 'HOTP', 'HOTP', 'HOTP', 'Steam'],
    );
    // The 2FAS fixture holds five of the same keys, each with an otpauth link: three independent
    // readings (this reader, the 2FAS reader, the project's URI parser) must agree field by field.
    const services = readTwofasBackup(aegisFixture('2fas_authenticator_plain_v4.2fas'));
    const raw = JSON.parse(aegisFixture('2fas_authenticator_plain_v4.2fas')).services;
    assert.equal(services.length, 5);
    for (const service of services) {
      const entry = vault.entries.find((e) => e.secret === service.secret);
      assert.ok(entry, service.name);
      const { uuid: _uuid, note: _note, favorite: _favorite, groups: _groups, ...fields } = entry;
      const { name: _name, position: _position, unknownAlgorithm: _unknown, ...fromTwofas } = service;
      assert.deepEqual(fields, fromTwofas);
      const link = raw.find((s: { secret: string }) => s.secret === service.secret).otp.link;
      const parsed = parseOtpauthUri(link);
      assert.ok(parsed.ok);
      // Not the issuer: 2FAS writes `issuer=Air+Canada` (form encoding), which the project's parser,
      // like Google Authenticator, reads with the `+`.
      assert.deepEqual(
        [parsed.value.type, parsed.value.account, parsed.value.algorithm],
        [fields.type, fields.account, fields.algorithm],
      );
      assert.equal(parsed.value.digits, fields.digits);
      assert.equal(
        fields.type === 'HOTP' ? parsed.value.counter : parsed.value.period,
        fields.counter ?? fields.period,
      );
    }
  });

  test('the project’s own Aegis-shaped vault: notes, favourites, groups, and an MD5 entry Aegis refuses', () => {
    const vault = readAegisVault(ownFixture('aegis-plain-vault.json'));
    assert.equal(vault.entries.length, 5);
    assert.deepEqual(vault.errors, ['unsupported algorithm: MD5']);
    assert.deepEqual(vault.groups, ['0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b']);
    const [mail, cloud, bank, steam, cafe] = vault.entries;
    assert.deepEqual([mail?.note, mail?.favorite, mail?.groups], ['work account', true, [vault.groups[0]]]);
    assert.deepEqual([cloud?.algorithm, cloud?.digits, cloud?.period], ['SHA512', 8, 60]);
    assert.deepEqual([bank?.type, bank?.counter, bank?.digits], ['HOTP', 5, 7]);
    assert.deepEqual([steam?.type, steam?.digits], ['Steam', 5]);
    assert.deepEqual([cafe?.issuer, cafe?.account], ['Café 東京', 'José Núñez']);
  });

  test('refuses what Aegis refuses: an encrypted header, a newer file version, no entries', () => {
    const plain = JSON.parse(ownFixture('aegis-plain-vault.json'));
    const variants = [
      { ...plain, header: { slots: [], params: { nonce: '', tag: '' } } },
      { ...plain, version: 2 },
      { ...plain, db: { version: 3 } },
    ];
    for (const file of variants) assert.throws(() => readAegisVault(JSON.stringify(file)), ImportRefused);
  });
});

describe('Aegis vault: each account read back as Aegis reads it', () => {
  for (const { name, account } of EXPORT_TABLE) {
    test(name, () => {
      const { text, notes, written } = writeAegisVault([account], { now: NOW, newId: sequentialIds() });
      const vault = readAegisVault(text);
      assert.deepEqual(vault.errors, []);
      if (!fitsAegis(account.algorithm, account.type)) {
        assert.deepEqual(vault.entries, []);
        assert.equal(written, 0);
        const label = `${account.issuer} (${account.account})`;
        assert.deepEqual(notes, [
          { index: 0, code: 'left-out-algorithm', params: [label, 'Aegis', account.algorithm] },
        ]);
        return;
      }
      assert.deepEqual(notes, []);
      assert.equal(written, 1);
      assert.deepEqual(vault.entries, [
        {
          ...expectedImport(account),
          uuid: '00000000-0000-4000-8000-000000000001',
          note: '',
          favorite: false,
          groups: [],
        },
      ]);
    });
  }
});

test('Aegis vault: the whole table in order, as Aegis writes a vault, only MD5/SHA384/SHA3 left out with notes', () => {
  const { text, notes, written } = writeAegisVault(EXPORT_ACCOUNTS, { now: NOW, newId: sequentialIds() });
  const file = JSON.parse(text);
  assert.deepEqual(file.header, { slots: null, params: null });
  assert.deepEqual(
    [file.version, file.db.version, file.db.groups, file.db.icons_optimized],
    [1, 3, [], true],
  );
  const vault = readAegisVault(text);
  const kept = EXPORT_ACCOUNTS.filter((a) => fitsAegis(a.algorithm, a.type));
  assert.deepEqual(
    vault.entries.map(({ uuid: _u, note: _n, favorite: _f, groups: _g, ...fields }) => fields),
    kept.map(expectedImport),
  );
  assert.equal(written, kept.length);
  assert.deepEqual(
    notes.map((n) => n.params[2]),
    ['MD5', 'SHA384', 'SHA3-256'],
  );
  assert.deepEqual(
    notes.map((n) => EXPORT_ACCOUNTS[n.index]?.algorithm),
    ['MD5', 'SHA384', 'SHA3-256'],
  );
  assert.equal(new Set(vault.entries.map((e) => e.uuid)).size, kept.length);
});
