/**
 * The one table of sentences for the OTP core: every warning, error and notice code has its sentence in
 * every language of _locales under the key the popup looks up, with exactly the substitutions its
 * `params` fill.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  errorMessageKey,
  noticeMessageKey,
  warningMessage,
  warningMessageKey,
} from '../src/core/otp/message-keys.ts';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import {
  OTP_ERROR_CODES,
  OTP_WARNING_CODES,
  type OtpWarningCode,
  TEXT_NOTICE_CODES,
} from '../src/core/otp/types.ts';
import { LOCALES } from './helpers/locales.ts';

const LANGUAGES = LOCALES;

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
  ...OTP_WARNING_CODES.map((code): [string, number] => [warningMessageKey(code), PARAM_COUNT[code]]),
  ...OTP_ERROR_CODES.map((code): [string, number] => [errorMessageKey(code), 0]),
  ...TEXT_NOTICE_CODES.map((code): [string, number] => [noticeMessageKey(code), 0]),
  ['otpBatch', 2],
]);

function messages(language: string, file = 'otp.json'): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join('_locales', language, file), 'utf8'));
}

function substitutions(message: string): number[] {
  return [...new Set([...message.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
}

/** Counted warnings are plural families (`otpWarning_digits_one`, `_other`…): their `_other` form is checked here. */
const FAMILIES = new Set(
  OTP_WARNING_CODES.filter((code) => warningMessage({ code, params: ['8', 'x'] }).count !== undefined).map(
    warningMessageKey,
  ),
);
const nameOf = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');
const lookUp = (name: string): string => (FAMILIES.has(name) ? `${name}_other` : name);

describe('OTP sentences in _locales', () => {
  test('the counted warnings are plural families', () => {
    assert.deepEqual([...FAMILIES].sort(), [
      'otpWarning_digits',
      'otpWarning_period',
      'otpWarning_short_key',
    ]);
  });
  for (const language of LANGUAGES) {
    test(`${language}: exactly one sentence per code, each with the substitutions its params fill`, () => {
      const table = messages(language);
      const names = new Set(Object.keys(table).map((key) => (FAMILIES.has(nameOf(key)) ? nameOf(key) : key)));
      assert.deepEqual([...names].sort(), [...EXPECTED.keys()].sort());
      for (const [name, count] of EXPECTED) {
        assert.match(name, /^[A-Za-z0-9_]+$/);
        const message = table[lookUp(name)]?.message ?? '';
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

  test('every language translates every OTP sentence rather than copying the English', () => {
    const en = messages('en');
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const table = messages(language);
      for (const name of EXPECTED.keys())
        assert.notEqual(table[lookUp(name)]?.message, en[lookUp(name)]?.message, `${language} ${name}`);
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
