import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('src/core uses no browser API, no DOM and imports none of the shells', () => {
  const files = sources('src/core');
  assert.ok(files.length > 0);
  const forbidden = [
    /\bchrome\./,
    /\bbrowser\./,
    /webextension-polyfill/,
    /\bdocument\./,
    /\bwindow\./,
    /\bfetch\(/,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file} matches ${pattern}`);
  }
});

test('src/core is the bottom of the house: it imports nothing from the rest of src', () => {
  const files = sources('src/core');
  let imports = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, from = ''] of text.matchAll(/\bfrom\s+'([^']+)'/g)) {
      imports++;
      if (!from.startsWith('.')) continue; // an npm package
      const target = resolve(dirname(file), from);
      assert.ok(
        target.startsWith(resolve('src/core') + sep),
        `${file} imports ${from}, which is outside src/core`,
      );
    }
  }
  assert.ok(imports > 0, 'no import was checked');
});
