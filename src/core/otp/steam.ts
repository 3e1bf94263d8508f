import { HOTP, type Secret } from 'otpauth';

/** The 26 characters Steam Guard codes are made of. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_CODE_LENGTH = 5;

/**
 * A Steam Guard code: HOTP with SHA1 at the time step, whose 31-bit truncated value is written in base 26
 * with Steam's alphabet, least significant first. The 10-digit HOTP code is that value (it is < 2^31).
 */
export function steamCode(secret: Secret, timeStep: number): string {
  let value = Number(HOTP.generate({ secret, algorithm: 'SHA1', digits: 10, counter: timeStep }));
  let code = '';
  for (let index = 0; index < STEAM_CODE_LENGTH; index++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
