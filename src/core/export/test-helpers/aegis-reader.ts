/**
 * A reader of Aegis's plain vault file written for these tests from a reading of Aegis's importer
 * (AegisImporter → VaultFile.fromJson → VaultEntry.fromJson → OtpInfo.fromJson, Vault.fromJson): what
 * Aegis refuses, this refuses; what it reads, this reads. File-level faults throw `ImportRefused`; a bad
 * entry is an entry error, as Aegis lists it, and the other entries still import.
 */
import {
  decodeBase32,
  encodeBase32,
  type ImportedAccount,
  ImportRefused,
  isObject,
  requireInteger,
  requireString,
} from './imported.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AegisEntry extends ImportedAccount {
  uuid?: string;
  note: string;
  favorite: boolean;
  groups: string[];
}

export interface AegisImport {
  entries: AegisEntry[];
  errors: string[];
  groups: string[];
}

/** `OtpInfo.setAlgorithm`: an optional `Hmac` prefix, any case; only SHA1, SHA256, SHA512. */
function algorithm(raw: string): string {
  const name = raw.replace(/^Hmac/, '').toUpperCase();
  if (!['SHA1', 'SHA256', 'SHA512'].includes(name)) throw new ImportRefused(`unsupported algorithm: ${name}`);
  return name;
}

function entry(object: Record<string, unknown>): AegisEntry {
  const uuid = object.uuid;
  if (uuid !== undefined && (typeof uuid !== 'string' || !UUID.test(uuid)))
    throw new ImportRefused('bad uuid');
  const type = requireString(object, 'type');
  const info = object.info;
  if (!isObject(info)) throw new ImportRefused('no info');
  const secret = encodeBase32(decodeBase32(requireString(info, 'secret')));
  const algo = algorithm(requireString(info, 'algo'));
  const digits = requireInteger(info, 'digits', 1, 10);
  const names = { issuer: requireString(object, 'issuer'), account: requireString(object, 'name') };
  const groups = Array.isArray(object.groups) ? object.groups.map(String) : [];
  if (groups.some((g) => !UUID.test(g))) throw new ImportRefused('bad group uuid');
  const extra = {
    ...(uuid === undefined ? {} : { uuid }),
    note: typeof object.note === 'string' ? object.note : '',
    favorite: object.favorite === true,
    groups,
  };
  const common = { ...names, secret, algorithm: algo, digits, ...extra };
  if (type === 'totp')
    return { type: 'TOTP', ...common, period: requireInteger(info, 'period', 1, 2 ** 31 - 1) };
  if (type === 'steam')
    return { type: 'Steam', ...common, period: requireInteger(info, 'period', 1, 2 ** 31 - 1) };
  if (type === 'hotp') {
    return { type: 'HOTP', ...common, counter: requireInteger(info, 'counter', 0, Number.MAX_SAFE_INTEGER) };
  }
  throw new ImportRefused(`unsupported otp type: ${type}`);
}

export function readAegisVault(text: string): AegisImport {
  const file: unknown = JSON.parse(text);
  if (!isObject(file)) throw new ImportRefused('not an object');
  requireInteger(file, 'version', 0, 1);
  const header = file.header;
  if (!isObject(header)) throw new ImportRefused('no header');
  if (header.slots !== null || header.params !== null) throw new ImportRefused('encrypted vault');
  const db = file.db;
  if (!isObject(db)) throw new ImportRefused('no db');
  requireInteger(db, 'version', 1, 3);
  if (!Array.isArray(db.entries)) throw new ImportRefused('no entries');
  const groups = Array.isArray(db.groups)
    ? db.groups.map((g: unknown) => requireString(isObject(g) ? g : {}, 'uuid'))
    : [];
  const result: AegisImport = { entries: [], errors: [], groups };
  for (const object of db.entries) {
    try {
      if (!isObject(object)) throw new ImportRefused('entry is not an object');
      result.entries.push(entry(object));
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      result.errors.push(error.message);
    }
  }
  return result;
}
