/**
 * Test helper: writes Google Authenticator export payloads the way its protobuf encoder does (int32
 * fields sign-extended to 10-byte varints), so tests can build real-shaped exports of any size.
 */

export interface ExportAccount {
  secret: Uint8Array;
  name?: string;
  issuer?: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  algorithm?: number;
  /** 0 unspecified, 1 six, 2 eight, 3 seven. */
  digits?: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP. */
  type?: number;
  counter?: bigint;
}

export interface ExportPayload {
  accounts: ExportAccount[];
  version?: number;
  batchSize?: number;
  batchIndex?: number;
  batchId?: number;
}

export function varint(value: bigint): number[] {
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return bytes;
}

export function tag(field: number, wireType: number): number[] {
  return varint(BigInt(field * 8 + wireType));
}

export function lengthDelimited(field: number, content: Uint8Array | number[]): number[] {
  return [...tag(field, 2), ...varint(BigInt(content.length)), ...content];
}

export function varintField(field: number, value: bigint | number): number[] {
  return [...tag(field, 0), ...varint(BigInt(value))];
}

const utf8 = new TextEncoder();

export function encodeAccount(account: ExportAccount): Uint8Array {
  const bytes = [...lengthDelimited(1, account.secret)];
  if (account.name !== undefined) bytes.push(...lengthDelimited(2, utf8.encode(account.name)));
  if (account.issuer !== undefined) bytes.push(...lengthDelimited(3, utf8.encode(account.issuer)));
  bytes.push(...varintField(4, account.algorithm ?? 1));
  bytes.push(...varintField(5, account.digits ?? 1));
  bytes.push(...varintField(6, account.type ?? 2));
  if (account.counter !== undefined) bytes.push(...varintField(7, account.counter));
  return Uint8Array.from(bytes);
}

export function encodeExport(payload: ExportPayload): Uint8Array {
  const bytes: number[] = [];
  for (const account of payload.accounts) bytes.push(...lengthDelimited(1, encodeAccount(account)));
  bytes.push(...varintField(2, payload.version ?? 1));
  bytes.push(...varintField(3, payload.batchSize ?? 1));
  bytes.push(...varintField(4, payload.batchIndex ?? 0));
  bytes.push(...varintField(5, payload.batchId ?? -1_234_567_890));
  return Uint8Array.from(bytes);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The QR text of an export. `encoding`: `percent` as Google Authenticator writes it (`+` `/` `=`
 * escaped), `plus-as-space` as it arrives after a form decoder turned `+` into spaces, `raw` unescaped.
 */
export function exportUri(
  bytes: Uint8Array,
  encoding: 'percent' | 'plus-as-space' | 'raw' = 'percent',
): string {
  const data = base64(bytes);
  const written =
    encoding === 'raw'
      ? data
      : encoding === 'plus-as-space'
        ? data.replace(/\+/g, ' ').replace(/\//g, '%2F').replace(/=/g, '%3D')
        : encodeURIComponent(data);
  return `otpauth-migration://offline?data=${written}`;
}
