/**
 * Right-to-left languages mirror the pages only if no stylesheet pins anything to the left or the right:
 * every style uses logical properties (inline-start/end), and shorthands give both sides the same value.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** A declaration that says left or right: a physical property, or a left/right value. */
const PHYSICAL =
  /(?:^|[;{\s])((?:margin|padding|border)-(?:left|right)(?:-\w+)?|border-(?:top|bottom)-(?:left|right)-radius|left|right|float|clear)\s*:|text-align\s*:\s*(?:left|right)|(?:float|clear)\s*:\s*(?:left|right)/;

/** `margin`/`padding`/`inset` with four values whose second (right) and fourth (left) differ. */
function lopsided(declaration: string): boolean {
  const match = /^\s*(margin|padding|inset)\s*:\s*([^;!]+)/.exec(declaration);
  if (!match) return false;
  const values = (match[2] ?? '').trim().split(/\s+/);
  return values.length === 4 && values[1] !== values[3];
}

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

test('every stylesheet uses logical properties: nothing is pinned to the left or the right', () => {
  const files = stylesheets('src');
  assert.ok(files.length >= 3, `found only ${files.length} stylesheets`);
  const found: string[] = [];
  for (const file of files) {
    for (const declaration of withoutComments(readFileSync(file, 'utf8')).split(/[;{}]/)) {
      if (PHYSICAL.test(` ${declaration}`) || lopsided(declaration))
        found.push(`${file}: ${declaration.trim()}`);
    }
  }
  assert.deepEqual(found, []);
});

test('the check itself sees physical properties and lopsided shorthands', () => {
  for (const bad of [
    'left: 0',
    'margin-left: 4px',
    'border-right-color: red',
    'text-align: left',
    'float: right',
  ])
    assert.ok(PHYSICAL.test(` ${bad}`), bad);
  assert.ok(lopsided('padding: 4px 0 4px 32px'));
  for (const good of ['inset-inline-start: 0', 'margin-inline: 4px', 'text-align: start', 'border-top: 1px'])
    assert.ok(!PHYSICAL.test(` ${good}`), good);
  assert.ok(!lopsided('padding: 4px 8px 2px 8px'));
});
