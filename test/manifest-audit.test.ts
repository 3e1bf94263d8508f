import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/**
 * The built manifests (`npm run build` first) ask for exactly what the extension needs and nothing that
 * would let it reach the network, run remote code or read pages it was not clicked on. A change here is a
 * change to SECURITY.md: update both together, on purpose.
 */

type Manifest = Record<string, unknown>;

const SHARED_PERMISSIONS = ['contextMenus', 'activeTab', 'scripting', 'storage', 'alarms', 'clipboardWrite'];
const PERMISSIONS: Record<Target, string[]> = {
  chrome: [...SHARED_PERMISSIONS, 'offscreen'],
  // Firefox gives the clicked element (`info.targetElementId`, `menus.getTargetElement`) only with `menus`.
  firefox: [...SHARED_PERMISSIONS, 'menus'],
};
/** Asked for only when the person turns on "empty the clipboard after copying a key". */
const OPTIONAL_PERMISSIONS = ['clipboardRead'];

/** Top-level keys a build may have. Anything else (a new capability) must be audited and added here. */
const SHARED_KEYS = [
  'manifest_version',
  'name',
  'short_name',
  'description',
  'version',
  'default_locale',
  'icons',
  'action',
  'permissions',
  'optional_permissions',
  'background',
  'content_security_policy',
  'author',
  'homepage_url',
  // Keyboard shortcuts: no permission, no install warning (audited below).
  'commands',
];
const ALLOWED_KEYS: Record<Target, string[]> = {
  chrome: [...SHARED_KEYS, 'minimum_chrome_version'],
  firefox: [...SHARED_KEYS, 'browser_specific_settings'],
};

/** Keys that would widen what the extension can reach; named here so a failure says why it matters. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'sandbox',
  'update_url',
  'declarative_net_request',
  'chrome_url_overrides',
  'oauth2',
];

/** The only sources a CSP directive may name. `'wasm-unsafe-eval'` (compiling the bundled decoder) only in script-src. */
const ALLOWED_SOURCES: Record<string, string[]> = {
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  default: ["'self'", "'none'"],
};

const TARGETS = ['chrome', 'firefox'] as const;
type Target = (typeof TARGETS)[number];

function readManifest(target: Target): Manifest {
  return JSON.parse(readFileSync(join('dist', target, 'manifest.json'), 'utf8')) as Manifest;
}

function messages(target: Target): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join('dist', target, '_locales', 'en', 'messages.json'), 'utf8'));
}

/** `script-src 'self'; object-src 'self'` → { 'script-src': ["'self'"], 'object-src': ["'self'"] } */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    assert.ok(!directives.has(name.toLowerCase()), `CSP directive ${name} appears twice`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

test('parseCsp splits directives and sources', () => {
  const csp = parseCsp("script-src 'self' https://cdn.example; object-src 'none';");
  assert.deepEqual(
    [...csp.entries()],
    [
      ['script-src', ["'self'", 'https://cdn.example']],
      ['object-src', ["'none'"]],
    ],
  );
});

for (const target of TARGETS) {
  test(`${target}: permissions are exactly ${PERMISSIONS[target].join(', ')}`, () => {
    const permissions = readManifest(target).permissions;
    assert.ok(Array.isArray(permissions), 'permissions is a list');
    assert.deepEqual([...permissions].sort(), [...PERMISSIONS[target]].sort());
    assert.equal(new Set(permissions).size, permissions.length, 'no permission is listed twice');
    for (const permission of permissions) {
      assert.doesNotMatch(String(permission), /[:/*]/, `${permission} looks like a host pattern`);
    }
  });

  test(`${target}: the only optional permission is ${OPTIONAL_PERMISSIONS.join(', ')}`, () => {
    assert.deepEqual(readManifest(target).optional_permissions, OPTIONAL_PERMISSIONS);
  });

  test(`${target}: no host permissions, content scripts, web-accessible resources or other new capability`, () => {
    const manifest = readManifest(target);
    for (const key of FORBIDDEN_KEYS) assert.ok(!(key in manifest), `the manifest must not have "${key}"`);
    const unexpected = Object.keys(manifest).filter((key) => !ALLOWED_KEYS[target].includes(key));
    assert.deepEqual(unexpected, [], 'top-level keys not audited in test/manifest-audit.test.ts');
    assert.equal(manifest.manifest_version, 3);
  });

  test(`${target}: the CSP names no remote source and relaxes nothing but 'wasm-unsafe-eval'`, () => {
    const csp = readManifest(target).content_security_policy as Record<string, unknown> | undefined;
    assert.ok(csp && typeof csp === 'object', 'an explicit content_security_policy');
    assert.deepEqual(Object.keys(csp), ['extension_pages'], 'only extension_pages (no sandbox policy)');
    const policy = csp.extension_pages;
    assert.equal(typeof policy, 'string');
    const directives = parseCsp(policy as string);
    assert.deepEqual(directives.get('script-src')?.[0], "'self'", "script-src starts with 'self'");
    assert.ok(directives.has('object-src'), 'object-src is set');
    // The browser itself enforces "no network request of its own": extension pages may connect only to
    // the extension's own files.
    assert.deepEqual(directives.get('connect-src'), ["'self'"], "connect-src is 'self' only");
    for (const [name, sources] of directives) {
      const allowed = ALLOWED_SOURCES[name] ?? ALLOWED_SOURCES.default ?? [];
      for (const source of sources) {
        assert.ok(allowed.includes(source), `CSP ${name} must not allow ${source}`);
      }
    }
  });

  test(`${target}: names and description fit the stores' limits`, () => {
    const manifest = readManifest(target);
    const strings = messages(target);
    const resolve = (value: unknown): string =>
      String(value).replace(/__MSG_(\w+)__/g, (_, key: string) => strings[key]?.message ?? `__MSG_${key}__`);
    const name = resolve(manifest.name);
    const description = resolve(manifest.description);
    assert.ok(name.length > 0 && name.length <= 45, `name "${name}" (Chrome 75, AMO 50 characters)`);
    assert.ok(description.length > 0 && description.length <= 132, 'description ≤ 132 characters (Chrome)');
    assert.doesNotMatch(`${name} ${description}`, /__MSG_/, 'every message is translated');
    assert.ok((manifest.icons as Record<string, string>)['128'], 'a 128 px icon for the store listing');
  });
}

/**
 * The one command: the page scan by keyboard. A command grants `activeTab` on the tab in front, exactly as
 * the menu does, and nothing more; `_execute_action` and the like would open other doors and are not used.
 */
for (const target of TARGETS) {
  test(`${target}: the only command is the page scan, Alt+Shift+Q, described in the locale`, () => {
    const manifest = readManifest(target);
    const commands = manifest.commands as Record<string, Record<string, unknown>> | undefined;
    assert.ok(commands && typeof commands === 'object', 'a commands section');
    assert.deepEqual(Object.keys(commands), ['scan-qr-page']);
    const command = commands['scan-qr-page'];
    assert.deepEqual(command?.suggested_key, { default: 'Alt+Shift+Q' });
    assert.equal(command?.description, '__MSG_commandScanPage__');
    assert.ok(messages(target).commandScanPage?.message, 'the description is translated');
  });
}

test('chrome: a service worker; no Firefox-only settings', () => {
  const manifest = readManifest('chrome');
  assert.deepEqual(manifest.background, { service_worker: 'background.js' });
  assert.ok(!('browser_specific_settings' in manifest));
});

test('firefox: an event page, a gecko id, and a declaration that no data is collected', () => {
  const manifest = readManifest('firefox');
  assert.deepEqual(manifest.background, { scripts: ['background.js'] });
  const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> }).gecko;
  assert.match(String(gecko?.id), /^[\w.+-]+@[\w.-]+$/, 'an email-like add-on id');
  assert.deepEqual(gecko?.data_collection_permissions, { required: ['none'] });
  assert.ok(!('minimum_chrome_version' in manifest));
});
