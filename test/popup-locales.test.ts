/**
 * The popup's and onboarding page's texts: every message name the code or HTML uses exists in English,
 * and German and French have exactly the same names with the same `$n` substitutions.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const FILES = ['popup.json', 'onboarding.json', 'extension.json', 'camera.json', 'shortcut.json'];
const LANGUAGES = ['en', 'de', 'fr'];

function messages(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join('_locales', lang))) {
    const parsed = JSON.parse(readFileSync(join('_locales', lang, file), 'utf8')) as Record<
      string,
      { message: string }
    >;
    for (const [key, { message }] of Object.entries(parsed)) all.set(key, message);
  }
  return all;
}

const substitutions = (message: string): string =>
  [...new Set(message.match(/\$\d/g) ?? [])].sort().join(',');

test('German and French have every popup, onboarding, extension, camera and shortcut message, with the same substitutions', () => {
  for (const file of FILES) {
    const english = JSON.parse(readFileSync(join('_locales', 'en', file), 'utf8')) as Record<
      string,
      { message: string }
    >;
    for (const lang of LANGUAGES.slice(1)) {
      const other = JSON.parse(readFileSync(join('_locales', lang, file), 'utf8')) as Record<
        string,
        { message: string }
      >;
      assert.deepEqual(Object.keys(other).sort(), Object.keys(english).sort(), `${lang}/${file}`);
      for (const [key, { message }] of Object.entries(english)) {
        assert.equal(
          substitutions(other[key]?.message ?? ''),
          substitutions(message),
          `${lang}/${file}: ${key}`,
        );
      }
    }
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.test.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

test('every message name the extension pages use exists', () => {
  const english = messages('en');
  const used = new Set<string>();
  for (const source of sources('src')) {
    for (const match of source.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g))
      used.add(match[1] ?? '');
    for (const match of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
    for (const match of source.matchAll(/\bsay\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
  }
  for (const prefix of ['scanning_', 'doneTitle_']) {
    for (const source of ['image', 'page', 'file', 'camera']) used.add(`${prefix}${source}`);
  }
  // Sentences that name one browser's own settings, picked by the build's __BROWSER__.
  for (const prefix of ['cameraDenied_', 'shortcutChange_']) {
    for (const target of ['chrome', 'firefox']) used.add(`${prefix}${target}`);
  }
  assert.ok(used.size > 50, `found only ${used.size} message names`);
  const missing = [...used].filter((key) => !english.has(key));
  assert.deepEqual(missing, []);
});
