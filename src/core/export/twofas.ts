import type { OtpAccount } from '../otp/types.ts';
import { entryTitle, note } from './notes.ts';
import type { ExportNote, Writer } from './types.ts';

/** 2FAS's `Service.Algorithm` (Android and iOS): SHA3 and MD5 are not among them. */
const TWOFAS_ALGORITHMS = new Set(['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512']);

/** 2FAS for Android reads `otp.counter` as a Kotlin `Int`: a larger one fails the whole file. */
const MAX_TWOFAS_COUNTER = 2 ** 31 - 1;

/** The icon collection 2FAS gives a service it has no brand icon for (a lettered label). */
const DEFAULT_ICON_COLLECTION = 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad';

/** The backup schema 2FAS 5 writes and reads (Aegis's importer reads up to 4 as well). */
const SCHEMA_VERSION = 4;

/**
 * Required by 2FAS for iOS (`appOrigin` is an enum of `android` and `ios`; both version fields must be
 * present): the file names the 2FAS for Android release whose schema-4 backup it follows.
 */
const ORIGIN = { appVersionCode: 5000009, appVersionName: '5.1.0', appOrigin: 'android' };

function otp(account: OtpAccount): Record<string, string | number> {
  const fields: Record<string, string | number> = { label: account.account, account: account.account };
  if (account.issuer) fields.issuer = account.issuer;
  if (account.type === 'Steam') {
    Object.assign(fields, { digits: 5, period: 30, algorithm: 'SHA1', tokenType: 'STEAM' });
  } else if (account.type === 'HOTP') {
    const { digits, algorithm, counter } = account;
    Object.assign(fields, { digits, algorithm, counter, tokenType: 'HOTP' });
  } else {
    const { digits, period, algorithm } = account;
    Object.assign(fields, { digits, period, algorithm, tokenType: 'TOTP' });
  }
  fields.source = 'Manual';
  return fields;
}

function why(account: OtpAccount, index: number): ExportNote | undefined {
  if (account.type !== 'Steam' && !TWOFAS_ALGORITHMS.has(account.algorithm)) {
    return note(account, index, 'left-out-algorithm', '2FAS', account.algorithm);
  }
  if (account.type === 'HOTP' && account.counter > MAX_TWOFAS_COUNTER) {
    return note(account, index, 'left-out-counter', '2FAS', String(account.counter));
  }
  return undefined;
}

/**
 * An unencrypted 2FAS Authenticator backup (`.2fas`, schema 4), in the shape 2FAS for Android writes
 * and 2FAS for Android and iOS read: `services` with `name` (the issuer, else the account), `secret`,
 * `updatedAt`, `otp` (`label`, `account`, `issuer`, `digits`, `period` or `counter`, `algorithm`,
 * `tokenType` TOTP/HOTP/STEAM, `source` Manual), `order.position`, and the lettered icon 2FAS gives a
 * service without a brand (the iOS reader requires `icon`). No groups. 2FAS imports it under
 * "Settings → Backup → Import". An account 2FAS cannot hold is left out with a note.
 */
export const writeTwofasBackup: Writer = (accounts, { now }) => {
  const notes: ExportNote[] = [];
  const services: object[] = [];
  accounts.forEach((account, index) => {
    const leftOut = why(account, index);
    if (leftOut) {
      notes.push(leftOut);
      return;
    }
    const name = entryTitle(account, index);
    services.push({
      name,
      secret: account.secret,
      updatedAt: now,
      otp: otp(account),
      order: { position: services.length },
      icon: {
        selected: 'Label',
        label: { text: Array.from(name).slice(0, 2).join('').toUpperCase(), backgroundColor: 'Default' },
        iconCollection: { id: DEFAULT_ICON_COLLECTION },
      },
    });
  });
  const backup = { services, groups: [], updatedAt: now, schemaVersion: SCHEMA_VERSION, ...ORIGIN };
  return { text: JSON.stringify(backup), notes, written: services.length };
};
