/**
 * A reader of 2FAS's unencrypted backup written for these tests from a reading of 2FAS's own models
 * (2fas-android BackupContent / BackupService, decoded with kotlinx.serialization, mapped by
 * `BackupService.asDomain`; 2fas-ios ExchangeData2, decoded with Codable) and of Aegis's TwoFASImporter:
 * a field either app requires is required here, a number the Android app reads as `Int` must fit one.
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

const INT = 2 ** 31 - 1;

/** `Service.AuthType`; an unknown `tokenType` becomes TOTP (`enumValueOrNull(…) ?: TOTP`). */
const TOKEN_TYPES: Record<string, ImportedAccount['type']> = { TOTP: 'TOTP', HOTP: 'HOTP', STEAM: 'Steam' };
const LONG = Number.MAX_SAFE_INTEGER;

export interface TwofasService extends ImportedAccount {
  /** The service name 2FAS shows as the title. */
  name: string;
  position: number;
  /** `otp.algorithm` not among 2FAS's (`Service.Algorithm`): the app falls back to SHA1. */
  unknownAlgorithm: boolean;
}

function optionalInteger(object: Record<string, unknown>, name: string, max: number): number | undefined {
  return object[name] === undefined || object[name] === null
    ? undefined
    : requireInteger(object, name, 0, max);
}

function optionalString(object: Record<string, unknown>, name: string): string | undefined {
  return object[name] === undefined || object[name] === null ? undefined : requireString(object, name);
}

function service(object: unknown): TwofasService {
  if (!isObject(object)) throw new ImportRefused('service is not an object');
  const name = requireString(object, 'name');
  const secret = encodeBase32(decodeBase32(requireString(object, 'secret')));
  requireInteger(object, 'updatedAt', 0, LONG);
  const { otp, order, icon } = object;
  if (!isObject(otp) || !isObject(order) || !isObject(icon)) throw new ImportRefused('otp, order or icon');
  const position = requireInteger(order, 'position', 0, INT);
  if (!['Label', 'IconCollection', 'Brand'].includes(requireString(icon, 'selected'))) {
    throw new ImportRefused('icon.selected');
  }
  if (!isObject(icon.iconCollection)) throw new ImportRefused('icon.iconCollection (iOS)');
  requireString(icon.iconCollection, 'id');
  requireString(otp, 'source');
  const tokenType = optionalString(otp, 'tokenType') ?? 'TOTP';
  const type = TOKEN_TYPES[tokenType] ?? 'TOTP';
  const rawAlgorithm = optionalString(otp, 'algorithm');
  const known =
    rawAlgorithm !== undefined && ['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'].includes(rawAlgorithm);
  const digits = optionalInteger(otp, 'digits', INT) ?? 6;
  const period = optionalInteger(otp, 'period', INT);
  const counter = optionalInteger(otp, 'counter', INT);
  const names = {
    issuer: optionalString(otp, 'issuer') ?? '',
    account: optionalString(otp, 'account') ?? optionalString(otp, 'label') ?? '',
  };
  const common = { name, position, unknownAlgorithm: !known, secret, digits, ...names };
  const algorithm = known ? rawAlgorithm : 'SHA1';
  if (type === 'HOTP') return { type, ...common, algorithm, counter: counter ?? 0 };
  return { type, ...common, algorithm, period: period ?? 30 };
}

/** The services 2FAS imports, in `order.position` order; throws where 2FAS refuses the whole file. */
export function readTwofasBackup(text: string): TwofasService[] {
  const file: unknown = JSON.parse(text);
  if (!isObject(file)) throw new ImportRefused('not an object');
  requireInteger(file, 'schemaVersion', 1, 4);
  if (!['android', 'ios'].includes(requireString(file, 'appOrigin'))) throw new ImportRefused('appOrigin');
  requireInteger(file, 'appVersionCode', 0, INT);
  requireString(file, 'appVersionName');
  if (file.servicesEncrypted !== undefined && file.servicesEncrypted !== null) {
    throw new ImportRefused('encrypted backup');
  }
  if (!Array.isArray(file.services)) throw new ImportRefused('no services');
  if (file.groups !== undefined && !Array.isArray(file.groups)) throw new ImportRefused('groups');
  return file.services.map(service).sort((a, b) => a.position - b.position);
}
