import { TOTP } from 'otpauth';
import { encodeExport, exportUri } from '../src/core/otp/test-helpers/migration-encoder.ts';
import { expect, test } from './fixtures.ts';
import { expectCurrentCode } from './live-code.ts';
import { clipboardText, expectNoAxeViolations, popupScreenshot, scanQr } from './popup-support.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('warnings: settings that manual entry ignores are said prominently, in plain words', async ({
  page,
  server,
  extension,
}) => {
  const uri =
    'otpauth://totp/Northwind%20Bank:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Northwind%20Bank&algorithm=SHA256&digits=8&period=60';
  const popup = await scanQr(page, server, extension, uri);
  const warnings = popup.getByTestId('entry').getByTestId('warning');
  await expect(warnings).toHaveCount(3);
  await expect(warnings.nth(0)).toContainText('This key uses SHA256, not SHA1.');
  await expect(warnings.nth(1)).toContainText('Codes for this key have 8 digits, not 6.');
  await expect(warnings.nth(2)).toContainText('changes every 60 seconds, not every 30');
  for (const warning of await warnings.all()) await expect(warning).toBeVisible();
  await expectNoAxeViolations(popup);
  await popupScreenshot(popup, 'popup-warning');
});

test('a Google Authenticator export shows every account, with “code N of M of this export”', async ({
  page,
  server,
  extension,
}) => {
  const payload = encodeExport({
    batchIndex: 0,
    batchSize: 2,
    accounts: [
      { secret: bytes('hello-github-key'), name: 'octocat', issuer: 'GitHub' },
      { secret: bytes('mail-key-0123456'), name: 'me@example.org', issuer: 'Mailbox' },
      { secret: bytes('vpn-key-abcdefgh'), name: 'jdoe', issuer: 'Company VPN', digits: 2 },
    ],
  });
  const popup = await scanQr(page, server, extension, exportUri(payload));
  const entries = popup.getByTestId('entry');
  await expect(entries).toHaveCount(3);
  await expect(popup.getByRole('heading', { name: 'Code 1 of 2 of this export' })).toBeVisible();
  await expect(entries.getByTestId('issuer')).toHaveText(['GitHub', 'Mailbox', 'Company VPN']);
  await expect(entries.getByTestId('account')).toHaveText(['octocat', 'me@example.org', 'jdoe']);
  await expect(entries.nth(2).getByTestId('digits')).toHaveText('8');

  // Each account's key and code are its own: check the second one against an independent computation.
  const mailbox = entries.nth(1);
  const secret = (await mailbox.getByTestId('secret').textContent())?.replace(/\s/g, '') ?? '';
  const totp = new TOTP({
    secret: new (await import('otpauth')).Secret({ buffer: bytes('mail-key-0123456').buffer as ArrayBuffer }),
  });
  expect(secret).toBe(totp.secret.base32.replace(/=+$/, ''));
  await expectCurrentCode(
    () => mailbox.getByTestId('code').textContent(),
    (timestamp) => totp.generate({ timestamp }),
  );
  await mailbox.getByTestId('copy-secret').click();
  await expect.poll(() => clipboardText(popup)).toBe(secret);

  await expectNoAxeViolations(popup);
  await popupScreenshot(popup, 'popup-export');
});

test('Steam Guard: type Steam, a five-character code, and a warning', async ({ page, server, extension }) => {
  const uri = 'otpauth://totp/Steam:gamer?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Steam&encoder=steam';
  const popup = await scanQr(page, server, extension, uri);
  const entry = popup.getByTestId('entry');
  await expect(entry.getByTestId('type')).toHaveText('Steam');
  await expect(entry.getByTestId('code')).toHaveText(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  await expect(entry.getByTestId('warning').first()).toContainText('Steam Guard key');
});

test('a code that is not usable says why, as a sentence beside the inert text', async ({
  page,
  server,
  extension,
}) => {
  const popup = await scanQr(page, server, extension, 'otpauth://totp/Broken:me?secret=not*base32!');
  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveAttribute('data-kind', 'text');
  await expect(entry.getByRole('note')).toContainText('The key in this two-factor code is not valid');
  await expect(entry.getByTestId('text')).toHaveText('otpauth://totp/Broken:me?secret=not*base32!');
});
