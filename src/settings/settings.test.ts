import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from './settings.ts';

test('stored settings keep only known boolean choices', () => {
  assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(parseSettings({ hideKeys: true, clearClipboard: 'yes', secret: 'ABCD' }), {
    hideKeys: true,
    clearClipboard: false,
  });
  assert.equal('secret' in parseSettings({ secret: 'ABCD' }), false);
});
