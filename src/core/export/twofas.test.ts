import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OtpAccount } from '../otp/types.ts';
import { EXPORT_ACCOUNTS, EXPORT_TABLE, NOW, sequentialIds } from './test-helpers/accounts.ts';
import { readAegisVault } from './test-helpers/aegis-reader.ts';
import { aegisFixture, NO_AEGIS_FIXTURES, ownFixture } from './test-helpers/fixtures.ts';
import { expectedImport, ImportRefused } from './test-helpers/imported.ts';
import { readTwofasBackup } from './test-helpers/twofas-reader.ts';
import { writeTwofasBackup } from './twofas.ts';

const TWOFAS_ALGORITHMS = ['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'];
const fitsTwofas = (a: OtpAccount): boolean =>
  a.type === 'Steam' || (TWOFAS_ALGORITHMS.includes(a.algorithm) && a.counter <= 2 ** 31 - 1);
const context = () => ({ now: NOW, newId: sequentialIds() });

describe('the 2FAS reader on real files', () => {
  test('the 2FAS backup (schema 4) in Aegis’s tests: 5 services, each as the Aegis vault of the same key says', {
    skip: NO_AEGIS_FIXTURES,
  }, () => {
    const services = readTwofasBackup(aegisFixture('2fas_authenticator_plain_v4.2fas'));
    const vault = readAegisVault(aegisFixture('aegis_plain.json'));
    assert.deepEqual(
      services.map((s) => [s.type, s.position, s.unknownAlgorithm]),
      [
        ['TOTP', 0, false],
        ['HOTP', 1, false],
        ['HOTP', 2, false],
        ['HOTP', 3, false],
        ['Steam', 4, false],
      ],
    );
    for (const { name, position: _p, unknownAlgorithm: _u, ...service } of services) {
      const entry = vault.entries.find((e) => e.secret === service.secret);
      assert.ok(entry, name);
      const { uuid: _uuid, note: _note, favorite: _favorite, groups: _groups, ...fields } = entry;
      assert.deepEqual(service, fields);
      assert.equal(name, entry.issuer);
    }
  });

  test('the project’s own 2FAS-shaped backup: services in position order, a link, HOTP, Steam, a group', () => {
    const services = readTwofasBackup(ownFixture('twofas-backup-v4.2fas'));
    assert.deepEqual(
      services.map((s) => [
        s.name,
        s.type,
        s.issuer,
        s.account,
        s.algorithm,
        s.digits,
        s.period ?? s.counter,
      ]),
      [
        ['Fixture VPN', 'HOTP', '', 'ops-team', 'SHA512', 8, 42],
        ['Fixture Chat', 'TOTP', 'Fixture Chat', 'sam@example.org', 'SHA1', 6, 30],
        ['Steam', 'Steam', 'Steam', 'player_three', 'SHA1', 5, 30],
      ],
    );
  });

  test('refuses what 2FAS refuses: a newer schema, an encrypted backup, no icon (iOS), a counter past Int (Android)', () => {
    const plain = JSON.parse(ownFixture('twofas-backup-v4.2fas'));
    const [first, ...rest] = plain.services;
    const hotp = plain.services[1];
    const variants = [
      { ...plain, schemaVersion: 5 },
      { ...plain, services: [], servicesEncrypted: 'abc:def:ghi' },
      { ...plain, appOrigin: 'web' },
      { ...plain, services: [{ ...first, icon: undefined }, ...rest] },
      { ...plain, services: [{ ...hotp, otp: { ...hotp.otp, counter: 2 ** 31 } }] },
      { ...plain, services: [{ ...first, otp: { ...first.otp, source: undefined } }] },
    ];
    for (const file of variants) assert.throws(() => readTwofasBackup(JSON.stringify(file)), ImportRefused);
  });
});

describe('2FAS backup: each account read back as 2FAS reads it', () => {
  for (const { name, account } of EXPORT_TABLE) {
    test(name, () => {
      const { text, notes, written } = writeTwofasBackup([account], context());
      const services = readTwofasBackup(text);
      const label =
        account.issuer && account.account
          ? `${account.issuer} (${account.account})`
          : account.issuer || account.account || '#1';
      if (!fitsTwofas(account)) {
        assert.deepEqual(services, []);
        assert.equal(written, 0);
        const [code, value] = TWOFAS_ALGORITHMS.includes(account.algorithm)
          ? ['left-out-counter', String(account.counter)]
          : ['left-out-algorithm', account.algorithm];
        assert.deepEqual(notes, [{ index: 0, code, params: [label, '2FAS', value] }]);
        return;
      }
      assert.deepEqual(notes, []);
      assert.equal(written, 1);
      assert.deepEqual(services, [
        {
          ...expectedImport(account),
          name: account.issuer || account.account || '#1',
          position: 0,
          unknownAlgorithm: false,
        },
      ]);
    });
  }
});

test('2FAS backup: the whole table, schema 4 as 2FAS for Android writes it; only MD5, SHA3 and a 2^53 counter left out', () => {
  const { text, notes, written } = writeTwofasBackup(EXPORT_ACCOUNTS, context());
  const file = JSON.parse(text);
  assert.deepEqual(
    [file.schemaVersion, file.appOrigin, file.updatedAt, file.groups, file.servicesEncrypted],
    [4, 'android', NOW, [], undefined],
  );
  const services = readTwofasBackup(text);
  const kept = EXPORT_ACCOUNTS.filter(fitsTwofas);
  assert.deepEqual(
    services.map(({ name: _n, position: _p, unknownAlgorithm: _u, ...fields }) => fields),
    kept.map(expectedImport),
  );
  assert.deepEqual(
    services.map((s) => s.position),
    kept.map((_, i) => i),
  );
  assert.equal(written, kept.length);
  assert.deepEqual(
    notes.map((n) => [n.code, n.params[2]]),
    [
      ['left-out-counter', '9007199254740991'],
      ['left-out-algorithm', 'MD5'],
      ['left-out-algorithm', 'SHA3-256'],
    ],
  );
  for (const service of file.services) {
    assert.equal(service.updatedAt, NOW);
    assert.equal(
      service.icon.label.text,
      Array.from(service.name as string)
        .slice(0, 2)
        .join('')
        .toUpperCase(),
    );
  }
});
