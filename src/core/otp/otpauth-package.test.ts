/**
 * What the `otpauth` package (v9) does with real-world input, pinned so an upgrade that changes it is
 * noticed. This is why the core parses otpauth URIs itself and uses the package only for keys and codes:
 * `URI.parse` rejects input sites emit (spaces in keys, raw `?` in unknown parameters, Steam, stray `%`)
 * and accepts input that gives wrong codes without a word (99 digits, negative counters, two issuers).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOTP, Secret, type TOTP, URI } from 'otpauth';
import { readQrText } from './read-qr-text.ts';

const KEY = 'JBSWY3DPEHPK3PXP';

function parse(uri: string): string {
  try {
    const otp = URI.parse(uri);
    const kind = otp instanceof HOTP ? `hotp counter=${otp.counter}` : `totp period=${(otp as TOTP).period}`;
    return `ok ${kind} issuer=${otp.issuer} label=${otp.label} secret=${otp.secret.base32} digits=${otp.digits}`;
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

describe('otpauth 9 URI.parse, and what the core does instead', () => {
  const cases: Array<[string, string, string, 'otp' | 'text']> = [
    [
      'a lowercase key: accepted, uppercased',
      `otpauth://totp/A:b?secret=${KEY.toLowerCase()}`,
      `ok totp period=30 issuer=A label=b secret=${KEY} digits=6`,
      'otp',
    ],
    [
      'padding: accepted, dropped',
      `otpauth://totp/A:b?secret=${KEY}====`,
      `ok totp period=30 issuer=A label=b secret=${KEY} digits=6`,
      'otp',
    ],
    [
      'spaces (%20) in the key: rejected',
      'otpauth://totp/A:b?secret=JBSW%20Y3DP%20EHPK%203PXP',
      "TypeError: Missing or invalid 'secret' parameter",
      'otp',
    ],
    [
      'hyphens in the key: rejected',
      'otpauth://totp/A:b?secret=JBSW-Y3DP-EHPK-3PXP',
      "TypeError: Missing or invalid 'secret' parameter",
      'otp',
    ],
    [
      'an unknown parameter with an encoded ?: ignored',
      `otpauth://totp/A:b?secret=${KEY}&image=https%3A%2F%2Fx%2Fy.png%3Fa%3Db`,
      `ok totp period=30 issuer=A label=b secret=${KEY} digits=6`,
      'otp',
    ],
    [
      'an unknown parameter with a raw ?: the whole URI rejected',
      `otpauth://totp/A:b?secret=${KEY}&image=https://x/y.png?a=b`,
      "TypeError: Missing or invalid 'secret' parameter",
      'otp',
    ],
    [
      'a stray % in the label: URIError',
      `otpauth://totp/100%:b?secret=${KEY}`,
      'URIError: URI malformed',
      'otp',
    ],
    ['Steam: rejected', `otpauth://steam/Steam:b?secret=${KEY}`, 'URIError: Invalid URI format', 'otp'],
    [
      'MD5: rejected',
      `otpauth://totp/A:b?secret=${KEY}&algorithm=MD5`,
      "TypeError: Invalid 'algorithm' parameter",
      'otp',
    ],
    [
      '99 digits: accepted',
      `otpauth://totp/A:b?secret=${KEY}&digits=99`,
      `ok totp period=30 issuer=A label=b secret=${KEY} digits=99`,
      'text',
    ],
    [
      'a negative counter: accepted',
      `otpauth://hotp/A:b?secret=${KEY}&counter=-5`,
      `ok hotp counter=-5 issuer=A label=b secret=${KEY} digits=6`,
      'text',
    ],
    [
      'a period of a day: accepted',
      `otpauth://totp/A:b?secret=${KEY}&period=86400`,
      `ok totp period=86400 issuer=A label=b secret=${KEY} digits=6`,
      'text',
    ],
    [
      'two different issuers: the parameter kept, silently',
      `otpauth://totp/A:b?secret=${KEY}&issuer=B`,
      `ok totp period=30 issuer=B label=b secret=${KEY} digits=6`,
      'otp',
    ],
    [
      'an empty key: rejected',
      'otpauth://totp/A:b?secret=',
      "TypeError: Missing or invalid 'secret' parameter",
      'text',
    ],
  ];
  for (const [what, uri, byPackage, byCore] of cases) {
    test(what, () => {
      assert.equal(parse(uri), byPackage);
      assert.equal(readQrText(uri)[0]?.kind, byCore);
    });
  }

  test('Secret.fromBase32 throws a TypeError on a character outside base32 (the core checks first)', () => {
    assert.throws(() => Secret.fromBase32('JBSWY3DP1'), TypeError);
    assert.equal(Secret.fromBase32('jbsw y3dp').base32, 'JBSWY3DP');
  });
});
