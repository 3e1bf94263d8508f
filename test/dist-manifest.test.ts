import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const TARGETS = ['chrome', 'firefox'] as const;

type Manifest = Record<string, unknown> & {
  icons?: Record<string, string>;
  action?: { default_popup?: string; default_icon?: Record<string, string> };
  background?: { service_worker?: string; scripts?: string[] };
  default_locale?: string;
};

function readManifest(target: string): Manifest {
  return JSON.parse(readFileSync(join('dist', target, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file a manifest names, plus the pages and scripts the code opens by name. */
function namedFiles(manifest: Manifest): string[] {
  const files = [
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.action?.default_popup,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.default_locale && `_locales/${manifest.default_locale}/messages.json`,
  ];
  return files.filter((f): f is string => typeof f === 'string');
}

for (const target of TARGETS) {
  test(`dist/${target} holds every file its manifest names`, () => {
    const manifest = readManifest(target);
    const files = namedFiles(manifest);
    assert.ok(files.length >= 6, `expected the manifest to name files, got ${files.join(', ')}`);
    for (const file of [
      ...files,
      'decoder-worker.js',
      'popup.js',
      'popup.css',
      'camera.html',
      'camera.js',
      'camera.css',
    ]) {
      assert.ok(existsSync(join('dist', target, file)), `dist/${target}/${file} is missing`);
    }
  });

  test(`dist/${target}: every __MSG_…__ in the manifest is translated`, () => {
    const raw = readFileSync(join('dist', target, 'manifest.json'), 'utf8');
    const messages = JSON.parse(
      readFileSync(join('dist', target, '_locales', 'en', 'messages.json'), 'utf8'),
    );
    for (const [, key] of raw.matchAll(/__MSG_(\w+)__/g))
      assert.ok(key && key in messages, `missing message ${key}`);
  });
}

test('the Chrome build runs a service worker with an offscreen document; Firefox an event page', () => {
  const chrome = readManifest('chrome');
  const firefox = readManifest('firefox');
  assert.equal(chrome.background?.service_worker, 'background.js');
  assert.ok((chrome.permissions as string[]).includes('offscreen'));
  assert.ok(existsSync(join('dist', 'chrome', 'offscreen.html')));
  assert.deepEqual(firefox.background?.scripts, ['background.js']);
  assert.ok(!(firefox.permissions as string[]).includes('offscreen'));
  assert.ok((firefox.browser_specific_settings as { gecko?: { id?: string } }).gecko?.id);
});
