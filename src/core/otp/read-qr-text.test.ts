import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupKey } from './format.ts';
import { readQrText } from './read-qr-text.ts';
import { KEY, onlyAccount } from './test-helpers/only-account.ts';

test('the Autotask enrollment code gives issuer, account and the key in uppercase', () => {
  const account = onlyAccount('otpauth://totp/Autotask:username@domain.com?secret=abcdefghijklmnop');
  assert.equal(account.issuer, 'Autotask');
  assert.equal(account.account, 'username@domain.com');
  assert.equal(account.secret, 'ABCDEFGHIJKLMNOP');
  assert.equal(groupKey(account.secret), 'ABCD EFGH IJKL MNOP');
  assert.deepEqual(account.warnings, []);
});

/** [what it is, QR text, notice code or undefined] */
const TEXTS: Array<[string, string, 'microsoft-enrollment' | 'duo-activation' | undefined]> = [
  ['a web address', 'https://example.com/?a=<b>', undefined],
  ['an empty text', '', undefined],
  ['plain words', 'Hello, world', undefined],
  ['an otpauth look-alike scheme', `otpauthx://totp/a?secret=${KEY}`, undefined],
  ["Steam's browser protocol", 'steam://run/440', undefined],
  ['a steam:// link too short to be a key', 'steam://ABCDEFGH', undefined],
  [
    'a Microsoft work-account enrollment',
    'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU',
    'microsoft-enrollment',
  ],
  [
    'a Microsoft sign-in link',
    'https://login.microsoftonline.com/common/oauth2/authorize?x=1',
    'microsoft-enrollment',
  ],
  [
    'the Microsoft communicator link',
    'https://mobileappcommunicator.auth.microsoft.com/activate/123/WEU',
    'microsoft-enrollment',
  ],
  ['a host that only contains the name', 'https://microsoftonline.com.evil.example/x', undefined],
  ['a Duo activation code', 'GTcDv8xJ7wpGAJqIqNVb-YXBpLWU0Yzk4NjNlLmR1b3NlY3VyaXR5LmNvbQ', 'duo-activation'],
  [
    'a Duo activation code with duo://',
    'duo://GTcDv8xJ7wpGAJqIqNVb-YXBpLWU0Yzk4NjNlLmR1b3NlY3VyaXR5LmNvbQ',
    'duo-activation',
  ],
  [
    'a Duo activation link',
    'https://m-1b9bef70.duosecurity.com/activate/XXXXXXXXXXXXXXXXXX',
    'duo-activation',
  ],
  ['a Duo web page that is no activation', 'https://duosecurity.com/pricing', undefined],
  ['a code-hyphen-base64 text that names another host', 'GTcDv8xJ7wpGAJqIqNVb-ZXhhbXBsZS5jb20', undefined],
];

describe('other texts stay text, with a sentence for enrollment codes that hold no key', () => {
  for (const [what, text, notice] of TEXTS) {
    test(what, () => {
      assert.deepEqual(readQrText(text), [
        notice ? { kind: 'text', text, notice: { code: notice } } : { kind: 'text', text },
      ]);
    });
  }
});
