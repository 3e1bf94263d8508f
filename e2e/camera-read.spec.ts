import { resolve } from 'node:path';
import { Secret } from 'otpauth';
import { encodeExport, exportUri } from '../src/core/otp/test-helpers/migration-encoder.ts';
import { CLEAR_TEXT, expect, test } from './camera-fixtures.ts';
import { holdsNoPicture, readProbe } from './camera-probe.ts';
import { HANDHELD } from './camera-videos.ts';
import { expectNoAxeViolations, SCREENSHOTS } from './popup-support.ts';

/** Ten accounts, as a Google Authenticator export of them holds them (one dense QR code). */
const ISSUERS = [
  'GitHub',
  'Google',
  'Microsoft',
  'Dropbox',
  'Amazon',
  'Slack',
  'Proton',
  'Bitwarden',
  'Discord',
  'Reddit',
];
const ACCOUNTS = ISSUERS.map((issuer, i) => ({
  issuer,
  name: `user${i + 1}@example.com`,
  secret: Uint8Array.from({ length: 20 }, (_, j) => (i * 37 + j * 11 + 5) & 255),
}));
const EXPORT_TEXT = exportUri(encodeExport({ accounts: ACCOUNTS }));

const base32 = (bytes: Uint8Array) =>
  new Secret({ buffer: bytes.slice().buffer as ArrayBuffer }).base32.replace(/=+$/, '');

test.describe('a clear code', () => {
  test.use({ camera: { video: 'clear', make: { kind: 'clear', text: CLEAR_TEXT } } });

  test('camera: "Use camera" in the popup opens the camera page in a tab, which reads the code', async ({
    context,
    extension,
  }) => {
    const popup = await extension.openPopup();
    const url = `chrome-extension://${extension.id}/camera.html`;
    const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url });
    await popup.getByTestId('camera-open').click();
    const page = await opened;
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('result').getByTestId('entry').getByTestId('account')).toHaveText(
      'alice@example.com',
    );
    // The popup shown as a window of its own stays open (only the toolbar popup closes itself).
    expect(popup.isClosed()).toBe(false);
  });

  test('camera: it reads the code, stops the camera at once and shows the account', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'done');
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-state', 'done');
    const entry = result.getByTestId('entry');
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId('issuer')).toHaveText('Example');
    await expect(entry.getByTestId('account')).toHaveText('alice@example.com');
    await expect(entry.getByTestId('secret')).toHaveText(/^JBSW\s?Y3DP\s?EHPK\s?3PXP$/);
    await expect(entry.getByTestId('code')).toHaveText(/^\d{3}\s?\d{3}$/);
    // The camera is off at once: the track ended, and the page holds no picture.
    const probe = await readProbe(page);
    expect(probe.tracks.length).toBeGreaterThan(0);
    expect(probe.tracks.every((state) => state === 'ended')).toBe(true);
    expect(await holdsNoPicture(page)).toBe(true);
    expect(probe.states.map((s) => s.state)).toEqual(['starting', 'live', 'done']);
  });

  test('camera: the read ends as any scan does: the popup shows the same result afterwards', async ({
    openCamera,
    extension,
  }) => {
    const page = await openCamera();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'done');
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
    await expect(popup.getByTestId('entry').getByTestId('account')).toHaveText('alice@example.com');
  });

  test('camera: "Read another code" starts the camera again and reads again', async ({ openCamera }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'done');
    await page.getByTestId('camera-again').click();
    await expect.poll(async () => (await readProbe(page)).tracks.length).toBe(2);
    await expect(status).toHaveAttribute('data-state', 'done');
    const probe = await readProbe(page);
    expect(probe.tracks).toEqual(['ended', 'ended']);
    expect(probe.states.map((s) => s.state)).toEqual([
      'starting',
      'live',
      'done',
      'starting',
      'live',
      'done',
    ]);
    await expect(page.getByTestId('result').getByTestId('entry')).toHaveCount(1);
  });
});

test.describe('in Arabic', () => {
  test.use({ camera: { video: 'clear', make: { kind: 'clear', text: CLEAR_TEXT } }, cameraLanguage: 'ar' });

  test('camera: in a right-to-left language the page mirrors, speaks the language, keys stay left to right', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'done');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByTestId('camera-message')).toHaveText(/^تمت القراءة/);
    await expect(page.getByTestId('camera-again')).toHaveText('قراءة رمز آخر');
    const secret = page.getByTestId('result').getByTestId('entry').getByTestId('secret');
    await expect(secret).toHaveText(/^JBSW\s?Y3DP\s?EHPK\s?3PXP$/);
    expect(await secret.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The camera column sits at the inline start: the right, in Arabic.
    const camera = await page.locator('section.camera').boundingBox();
    const result = await page.getByTestId('result').boundingBox();
    expect(camera && result && camera.x > result.x).toBe(true);
    await expectNoAxeViolations(page);
  });
});

test.describe('a code that is not an account', () => {
  test.use({
    camera: { video: 'clear-text', make: { kind: 'clear', text: 'Wi-Fi: guest / <b>not bold</b>' } },
  });

  test('camera: any other code is shown as inert text', async ({ openCamera }) => {
    const page = await openCamera();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'done');
    const entry = page.getByTestId('result').getByTestId('entry');
    await expect(entry).toHaveAttribute('data-kind', 'text');
    await expect(entry.getByTestId('text')).toHaveText('Wi-Fi: guest / <b>not bold</b>');
    await expect(page.locator('b')).toHaveCount(0);
  });
});

test.describe('a 10-account export on a phone held up to the webcam', () => {
  test.use({
    camera: {
      video: 'phone-export',
      make: { kind: 'phone', text: EXPORT_TEXT, wobble: HANDHELD, frames: 20 },
    },
  });

  test('camera: a dense Google Authenticator export on a wobbly, noisy, blurred phone gives every account', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'done', {
      timeout: 30_000,
    });
    const entries = page.getByTestId('result').getByTestId('entry');
    await expect(entries).toHaveCount(ACCOUNTS.length);
    await expect(entries.getByTestId('issuer')).toHaveText(ISSUERS);
    await expect(entries.getByTestId('account')).toHaveText(ACCOUNTS.map((a) => a.name));
    for (const [i, account] of ACCOUNTS.entries()) {
      const shown = (await entries.nth(i).getByTestId('secret').textContent())?.replace(/\s/g, '');
      expect(shown, account.issuer).toBe(base32(account.secret));
      await expect(entries.nth(i)).toHaveAttribute('data-kind', 'otp');
      await expect(entries.nth(i).getByTestId('type')).toHaveText('TOTP');
    }
    const probe = await readProbe(page);
    expect(probe.tracks.every((state) => state === 'ended')).toBe(true);
    expect(await holdsNoPicture(page)).toBe(true);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'camera-export.png'), animations: 'disabled' });
  });
});

test.describe('no code in the picture', () => {
  test.use({
    camera: { video: 'no-code', make: { kind: 'no-code', wobble: HANDHELD, frames: 20 } },
  });

  test('camera: a picture without a code stays live, many frames later, and shows no result', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'live');
    // Frames keep being read (both the aiming frame and the whole picture), and none gives a result.
    await expect
      .poll(async () => (await readProbe(page)).answered.length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(40);
    const probe = await readProbe(page);
    expect(probe.answered.every((a) => a.found === 0)).toBe(true);
    expect(probe.sent.some((s) => s.width === 1280 && s.height === 720)).toBe(true);
    expect(probe.sent.some((s) => s.width === 576 && s.height === 576)).toBe(true);
    // One frame at a time: never a second request before the first one's answer.
    expect(probe.sent.length - probe.answered.length).toBeLessThanOrEqual(1);
    await expect(status).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('result')).toBeHidden();
    expect(probe.tracks).toEqual(['live']);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'camera-live.png'), animations: 'disabled' });
  });
});

/** A Google Authenticator export of six accounts over three QR codes (one export: the same batch id). */
const PARTS = [0, 1, 2].map((index) =>
  exportUri(
    encodeExport({
      accounts: ACCOUNTS.slice(index * 2, index * 2 + 2),
      batchSize: 3,
      batchIndex: index,
      batchId: 424242,
    }),
  ),
);

test.describe('the screens of a 3-part export shown one after another', () => {
  // Each part for a second (15 frames at 15 fps), part 2 first: the camera sees them in the order 2, 3, 1.
  test.use({
    camera: {
      video: 'export-parts',
      make: { kind: 'sequence', texts: [PARTS[1] ?? '', PARTS[2] ?? '', PARTS[0] ?? ''], framesEach: 15 },
    },
  });

  test('camera: one press each reads the next part, never one already read, and gathers the whole export', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    const result = page.getByTestId('result');
    const parts = page.getByTestId('batch-status');
    await expect(status).toHaveAttribute('data-state', 'done');
    await expect(parts).toContainText('of 3');
    await expect(result.getByTestId('entry')).toHaveCount(2);
    for (const count of [4, 6]) {
      await page.getByTestId('camera-again').click();
      await expect(status).toHaveAttribute('data-state', 'done');
      // A part already read is looked past: each press adds two new accounts.
      await expect(result.getByTestId('entry')).toHaveCount(count);
    }
    await expect(parts).not.toContainText('Still to read');
    // Every account once, in the export's own order, whichever order the parts were read in.
    await expect(result.getByTestId('issuer')).toHaveText(ISSUERS.slice(0, 6));
    await expect(result.getByTestId('secret')).toHaveText(
      ACCOUNTS.slice(0, 6).map((a) => base32(a.secret).replace(/(.{4})(?=.)/g, '$1 ')),
    );
  });
});
