/** Table-driven: every way an otpauth URI cannot be used, and its error code. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readQrText } from './read-qr-text.ts';
import type { OtpErrorCode } from './types.ts';

const KEY = 'JBSWY3DPEHPK3PXP';

/** [what is wrong, QR text, error code] */
const ERRORS: Array<[string, string, OtpErrorCode]> = [
  ['no query at all', 'otpauth://totp/ACME:john', 'missing-secret'],
  ['no secret parameter', 'otpauth://totp/ACME:john?issuer=ACME', 'missing-secret'],
  ['an empty secret', 'otpauth://totp/ACME:john?secret=', 'missing-secret'],
  ['a secret of padding only', 'otpauth://totp/ACME:john?secret====', 'missing-secret'],
  ['a secret of spaces only', 'otpauth://totp/ACME:john?secret=%20%20', 'missing-secret'],
  ['a secret with 0, 1, 8 or 9', 'otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PX0', 'invalid-secret'],
  ['a secret with punctuation', 'otpauth://totp/ACME:john?secret=JBSWY3DP.EHPK3PXP', 'invalid-secret'],
  ['a secret with padding in the middle', 'otpauth://totp/ACME:john?secret=JBSW=Y3DP', 'invalid-secret'],
  ['a secret of one character (no whole byte)', 'otpauth://totp/ACME:john?secret=J', 'invalid-secret'],
  [
    'a hex secret',
    'otpauth://totp/ACME:john?secret=3132333435363738393031323334353637383930',
    'invalid-secret',
  ],
  ['an unknown type', `otpauth://motp/ACME:john?secret=${KEY}`, 'unsupported-type'],
  ['an empty type', `otpauth:///ACME:john?secret=${KEY}`, 'invalid-uri'],
  ['no type and no label', `otpauth://?secret=${KEY}`, 'invalid-uri'],
  ['otpauth: without //', `otpauth:totp/ACME:john?secret=${KEY}`, 'invalid-uri'],
  ['digits 5', `otpauth://totp/ACME:john?secret=${KEY}&digits=5`, 'invalid-digits'],
  ['digits 11', `otpauth://totp/ACME:john?secret=${KEY}&digits=11`, 'invalid-digits'],
  ['digits 0', `otpauth://totp/ACME:john?secret=${KEY}&digits=0`, 'invalid-digits'],
  ['digits -6', `otpauth://totp/ACME:john?secret=${KEY}&digits=-6`, 'invalid-digits'],
  ['digits 6.5', `otpauth://totp/ACME:john?secret=${KEY}&digits=6.5`, 'invalid-digits'],
  ['digits in words', `otpauth://totp/ACME:john?secret=${KEY}&digits=six`, 'invalid-digits'],
  [
    'digits absurdly long',
    `otpauth://totp/ACME:john?secret=${KEY}&digits=${'9'.repeat(400)}`,
    'invalid-digits',
  ],
  ['period 0', `otpauth://totp/ACME:john?secret=${KEY}&period=0`, 'invalid-period'],
  ['period 301', `otpauth://totp/ACME:john?secret=${KEY}&period=301`, 'invalid-period'],
  ['period -30', `otpauth://totp/ACME:john?secret=${KEY}&period=-30`, 'invalid-period'],
  ['period 30.5', `otpauth://totp/ACME:john?secret=${KEY}&period=30.5`, 'invalid-period'],
  ['period 1e2', `otpauth://totp/ACME:john?secret=${KEY}&period=1e2`, 'invalid-period'],
  ['HOTP without counter', `otpauth://hotp/ACME:john?secret=${KEY}`, 'missing-counter'],
  ['HOTP with an empty counter', `otpauth://hotp/ACME:john?secret=${KEY}&counter=`, 'missing-counter'],
  ['HOTP counter -1', `otpauth://hotp/ACME:john?secret=${KEY}&counter=-1`, 'invalid-counter'],
  ['HOTP counter 2^53', `otpauth://hotp/ACME:john?secret=${KEY}&counter=9007199254740992`, 'invalid-counter'],
  ['HOTP counter 1.5', `otpauth://hotp/ACME:john?secret=${KEY}&counter=1.5`, 'invalid-counter'],
  ['HOTP counter in hex', `otpauth://hotp/ACME:john?secret=${KEY}&counter=0x10`, 'invalid-counter'],
  [
    'an algorithm that is no hash',
    `otpauth://totp/ACME:john?secret=${KEY}&algorithm=FOO`,
    'invalid-algorithm',
  ],
  ['SHA2 without a size', `otpauth://totp/ACME:john?secret=${KEY}&algorithm=SHA2`, 'invalid-algorithm'],
  ['Steam with a bad key', 'otpauth://steam/Steam:gabe?secret=not-a-key!', 'invalid-secret'],
];

describe('otpauth codes that cannot be used become text with the reason', () => {
  for (const [what, text, error] of ERRORS) {
    test(what, () => {
      assert.deepEqual(readQrText(text), [{ kind: 'text', text, notice: { code: 'invalid-otp', error } }]);
    });
  }
});
