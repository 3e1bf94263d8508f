import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { EXPORT_FORMATS, type ExportFormat } from '../src/core/export/index.ts';
import { readAegisVault } from '../src/core/export/test-helpers/aegis-reader.ts';
import { parseBitwardenTotp, readBitwardenExport } from '../src/core/export/test-helpers/bitwarden-reader.ts';
import { readCsv } from '../src/core/export/test-helpers/csv-reader.ts';
import { expectedImport, type ImportedAccount } from '../src/core/export/test-helpers/imported.ts';
import { readTwofasBackup } from '../src/core/export/test-helpers/twofas-reader.ts';
import { toOtpauthUri } from '../src/core/otp/format.ts';
import { readQrText } from '../src/core/otp/read-qr-text.ts';
import type { OtpAccount } from '../src/core/otp/types.ts';
import { expect, test } from './fixtures.ts';
import { topScreenshot } from './moving-screenshot.ts';
import { expectAccounts, phoneScreenshot, pngFile, qrPng, sampleExport } from './moving-support.ts';
import { clipboardText, expectNoAxeViolations } from './popup-support.ts';

/**
 * Issue 11: "Copy all" and "Save as…". The clipboard and every downloaded file are read back; each file
 * is read the way its app's importer reads it (the readers of src/core/export/test-helpers).
 */

const URIS = [
  'otpauth://totp/ACME%20Co:jane.doe%2Bwork%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
  'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&digits=8&period=60',
  'otpauth://hotp/Bank:bob?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Bank&counter=42&algorithm=SHA512',
  'otpauth://totp/Steam:gamer?secret=ONSWG4TFOQYTEMZU&issuer=Steam&encoder=steam',
  'otpauth://totp/%F0%9F%A6%8A%20Fox%2C%20%22Inc%22:fox%20%F0%9F%8E%89?secret=KRUGS4ZANFZSAYJAORSXG5A&issuer=%F0%9F%A6%8A%20Fox%2C%20%22Inc%22',
];

function account(uri: string): OtpAccount {
  const [entry] = readQrText(uri);
  if (entry?.kind !== 'otp') throw new Error(uri);
  return entry.account;
}
const ACCOUNTS = URIS.map(account);

async function showAccounts(popup: Page): Promise<void> {
  await popup
    .getByTestId('file-input')
    .setInputFiles(await Promise.all(URIS.map(async (uri, i) => pngFile(`${i}.png`, await qrPng(uri)))));
  await expect(popup.locator('[data-testid="entry"][data-kind="otp"]')).toHaveCount(URIS.length);
}

/** What each app imports from the file, as `ImportedAccount`s in file order. */
function imported(format: ExportFormat, text: string): ImportedAccount[] {
  const pick = ({ type, issuer, account, secret, algorithm, digits, period, counter }: ImportedAccount) => ({
    type,
    issuer,
    account,
    secret,
    algorithm,
    digits,
    ...(period === undefined ? {} : { period }),
    ...(counter === undefined ? {} : { counter }),
  });
  if (format === 'aegis') {
    const vault = readAegisVault(text);
    expect(vault.errors).toEqual([]);
    return vault.entries.map(pick);
  }
  if (format === '2fas') return readTwofasBackup(text).map(pick);
  if (format === 'otpauth')
    return text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => expectedImport(account(line)));
  if (format === 'csv') {
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([
      'issuer',
      'account',
      'secret',
      'type',
      'algorithm',
      'digits',
      'period',
      'counter',
      'uri',
    ]);
    return rows.map((row) => {
      const [
        issuer = '',
        name = '',
        secret = '',
        type = '',
        algorithm = '',
        digits,
        period,
        counter,
        uri = '',
      ] = row;
      const fromUri = expectedImport(account(uri));
      const cells = {
        type: type as ImportedAccount['type'],
        issuer,
        account: name,
        secret,
        algorithm: type === 'Steam' ? fromUri.algorithm : algorithm,
        digits: type === 'Steam' ? fromUri.digits : Number(digits),
        ...(period ? { period: Number(period) } : {}),
        ...(counter ? { counter: Number(counter) } : {}),
      };
      expect(cells).toEqual(fromUri);
      return cells;
    });
  }
  // Bitwarden: the item's name is the issuer, its username the account; codes from `login.totp`, or (an
  // account it cannot make codes for) the otpauth URI in the notes.
  return readBitwardenExport(text).items.map((item) => {
    if (item.totp === null) return expectedImport(account(item.notes ?? ''));
    const totp = parseBitwardenTotp(item.totp);
    return {
      type: totp.kind,
      issuer: item.name,
      account: item.username ?? '',
      secret: totp.secret,
      algorithm: totp.algorithm,
      digits: totp.digits,
      period: totp.period,
    };
  });
}

test('Copy all puts every account’s otpauth link on the clipboard, one a line, in the order shown', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  await showAccounts(popup);
  const links: string[] = [];
  for (const card of await popup.locator('[data-testid="entry"][data-kind="otp"]').all()) {
    await card.getByTestId('copy-uri').click();
    await expect.poll(() => clipboardText(popup)).not.toBe(links.at(-1) ?? '');
    links.push(await clipboardText(popup));
  }
  expect(links).toEqual(ACCOUNTS.map(toOtpauthUri));
  await popup.getByTestId('copy-all').click();
  await expect(popup.getByTestId('copy-all')).toHaveText('Copied ✓');
  await expect.poll(() => clipboardText(popup)).toBe(links.join('\n'));
});

test('Save as…: each format, saved only on the click after the warning, opens in its app’s importer with every key, name, issuer and parameter', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  const downloads: string[] = [];
  popup.on('download', (d) => downloads.push(d.suggestedFilename()));
  await showAccounts(popup);
  const format = popup.getByTestId('export-format');
  expect(
    await format.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
  ).toEqual([...EXPORT_FORMATS]);
  const warning = popup.getByText(/The file holds these 5 keys unencrypted/);
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('downloads folder');
  for (const name of EXPORT_FORMATS) {
    await format.selectOption(name);
    // Bitwarden cannot make counter-based codes: the person is told before saving.
    if (name === 'bitwarden') {
      await expect(popup.getByTestId('export-note')).toHaveText([/^Bank \(bob\) is in the file/]);
      await expectNoAxeViolations(popup);
    } else {
      await expect(popup.getByTestId('export-note')).toHaveCount(0);
    }
    expect(downloads).toHaveLength(EXPORT_FORMATS.indexOf(name));
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-save').click(),
    ]);
    expect(download.url()).toMatch(/^blob:chrome-extension:/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(imported(name, text), name).toEqual(ACCOUNTS.map(expectedImport));
    await expect(popup.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible();
    // Nothing stays in memory: the link's object URL is revoked.
    await expect
      .poll(() =>
        popup.evaluate(
          (url) =>
            fetch(url).then(
              () => 'alive',
              () => 'revoked',
            ),
          download.url(),
        ),
      )
      .toBe('revoked');
  }
  expect(downloads).toEqual([
    expect.stringMatching(/^qr-key-reader-export-\d{4}-\d\d-\d\d\.txt$/),
    expect.stringMatching(/\.aegis\.json$/),
    expect.stringMatching(/\.bitwarden\.json$/),
    expect.stringMatching(/\.2fas$/),
    expect.stringMatching(/\.csv$/),
  ]);
  await expect(popup.locator('a[download]')).toHaveCount(0);
});

test('a gathered export is saved whole: every account of every part', async ({ extension }) => {
  const exported = sampleExport(2_024, 3, 4);
  const popup = await extension.openPopup();
  for (const [i, text] of exported.parts.entries()) {
    await popup
      .getByTestId('file-input')
      .setInputFiles(pngFile(`part${i + 1}.png`, await phoneScreenshot(text)));
    await expect(popup.getByTestId('batch-status')).toHaveText(i === 2 ? /whole export/ : /Still to read/);
  }
  await expectAccounts(popup, exported.accounts);
  await topScreenshot(popup, 'popup-export-panel');
  await popup.getByTestId('export-format').selectOption('aegis');
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByTestId('export-save').click(),
  ]);
  const vault = readAegisVault(await readFile((await download.path()) ?? '', 'utf8'));
  expect(vault.entries.map((e) => ({ issuer: e.issuer, account: e.account, secret: e.secret }))).toEqual(
    exported.accounts,
  );
});
