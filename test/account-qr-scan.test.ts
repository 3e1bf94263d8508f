/**
 * Every account's QR code scans back to it: the popup's encoder (src/core/qr/encode.ts) and drawing
 * (qrDarkRects, 4-module quiet zone, 6 px a module) into a PNG, read by two independent readers —
 * zxing-wasm in Node (decoding the PNG file itself) and Debian's zbarimg — then parsed by readQrText.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readBarcodes } from 'zxing-wasm/reader';
import { toOtpauthUri } from '../src/core/otp/format.ts';
import { onlyAccount } from '../src/core/otp/test-helpers/only-account.ts';
import type { OtpAccount } from '../src/core/otp/types.ts';
import { encodeQr, tryEncodeQr } from '../src/core/qr/encode.ts';
import { qrPng } from './helpers/qr-png.ts';
import { useZxingFromNodeModules } from './helpers/zxing-node.ts';

const ZBARIMG = spawnSync('zbarimg', ['--version'], { encoding: 'utf8' }).status === 0;
const NO_ZBAR = !ZBARIMG && 'zbarimg is not installed (Debian: apt-get install zbar-tools)';

let scratch = '';
before(() => {
  useZxingFromNodeModules();
  scratch = mkdtempSync(join(tmpdir(), 'qrkr-account-qr-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

async function zxingRead(png: Buffer): Promise<string[]> {
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], textMode: 'Plain' });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

function zbarRead(png: Buffer, name: string): string[] {
  const file = join(scratch, `${name}.png`);
  writeFileSync(file, png);
  const run = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.replace(/\n$/, '').split('\n');
}

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CASES: Record<string, string> = {
  TOTP: `otpauth://totp/ACME%20Co:john@example.com?secret=${KEY}&issuer=ACME%20Co`,
  'HOTP, counter 42': `otpauth://hotp/Bank:bob?secret=${KEY}&issuer=Bank&counter=42`,
  Steam: `otpauth://totp/Steam:gamer?secret=${KEY}&issuer=Steam&encoder=steam`,
  'SHA256, 8 digits, 60 s': `otpauth://totp/Example:alice?secret=${KEY}&issuer=Example&algorithm=SHA256&digits=8&period=60`,
  'unicode names (accents, CJK, emoji)': `otpauth://totp/Caf%C3%A9%20%E6%9D%B1%E4%BA%AC:%F0%9F%A6%8A%20J%C3%B6rg?secret=${KEY}&issuer=Caf%C3%A9%20%E6%9D%B1%E4%BA%AC`,
  ': in issuer and account': `otpauth://totp/:a%3Ab?secret=${KEY}&issuer=Acme%3ALabs`,
};

async function assertScansBack(account: OtpAccount, name: string): Promise<void> {
  const uri = toOtpauthUri(account);
  const png = qrPng(encodeQr(uri));
  const read = await zxingRead(png);
  assert.deepEqual(read, [uri], 'zxing-wasm');
  assert.deepEqual(onlyAccount(read[0] ?? ''), account);
  if (ZBARIMG) {
    const zbar = zbarRead(png, name);
    assert.deepEqual(zbar, [uri], 'zbarimg');
    assert.deepEqual(onlyAccount(zbar[0] ?? ''), account);
  }
}

describe('an account’s QR code scans back to the same account (zxing-wasm and zbarimg)', () => {
  for (const [name, source] of Object.entries(CASES)) {
    test(name, async () => assertScansBack(onlyAccount(source), name.replace(/\W+/g, '-')));
  }
  // Shows in the report when the zbarimg half of the tests above could not run.
  test('zbarimg read every code above too', { skip: NO_ZBAR }, () => assert.ok(ZBARIMG));
});

/** The longest account name (ASCII letters) whose account still makes a QR code, by bisection. */
function longestName(base: OtpAccount): number {
  let fits = 1;
  let tooLong = 4000;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    const uri = toOtpauthUri({ ...base, account: 'n'.repeat(middle) });
    if (tryEncodeQr(uri).ok) fits = middle;
    else tooLong = middle;
  }
  return fits;
}

describe('the largest account the QR code holds (version 40, level M)', () => {
  const base = onlyAccount(
    `otpauth://totp/Example:x?secret=${KEY}&issuer=Example&algorithm=SHA512&digits=8&period=60`,
  );
  const longest = longestName(base);

  test(`an account name of ${longest} characters still scans back whole`, async () => {
    const account = { ...base, account: 'n'.repeat(longest) };
    assert.ok(toOtpauthUri(account).length >= 2300, 'about 2,330 bytes of URI');
    assert.equal(encodeQr(toOtpauthUri(account)).size, 177);
    await assertScansBack(onlyAccount(toOtpauthUri(account)), 'longest');
  });

  test('one character more is a typed too-long error, never a broken code', () => {
    const uri = toOtpauthUri({ ...base, account: 'n'.repeat(longest + 1) });
    assert.deepEqual(tryEncodeQr(uri), { ok: false, error: 'too-long' });
  });
});
