import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { encodeExport, exportUri } from '../../src/core/otp/test-helpers/migration-encoder.ts';
import { expectCurrentCode } from '../live-code.ts';
import { waitForResult } from './driver.ts';
import {
  chooseFile,
  expect,
  type Fixtures,
  firefoxTest,
  imagesSettled,
  readImage,
  showPage,
} from './fixtures.ts';

/**
 * What the popup shows in Firefox: the toolbar popup the menu click opens (read in its own process), and
 * popup.html in a window of its own where the person's clicks are needed (copy, file input).
 */
const test = firefoxTest();

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const digitsOf = (code: string | undefined) => code?.replace(/\s/g, '');

/** A page showing one QR code of `text`; right-click → Read QR code; the toolbar popup's result. */
async function scanCode({ firefox, tab, server }: Fixtures, text: string) {
  await showPage(
    tab,
    server,
    `<h1>Set up two-factor authentication</h1><img id="qr" src="${server.qrUrl(text, { scale: 6 })}" alt="QR">`,
  );
  await imagesSettled(tab);
  return readImage(firefox, tab, '#qr');
}

test('the menu click opens the toolbar popup, which shows the result', async ({ firefox, tab, server }) => {
  const result = await scanCode(
    { firefox, tab, server },
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  );
  expect(await firefox.toolbarPopups()).toEqual([{ url: firefox.url('popup.html'), loading: false }]);
  expect(result.state).toBe('done');
  expect(result.entries.map((e) => [e.issuer, e.account])).toEqual([['Example', 'alice']]);
  // popup.html opened later shows the same scan.
  const popup = await firefox.openPopup();
  expect((await waitForResult(popup, ['done'])).entries).toEqual(
    result.entries.map((e) => ({ ...e, code: expect.any(String) })),
  );
});

test('SHA256, 8 digits, 60 s: three warnings, and the live code is the otpauth package’s', async ({
  firefox,
  tab,
  server,
}) => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const uri = `otpauth://totp/Northwind%20Bank:alice%40example.com?secret=${secret}&issuer=Northwind%20Bank&algorithm=SHA256&digits=8&period=60`;
  const result = await scanCode({ firefox, tab, server }, uri);
  const [entry] = result.entries;
  expect(entry).toMatchObject({ algorithm: 'SHA256', digits: '8', period: '60', type: 'TOTP' });
  expect(entry?.warnings).toHaveLength(3);
  expect(entry?.warnings[0]).toContain('This key uses SHA256, not SHA1.');
  expect(entry?.warnings[1]).toContain('Codes for this key have 8 digits, not 6.');
  expect(entry?.warnings[2]).toContain('changes every 60 seconds, not every 30');
  const totp = new TOTP({ secret, algorithm: 'SHA256', digits: 8, period: 60 });
  expect(entry?.code).toMatch(/^\d{4} \d{4}$/);
  // The toolbar popup's code, read again until it has caught up with the clock (it redraws once a second).
  await expectCurrentCode(
    async () => (await firefox.readToolbarPopup([])).entries[0]?.code,
    (timestamp) => totp.generate({ timestamp }),
  );
});

test('HOTP: the code for the counter in the QR code, and the counter shown', async ({
  firefox,
  tab,
  server,
}) => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const result = await scanCode(
    { firefox, tab, server },
    `otpauth://hotp/Example:bob?secret=${secret}&issuer=Example&counter=7`,
  );
  const [entry] = result.entries;
  expect(entry).toMatchObject({ type: 'HOTP', counter: '7' });
  expect(entry?.period).toBeUndefined();
  expect(digitsOf(entry?.code)).toBe(new HOTP({ secret }).generate({ counter: 7 }));
});

test('a Google Authenticator export shows every account, with “code N of M of this export”', async ({
  firefox,
  tab,
  server,
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
  const result = await scanCode({ firefox, tab, server }, exportUri(payload));
  expect(result.headings).toContain('Code 1 of 2 of this export');
  expect(result.entries.map((e) => e.issuer)).toEqual(['GitHub', 'Mailbox', 'Company VPN']);
  expect(result.entries.map((e) => e.account)).toEqual(['octocat', 'me@example.org', 'jdoe']);
  expect(result.entries[2]?.digits).toBe('8');
  const totp = new TOTP({ secret: new Secret({ buffer: bytes('mail-key-0123456').buffer as ArrayBuffer }) });
  expect(digitsOf(result.entries[1]?.secret)).toBe(totp.secret.base32.replace(/=+$/, ''));
});

test('plain text is shown inert: no link, no markup, and nothing opens', async ({ firefox, tab, server }) => {
  const link = 'https://example.com/enroll?token=<b>bold</b><script>alert(1)</script>';
  const result = await scanCode({ firefox, tab, server }, link);
  const [entry] = result.entries;
  expect(entry?.kind).toBe('text');
  expect(entry?.text).toBe(link);
  expect(entry?.tags).not.toContain('a');
  expect(entry?.tags).not.toContain('b');
  expect(entry?.tags).not.toContain('script');
  expect(result.text).toContain('It is not opened for you');
  const popup = await firefox.openPopup();
  await waitForResult(popup, ['done']);
  const pagesBefore = (await firefox.browser.pages()).length;
  await popup.click('[data-testid="text"]');
  expect((await firefox.browser.pages()).length).toBe(pagesBefore);
});

test('“Copy key” puts the key, without spaces, on the clipboard', async ({ firefox, tab, server }) => {
  await firefox.writeClipboard('something else');
  await scanCode(
    { firefox, tab, server },
    'otpauth://totp/ACME:jane?secret=gezdgnbvgy3tqojqgezdgnbvgy3tqojq&issuer=ACME',
  );
  const popup = await firefox.openPopup();
  await waitForResult(popup, ['done']);
  await popup.click('[data-testid="copy-secret"]');
  await popup.waitForFunction(
    `document.querySelector('[data-testid="copy-secret"]').textContent === 'Copied ✓'`,
  );
  expect(await firefox.readClipboard()).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
});

test('the file input reads an image file into the same result view', async ({ firefox }) => {
  const uri = 'otpauth://totp/Fileshare:sam?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Fileshare';
  const popup = await firefox.openPopup();
  await chooseFile(popup, 'qr.png', await QRCode.toBuffer(uri, { type: 'png', scale: 6, margin: 4 }));
  const result = await waitForResult(popup, ['done', 'error']);
  expect(result.state, result.error).toBe('done');
  expect(result.entries[0]).toMatchObject({
    issuer: 'Fileshare',
    secret: 'MFRG GZDF MZTW Q2LK NNWG 23TP OBYX E43U',
  });
  expect(result.headings).toContain('Read from your image');
});

test('an open popup shows scanning from the menu click until the result replaces it, never the previous one', async ({
  firefox,
  tab,
  server,
}) => {
  await scanCode({ firefox, tab, server }, 'first result');
  const popup = await firefox.openPopup();
  expect((await waitForResult(popup, ['done'])).entries.map((e) => e.text)).toEqual(['first result']);
  await popup.evaluate(`(() => {
    const result = document.querySelector('[data-testid="result"]');
    window.__states = [];
    new MutationObserver(() => {
      const texts = [...document.querySelectorAll('[data-testid="text"]')].map((e) => e.textContent);
      window.__states.push(result.getAttribute('data-state') + ':' + texts.join('|'));
    }).observe(result, { attributes: true, childList: true, subtree: true });
  })()`);
  await scanCode({ firefox, tab, server }, 'second result');
  await popup.waitForFunction(
    `document.querySelector('[data-testid="text"]')?.textContent === 'second result'`,
  );
  const states = (await popup.evaluate('window.__states')) as string[];
  expect(states[0]).toMatch(/^scanning:/);
  expect(states.filter((s) => s.includes('first result'))).toEqual([]);
});
