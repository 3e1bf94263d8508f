import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { pngSize } from '../src/background/png-size.ts';
import { test as base, expect, imagesSettled } from './fixtures.ts';
import { launchInLanguage } from './locale-browser.ts';
import {
  composition,
  ENROLLMENT,
  enrollmentPage,
  pngDataUrl,
  promoTile,
  SAMPLE_ISSUER,
  SAMPLE_SECRET,
  SCREEN,
  sampleUri,
  TILE,
  TOOLBAR_HEIGHT,
} from './store-scenes.ts';

/**
 * The store listing's images (store/images/), made from the current code: for each language, a fictional
 * site's enrollment page is scanned through the real menu listener in a browser started in that language,
 * and the popup showing the result is placed over the page like a toolbar popup; plus the promotional tile.
 */

const IMAGES = resolve(import.meta.dirname, '..', 'store', 'images');

/** The fixtures' extension, but in a browser started in `lang` (`--lang`, LANGUAGE, locale). */
const test = base.extend<{ lang: string }>({
  lang: ['en', { option: true }],
  context: async ({ lang }, use) => {
    const browser = await launchInLanguage(lang);
    await use(browser.context);
    await browser.close();
  },
});

/** Width and height from the PNG's own header. */
function sizeOf(png: Buffer): { width: number; height: number } | undefined {
  return pngSize(pngDataUrl(png));
}

async function writePng(name: string, png: Buffer, expected: { width: number; height: number }) {
  expect(sizeOf(png)).toEqual(expected);
  await mkdir(IMAGES, { recursive: true });
  const path = resolve(IMAGES, name);
  await writeFile(path, png);
  expect(sizeOf(readFileSync(path))).toEqual(expected);
}

/** The popup as the toolbar shows it: 400 px wide, as tall as its content up to the room under the toolbar. */
async function popupShot(popup: Page): Promise<Buffer> {
  await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.evaluate(() => document.fonts.ready.then(() => undefined));
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  const room = SCREEN.height - TOOLBAR_HEIGHT - 24;
  await popup.setViewportSize({ width: 400, height: Math.min(height, room) });
  return popup.screenshot({ animations: 'disabled' });
}

for (const text of ENROLLMENT) {
  test.describe(`store screenshot, ${text.lang}`, () => {
    test.use({ lang: text.lang });

    test(`the popup over a ${text.lang} enrollment page, 1280×800`, async ({
      context,
      extension,
      server,
    }) => {
      const site = await context.newPage();
      await site.setViewportSize({ width: SCREEN.width, height: SCREEN.height - TOOLBAR_HEIGHT });
      await site.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      const src = server.qrUrl(sampleUri(text), { scale: 5 });
      const path = `/enroll-${text.lang}.html`;
      server.serve(path, enrollmentPage(text, src));
      await site.goto(`${server.origin}${path}`);
      await imagesSettled(site);
      const qrBox = await site.locator('img.qr').boundingBox();
      const pageShot = await site.screenshot();

      // A person's right-click → "Read QR code", through the real contextMenus.onClicked listener.
      const popup = await extension.scan(site, {
        menuItemId: 'read-qr-image',
        mediaType: 'image',
        srcUrl: src,
      });
      await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'done');
      await expect(popup.locator('html')).toHaveAttribute('lang', new RegExp(`^${text.lang}`));
      await expect(popup.locator('html')).toHaveAttribute('dir', text.dir);
      const entry = popup.getByTestId('entry');
      await expect(entry).toHaveAttribute('data-kind', 'otp');
      await expect(entry.getByTestId('issuer')).toHaveText(SAMPLE_ISSUER);
      await expect(entry.getByTestId('account')).toHaveText(text.account);
      await expect(entry.getByTestId('secret')).toHaveText(SAMPLE_SECRET.replace(/(.{4})(?!$)/g, '$1 '));
      await expect(entry.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
      await expect(entry.getByTestId('warning')).toHaveCount(0);
      const popupPng = await popupShot(popup);

      const frame = await context.newPage();
      await frame.setViewportSize(SCREEN);
      await frame.setContent(composition(text, pngDataUrl(pageShot), pngDataUrl(popupPng)));
      await imagesSettled(frame);
      // The popup hangs under the toolbar at the inline end, inside the picture, and leaves the QR code visible.
      const popupBox = await frame.locator('img.popup').boundingBox();
      expect(popupBox && qrBox).toBeTruthy();
      if (!popupBox || !qrBox) return;
      expect(popupBox.y + popupBox.height).toBeLessThanOrEqual(SCREEN.height);
      const qrInFrame = { ...qrBox, y: qrBox.y + TOOLBAR_HEIGHT };
      if (text.dir === 'rtl') {
        expect(popupBox.x).toBeLessThan(SCREEN.width / 2);
        expect(popupBox.x + popupBox.width).toBeLessThan(qrInFrame.x);
      } else {
        expect(popupBox.x).toBeGreaterThan(SCREEN.width / 2);
        expect(qrInFrame.x + qrInFrame.width).toBeLessThan(popupBox.x);
      }
      await writePng(`screenshot-${text.lang}.png`, await frame.screenshot(), SCREEN);
    });
  });
}

test('the promotional tile, 440×280', async ({ context }) => {
  const messages = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../_locales/en/extension.json'), 'utf8'),
  );
  const name: string = messages.extName.message;
  const tagline: string = messages.extDescription.message;
  const tile = await context.newPage();
  await tile.setViewportSize(TILE);
  await tile.setContent(promoTile('en', name, tagline));
  await imagesSettled(tile);
  await expect(tile.getByRole('heading', { level: 1 })).toHaveText(name);
  // Nothing spills out of the tile: every element lies inside it, and no text is wider than its box.
  const outside = await tile.evaluate(() =>
    Array.from(document.body.querySelectorAll('*')).flatMap((element) => {
      const r = element.getBoundingClientRect();
      const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      return inside && element.scrollWidth <= element.clientWidth + 1 ? [] : [element.outerHTML.slice(0, 60)];
    }),
  );
  expect(outside).toEqual([]);
  await writePng('promo-tile.png', await tile.screenshot(), TILE);
});
