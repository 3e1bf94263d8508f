/**
 * The extension pages' texts: every message name the code or HTML uses exists in English (that every
 * other language has the same messages is test/locales.test.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXPORT_FORMATS } from '../src/core/export/index.ts';
import { localeMessages } from './helpers/locales.ts';

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
  const english = localeMessages('en');
  const used = new Set<string>();
  for (const source of sources('src')) {
    for (const match of source.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g))
      used.add(match[1] ?? '');
    for (const match of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
    // A counted sentence is a plural family: its `_other` form must exist (every form: test/locales.test.ts).
    for (const match of source.matchAll(/\btCount\('([A-Za-z0-9_]+)'/g)) used.add(`${match[1] ?? ''}_other`);
    for (const match of source.matchAll(/\bsay\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
  }
  for (const format of EXPORT_FORMATS) used.add(`exportFormat_${format}`);
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
