/**
 * The store listing (store/listing/<locale>.json) speaks every language the extension ships: the name and
 * summary are the manifest's (the Chrome Web Store shows the manifest description as the summary), and the
 * long description is translated, bullet for bullet, with the menu and button names the UI really shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readListings } from '../scripts/store-listing.mjs';
import { pngSize } from '../src/background/png-size.ts';
import { LOCALES, localeMessages } from './helpers/locales.ts';

const listings = await readListings('store');
const byLocale = new Map(listings.map((listing) => [listing.locale, listing]));
const english = byLocale.get('en');

/** What a line is for the structure check: blank, a bullet, or prose. */
const shape = (line: string) => (line === '' ? 'blank' : line.startsWith('• ') ? 'bullet' : 'prose');
/** Names every description carries untranslated: the apps and formats, and the number of languages. */
const NAMES = ['Google Authenticator', 'Aegis', 'Bitwarden', '2FAS', 'CSV', '17'];

test('every locale of _locales/ has a listing, and no listing lacks a locale', () => {
  assert.deepEqual([...byLocale.keys()].sort(), [...LOCALES].sort());
});

test('the English description reads in 150 to 250 words', () => {
  assert.ok(english, 'store/listing/en.json exists');
  const words = english.description
    .join(' ')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== '•');
  assert.ok(words.length >= 150 && words.length <= 250, `${words.length} words`);
});

for (const locale of LOCALES) {
  describe(`listing ${locale}`, () => {
    const listing = byLocale.get(locale);
    const messages = localeMessages(locale);
    const message = (key: string): string => {
      const value = messages.get(key);
      assert.ok(value, `${locale} has ${key}`);
      return value;
    };

    test('name and summary are the manifest’s extName and extDescription; the summary fits 132 characters', () => {
      assert.ok(listing, `store/listing/${locale}.json exists`);
      assert.equal(listing.name, message('extName'));
      assert.equal(listing.name, 'QR Key Reader');
      assert.equal(listing.summary, message('extDescription'));
      assert.ok([...listing.summary].length <= 132, `${[...listing.summary].length} characters`);
    });

    test('the description is plain text with the same paragraphs and bullets as the English one', () => {
      assert.ok(listing && english);
      assert.ok(Array.isArray(listing.description), 'description is an array of lines');
      assert.deepEqual(listing.description.map(shape), english.description.map(shape));
      const text = listing.description.join('\n');
      assert.ok(text.length >= 400, `${text.length} characters`);
      for (const line of listing.description) {
        assert.equal(typeof line, 'string');
        assert.equal(line, line.trim(), `no stray spaces: ${JSON.stringify(line)}`);
        assert.doesNotMatch(line, /[<>*#\t\n\r]|\$\d/, `plain text, no markup or placeholder: ${line}`);
      }
    });

    test('it names the menu items and the Clear button as the UI does, and the apps and formats', () => {
      assert.ok(listing);
      const text = listing.description.join('\n');
      for (const key of ['menuReadImage', 'menuScanPage', 'clear']) {
        assert.ok(text.includes(message(key)), `${locale} description quotes ${key}: “${message(key)}”`);
      }
      for (const name of NAMES) assert.ok(text.includes(name), `${locale} description names ${name}`);
    });

    if (locale !== 'en') {
      test('the description is translated, not English', () => {
        assert.ok(listing && english);
        english.description.forEach((line, i) => {
          if (line !== '') assert.notEqual(listing.description[i], line, `line ${i + 1} is still English`);
        });
      });
    }
  });
}

test('the store images are there, at the sizes the Chrome Web Store asks for', () => {
  const sizes: Record<string, { width: number; height: number }> = {
    'screenshot-en.png': { width: 1280, height: 800 },
    'screenshot-de.png': { width: 1280, height: 800 },
    'screenshot-ja.png': { width: 1280, height: 800 },
    'screenshot-ar.png': { width: 1280, height: 800 },
    'promo-tile.png': { width: 440, height: 280 },
  };
  for (const [file, size] of Object.entries(sizes)) {
    const png = readFileSync(join('store', 'images', file));
    assert.deepEqual(pngSize(`data:image/png;base64,${png.toString('base64')}`), size, file);
  }
});
