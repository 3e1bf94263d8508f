/**
 * A reader of Bitwarden's unencrypted JSON export written for these tests from a reading of Bitwarden's
 * importer (libs/importer BitwardenJsonImporter → CipherExport.toView / LoginExport.toView) and of the
 * TOTP parser its clients use (sdk-internal bitwarden-vault totp.rs `Totp::from_str`): what Bitwarden
 * stores for each item, and the code parameters it would derive from `login.totp`.
 */
import { encodeBase32, ImportRefused, isObject } from './imported.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The parser matches the lowercased value; anything else is the default, SHA1. */
const ALGORITHMS: Record<string, BitwardenTotp['algorithm']> = {
  sha1: 'SHA1',
  sha256: 'SHA256',
  sha512: 'SHA512',
};

/** Bitwarden's lenient base32: every non-alphabet character dropped, whole bytes only. */
function lenientBase32(text: string): string {
  const bits = [...text.toUpperCase()]
    .filter((c) => ALPHABET.includes(c))
    .map((c) => ALPHABET.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return encodeBase32(Uint8Array.from(bytes));
}

/** What Bitwarden makes codes with: the parameters `Totp::from_str` gives for a `login.totp` value. */
export interface BitwardenTotp {
  kind: 'TOTP' | 'Steam';
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  period: number;
  secret: string;
  /** From the URI (lowercased, as the parser lowercases the whole key before parsing). */
  issuer?: string;
  account?: string;
}

/** Rust's `str::parse::<u32>`: digits with an optional `+`, nothing else. */
function u32(text: string | null): number | undefined {
  if (text === null || !/^\+?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 0xffffffff ? value : undefined;
}

export function parseBitwardenTotp(raw: string): BitwardenTotp {
  const key = raw.toLowerCase();
  if (key.startsWith('otpauth://')) {
    const url = new URL(key);
    const label = decodeURIComponent(url.pathname).replace(/^\//, '');
    const colon = label.indexOf(':');
    const issuer = colon < 0 ? undefined : label.slice(0, colon).trim();
    const account = colon < 0 ? label : label.slice(colon + 1).trim();
    const params = url.searchParams;
    const secret = params.get('secret');
    if (secret === null) throw new ImportRefused('MissingSecret');
    const algorithm = ALGORITHMS[params.get('algorithm') ?? ''];
    const digits = u32(params.get('digits'));
    const period = u32(params.get('period'));
    const issuerParam = params.get('issuer');
    return {
      kind: 'TOTP',
      algorithm: algorithm ?? 'SHA1',
      digits: digits === undefined ? 6 : Math.min(digits, 10),
      period: period === undefined ? 30 : Math.max(period, 1),
      secret: lenientBase32(secret),
      account,
      ...(issuerParam !== null ? { issuer: issuerParam } : issuer !== undefined ? { issuer } : {}),
    };
  }
  if (key.startsWith('steam://')) {
    return { kind: 'Steam', algorithm: 'SHA1', digits: 5, period: 30, secret: lenientBase32(key.slice(8)) };
  }
  return { kind: 'TOTP', algorithm: 'SHA1', digits: 6, period: 30, secret: lenientBase32(key) };
}

export interface BitwardenItem {
  type: number;
  name: string;
  notes: string | null;
  username: string | null;
  totp: string | null;
  folderId: string | null;
}

export interface BitwardenImport {
  items: BitwardenItem[];
  folders: string[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `BitwardenJsonImporter.parse` for `encrypted: false`: fails without `items`, reads every item. */
export function readBitwardenExport(source: string): BitwardenImport {
  const file: unknown = JSON.parse(source);
  if (!isObject(file) || !Array.isArray(file.items)) throw new ImportRefused('no items');
  if (file.encrypted === true) throw new ImportRefused('encrypted export');
  const folders = Array.isArray(file.folders) ? file.folders.map((f) => String(isObject(f) ? f.id : f)) : [];
  const items = file.items.map((item): BitwardenItem => {
    if (!isObject(item)) throw new ImportRefused('item is not an object');
    const login = item.type === 1 && isObject(item.login) ? item.login : {};
    return {
      type: Number(item.type),
      name: text(item.name) ?? '',
      notes: text(item.notes),
      username: text(login.username),
      totp: text(login.totp),
      folderId: text(item.folderId),
    };
  });
  return { items, folders };
}
