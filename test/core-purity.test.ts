import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    /from '\.\.\/\.\.\/(background|popup|grab|offscreen|worker)\//,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file} matches ${pattern}`);
  }
});
