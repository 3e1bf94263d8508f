// The onboarding page's practice QR code, drawn at build time from src/onboarding/practice-account.json
// (a demo key that belongs to no account) into `practice-qr.svg`, so the page draws no code at run time.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';

export async function writePracticeQr(outDir) {
  const source = new URL('../src/onboarding/practice-account.json', import.meta.url);
  const { uri } = JSON.parse(await readFile(source, 'utf8'));
  const svg = await QRCode.toString(uri, {
    type: 'svg',
    margin: 4,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  await writeFile(join(outDir, 'practice-qr.svg'), svg);
}
