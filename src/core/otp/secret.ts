import { Secret } from 'otpauth';
import type { Result } from './types.ts';

/** RFC 4226 §4: a shared secret of at least 128 bits is required, 160 recommended; apps refuse under 80. */
export const SHORT_KEY_BYTES = 10;

/** The number of bytes a base32 key of this many characters holds. */
export function base32ByteLength(characters: number): number {
  return Math.floor((characters * 5) / 8);
}

/**
 * A key as sites write it (any case, `=` padding, spaces or hyphens between groups) → uppercase base32
 * without padding, or why it cannot be one.
 */
export function normaliseSecret(raw: string): Result<string> {
  const secret = raw
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/=+$/, '');
  if (secret === '') return { ok: false, error: 'missing-secret' };
  if (!/^[A-Z2-7]+$/.test(secret)) return { ok: false, error: 'invalid-secret' };
  if (base32ByteLength(secret.length) === 0) return { ok: false, error: 'invalid-secret' };
  return { ok: true, value: secret };
}

/** The key's bytes (the `otpauth` package decodes; its `TypeError` becomes `undefined`). */
export function secretBytes(secret: string): Uint8Array | undefined {
  try {
    return Secret.fromBase32(secret).bytes;
  } catch {
    return undefined;
  }
}

/** Uppercase base32 without padding (RFC 4648), for keys that arrive as bytes (migration exports). */
export function bytesToBase32(bytes: Uint8Array): string {
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

/** Whether a key is usable base32 (kept for callers that only hold a key). */
export function isBase32(secret: string): boolean {
  const normalised = normaliseSecret(secret);
  return normalised.ok && secretBytes(normalised.value) !== undefined;
}
