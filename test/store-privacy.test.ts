/**
 * store/privacy.md answers the stores for every permission the built extension asks for: a permission added
 * to manifest.json fails here until its justification is written, in the Chrome Web Store section for the
 * Chrome build and in the addons.mozilla.org section for the Firefox build.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  commands?: Record<string, unknown>;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
}

const privacy = readFileSync('store/privacy.md', 'utf8');
const manifest = (target: string): Manifest =>
  JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as Manifest;

/** The part of privacy.md from the heading `## <title>` to the next `## ` heading. */
function section(title: string): string {
  const start = privacy.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `privacy.md has a "## ${title}" section`);
  const end = privacy.indexOf('\n## ', start + 1);
  return privacy.slice(start, end < 0 ? undefined : end);
}

/** Everything the manifest asks for that a store asks to justify; `commands` is a key, not a permission. */
function asked(m: Manifest): string[] {
  return [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.commands ? ['commands'] : []),
  ].sort();
}

/** The justified names: list items that start with a backticked name and a colon or a parenthesis. */
function justified(text: string): string[] {
  return [...text.matchAll(/^- `([^`]+)`(?: \([^)]*\))?:\s*\S/gm)].map(([, name]) => name ?? '').sort();
}

/** Names justified ahead of their landing in the manifest (none now: the shortcut landed with `commands`). */
const AHEAD = new Set<string>();

for (const [target, title] of [
  ['chrome', 'Chrome Web Store'],
  ['firefox', 'addons.mozilla.org'],
] as const) {
  test(`privacy.md justifies every permission of dist/${target} in its ${title} section, and no other`, () => {
    const needed = asked(manifest(target));
    const written = justified(section(title));
    assert.ok(needed.length >= 6, `dist/${target}/manifest.json asks for ${needed.join(', ')}`);
    for (const name of needed) assert.ok(written.includes(name), `${title}: no justification for ${name}`);
    for (const name of written) {
      assert.ok(needed.includes(name) || AHEAD.has(name), `${title}: ${name} is not in dist/${target}`);
    }
  });
}

test('no host permission at install, as privacy.md says', () => {
  for (const target of ['chrome', 'firefox']) assert.deepEqual(manifest(target).host_permissions ?? [], []);
  assert.match(section('Chrome Web Store'), /Host permissions: none, required or optional/);
});

test('the Firefox manifest declares no data collection, as privacy.md says', () => {
  const declared = manifest('firefox').browser_specific_settings?.gecko?.data_collection_permissions;
  assert.deepEqual(declared, { required: ['none'] });
  assert.ok(
    section('addons.mozilla.org').includes('"data_collection_permissions": { "required": ["none"] }'),
  );
});
