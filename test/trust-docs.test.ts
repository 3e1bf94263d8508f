import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CLEAR_AFTER_MS } from '../src/clipboard/pending-clear.ts';
import { SCAN_TTL_MS } from '../src/shared/scan-state.ts';

/** SECURITY.md and the README's privacy section promise what the code does: they change together. */

const security = readFileSync('SECURITY.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const privacy = readme.slice(readme.indexOf('## Privacy'));

test('the documented lifetimes are the ones in the code', () => {
  assert.equal(SCAN_TTL_MS, 5 * 60 * 1000, 'SECURITY.md and README say a scan is deleted after 5 minutes');
  assert.match(security, /deleted 5 minutes after the scan finished/);
  assert.match(privacy, /forgotten 5 minutes later/);
  assert.equal(
    CLEAR_AFTER_MS,
    60 * 1000,
    'SECURITY.md and README say the clipboard is emptied after a minute',
  );
  assert.match(security, /a minute after a copy/);
  assert.match(privacy, /removed after a minute/);
});

test('SECURITY.md explains every permission both builds ask for, and no other', () => {
  const manifest = (target: string): { permissions: string[]; optional_permissions?: string[] } =>
    JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8'));
  const asked = new Set(
    ['chrome', 'firefox'].flatMap((target) => {
      const { permissions, optional_permissions = [] } = manifest(target);
      return [...permissions, ...optional_permissions];
    }),
  );
  const table = security.slice(security.indexOf('## Permissions'), security.indexOf('## What it does not'));
  const explained = new Set([...table.matchAll(/^\| `(\w+)`/gm)].map(([, name]) => name));
  assert.deepEqual([...explained].sort(), [...asked].sort());
});
