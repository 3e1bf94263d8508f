import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, type firefoxTest, imagesSettled, readImage, showPage } from './fixtures.ts';

/**
 * Firefox in another language (a language pack from Debian's `firefox-esr-l10n-<lang>`, asked for with
 * `intl.locale.requested`): the extension follows it, the popup reads in its direction, and a real
 * right-click through Firefox's own (translated) menu gives a result in that language.
 */
const LOCALES = resolve(import.meta.dirname, '..', '..', '_locales');

export function message(lang: string, key: string): string {
  for (const file of readdirSync(join(LOCALES, lang))) {
    const table = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'));
    if (table[key]) return table[key].message as string;
  }
  throw new Error(`${lang}: no message ${key}`);
}

/** Boxes whose text does not fit, and a horizontal scrollbar (the Chromium locale spec's check). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>(
      'button, label, h1, h2, h3, summary, dt, dd, p, li',
    )) {
      if (box.getClientRects().length === 0 || box.clientWidth === 0 || box.closest('.sr-only')) continue;
      if (box.scrollWidth > box.clientWidth + 1)
        found.push(`${box.tagName}: ${box.textContent?.slice(0, 50)}`);
    }
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`horizontal scrollbar (${root.scrollWidth} px)`);
    return found;
  });
}

const WARNED =
  'otpauth://totp/Old%20Name:alice@example.com?secret=JBSWY3DP&issuer=Example%20Bank&algorithm=SHA512&digits=8&period=60';

export function localeSuite(test: ReturnType<typeof firefoxTest>, lang: string, rtl: boolean): void {
  test(`${lang}: the popup speaks ${lang}, ${rtl ? 'right to left' : 'left to right'}, nothing overflowing`, async ({
    firefox,
  }) => {
    const popup = await firefox.openPopup();
    await popup.setViewport({ width: 400, height: 640 });
    await popup.waitForFunction(
      (title: string) => document.querySelector('#idle-title')?.textContent === title,
      {},
      message(lang, 'idleTitle'),
    );
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(
      [lang, rtl ? 'rtl' : 'ltr'],
    );
    expect(await overflowing(popup)).toEqual([]);
  });

  test(`${lang}: a real right-click reads the code; warnings, key and code in ${lang}'s layout`, async ({
    firefox,
    tab,
    server,
  }) => {
    await showPage(tab, server, `<img id="qr" src="${server.qrUrl(WARNED, { scale: 6 })}" alt="QR">`);
    await imagesSettled(tab);
    const result = await readImage(firefox, tab, '#qr');
    expect(result.state).toBe('done');
    expect(result.entries[0]?.issuer).toBe('Example Bank');
    const popup = await firefox.openPopup();
    await popup.setViewport({ width: 400, height: 640 });
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="warning"]').length === 5);
    const layout = await popup.evaluate(() => {
      const secret = document.querySelector('[data-testid="secret"]');
      const code = document.querySelector('[data-testid="code"]');
      return {
        title: document.querySelector('.done-title')?.textContent,
        secret: secret?.textContent,
        secretDirection: secret && getComputedStyle(secret).direction,
        codeDirection: code && getComputedStyle(code).direction,
        pageDirection: getComputedStyle(document.body).direction,
      };
    });
    expect(layout).toEqual({
      title: message(lang, 'doneTitle_image'),
      secret: 'JBSW Y3DP',
      secretDirection: 'ltr',
      codeDirection: 'ltr',
      pageDirection: rtl ? 'rtl' : 'ltr',
    });
    expect(await overflowing(popup)).toEqual([]);
  });
}
