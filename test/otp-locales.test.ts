/**
 * The one table of sentences for the OTP core: every warning, error and notice code has its sentence in
 * English, German and French under the key the popup looks up, with exactly the substitutions its
 * `params` fill.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import {
  OTP_ERROR_CODES,
  OTP_WARNING_CODES,
  type OtpWarningCode,
  TEXT_NOTICE_CODES,
} from '../src/core/otp/types.ts';

const LANGUAGES = ['en', 'de', 'fr'];
const key = (prefix: string, code: string): string => `${prefix}_${code.replace(/-/g, '_')}`;

/** How many params each warning carries (documented in types.ts). */
const PARAM_COUNT: Record<OtpWarningCode, number> = {
  steam: 0,
  hotp: 1,
  algorithm: 1,
  'unsupported-algorithm': 1,
  digits: 1,
  period: 1,
  'short-key': 1,
  'issuer-mismatch': 2,
  'no-issuer': 0,
};

/** Every key and the substitutions its message must use. */
const EXPECTED = new Map<string, number>([
  ...OTP_WARNING_CODES.map((code): [string, number] => [key('otpWarning', code), PARAM_COUNT[code]]),
  ...OTP_ERROR_CODES.map((code): [string, number] => [key('otpError', code), 0]),
  ...TEXT_NOTICE_CODES.map((code): [string, number] => [key('textNotice', code), 0]),
  ['otpBatch', 2],
]);

function messages(language: string, file = 'otp.json'): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join('_locales', language, file), 'utf8'));
}

function substitutions(message: string): number[] {
  return [...new Set([...message.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
}

describe('OTP sentences in _locales', () => {
  for (const language of LANGUAGES) {
    test(`${language}: exactly one sentence per code, each with the substitutions its params fill`, () => {
      const table = messages(language);
      assert.deepEqual(Object.keys(table).sort(), [...EXPECTED.keys()].sort());
      for (const [name, count] of EXPECTED) {
        assert.match(name, /^[A-Za-z0-9_]+$/);
        const message = table[name]?.message ?? '';
        assert.ok(message.length > 20 || name === 'otpBatch', `${language} ${name} is a sentence`);
        assert.deepEqual(
          substitutions(message),
          Array.from({ length: count }, (_, i) => i + 1),
          `${language} ${name}`,
        );
      }
    });

    test(`${language}: no key clashes with another _locales/${language} file (the build merges them)`, () => {
      const mine = Object.keys(messages(language));
      for (const file of readdirSync(join('_locales', language)).filter((f) => f !== 'otp.json')) {
        const theirs = Object.keys(messages(language, file));
        assert.deepEqual(
          mine.filter((k) => theirs.includes(k)),
          [],
          file,
        );
      }
    });
  }

  test('German and French are translations, not copies of the English', () => {
    const en = messages('en');
    for (const language of ['de', 'fr']) {
      const table = messages(language);
      for (const name of EXPECTED.keys())
        assert.notEqual(table[name]?.message, en[name]?.message, `${language} ${name}`);
    }
  });

  test('the warnings the parser gives carry as many params as their sentences use', () => {
    const texts = [
      'otpauth://hotp/Old:john?secret=JBSWY3DP&counter=3&algorithm=SHA512&digits=8&issuer=New',
      'otpauth://totp/john?secret=JBSWY3DPEHPK3PXP&algorithm=MD5&period=60',
      'otpauth://totp/Steam:gabe?secret=JBSWY3DPEHPK3PXP&encoder=steam',
    ];
    const seen = new Set<string>();
    for (const text of texts) {
      for (const entry of readQrText(text)) {
        assert.equal(entry.kind, 'otp');
        if (entry.kind !== 'otp') continue;
        for (const warning of entry.account.warnings) {
          seen.add(warning.code);
          assert.equal(warning.params.length, PARAM_COUNT[warning.code], warning.code);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...OTP_WARNING_CODES].sort());
  });
});
