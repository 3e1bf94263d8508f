import { expect, test } from './fixtures.ts';
import {
  blankScreenshot,
  dropFiles,
  expectAccounts,
  phoneScreenshot,
  pngFile,
  qrPng,
  recordProgress,
  sampleExport,
} from './moving-support.ts';
import { expectNoAxeViolations } from './popup-support.ts';

/**
 * Issue 11: several images chosen, dropped or pasted at once give one result with the entries of every
 * file, in file order; a file without a code gets its own line and discards nothing; `progress` says how
 * far the reading is.
 */

const ALPHA = { issuer: 'Alpha', account: 'ann', secret: 'JBSWY3DPEHPK3PXP' };
const BETA = { issuer: 'Beta', account: 'ben', secret: 'GEZDGNBVGY3TQOJQ' };
const uri = (a: typeof ALPHA) =>
  `otpauth://totp/${a.issuer}:${a.account}?secret=${a.secret}&issuer=${a.issuer}`;

test('several files chosen at once: one list in file order, a line for each file without a code, and progress', async ({
  extension,
}) => {
  const popup = await extension.openPopup();
  const input = popup.getByTestId('file-input');
  await expect(input).toHaveAttribute('multiple', '');
  const progress = await recordProgress(popup);
  await input.setInputFiles([
    pngFile('beta.png', await qrPng(uri(BETA))),
    pngFile('IMG_0042 (empty).png', await blankScreenshot(600, 800)),
    pngFile('note.png', await qrPng('remember the milk')),
    { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') },
    pngFile('alpha.png', await qrPng(uri(ALPHA))),
  ]);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
  await expect(popup.getByTestId('entry')).toHaveCount(3);
  expect(
    await popup.getByTestId('entry').evaluateAll((e) => e.map((x) => x.getAttribute('data-kind'))),
  ).toEqual(['otp', 'text', 'otp']);
  await expectAccounts(popup, [BETA, ALPHA]);
  await expect(popup.getByTestId('text')).toHaveText('remember the milk');

  const errors = popup.getByTestId('file-error');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText('IMG_0042 (empty).png');
  await expect(errors.nth(0)).toContainText('No QR code was found in this image.');
  await expect(errors.nth(1)).toContainText('broken.png');
  await expect(errors.nth(1)).toContainText('could not be read as an image');
  expect(await progress()).toEqual([1, 2, 3, 4, 5].map((n) => `Reading image ${n} of 5…`));
  await expect(popup.getByTestId('progress')).toBeHidden();
  await expectNoAxeViolations(popup);
});

test('the 3 screenshots of a 3-part export chosen at once, in any order, give one list of every account', async ({
  extension,
}) => {
  const exported = sampleExport(424_242, 3, 10);
  const popup = await extension.openPopup();
  const shots = await Promise.all(exported.parts.map((text) => phoneScreenshot(text)));
  await popup
    .getByTestId('file-input')
    .setInputFiles([2, 0, 1].map((i) => pngFile(`Screenshot_${i + 1}.png`, shots[i] ?? Buffer.alloc(0))));
  await expect(popup.getByTestId('batch-status')).toHaveText('The whole export is read: all 3 parts.');
  await expectAccounts(popup, exported.accounts);
  await expect(popup.getByTestId('file-error')).toHaveCount(0);
});

test('several files dropped, or pasted, at once are read in their order too', async ({ extension }) => {
  const popup = await extension.openPopup();
  const files = [
    { name: 'a.png', buffer: await qrPng(uri(ALPHA)) },
    { name: 'b.png', buffer: await qrPng(uri(BETA)) },
  ];
  await dropFiles(popup, popup.locator('main'), files, 'drop');
  await expectAccounts(popup, [ALPHA, BETA]);

  await dropFiles(popup, popup.locator('main'), [...files].reverse(), 'paste');
  await expectAccounts(popup, [BETA, ALPHA]);
});

test('not one of several files holds a code: each is named, and the export parts read before are kept', async ({
  extension,
}) => {
  const exported = sampleExport(7, 2, 2);
  const popup = await extension.openPopup();
  const input = popup.getByTestId('file-input');
  await input.setInputFiles(pngFile('part1.png', await phoneScreenshot(exported.parts[0] ?? '')));
  await expect(popup.getByTestId('batch-status')).toHaveText(/^Part read: 1 of 2\./);

  await input.setInputFiles([
    pngFile('dark photo.png', await blankScreenshot(400, 300)),
    pngFile('ضوء.png', await blankScreenshot(300, 400)),
  ]);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('error-message')).toHaveText(/None of these images holds a QR code/);
  await expect(popup.getByTestId('file-error')).toHaveText([/dark photo\.png/, /ضوء\.png/]);
  await expect(popup.getByTestId('batch-status')).toHaveText('Part read: 1 of 2. Still to read: 2.');
  await expectNoAxeViolations(popup);

  await input.setInputFiles(pngFile('part2.png', await phoneScreenshot(exported.parts[1] ?? '')));
  await expect(popup.getByTestId('batch-status')).toHaveText('The whole export is read: all 2 parts.');
  await expectAccounts(popup, exported.accounts);
});
