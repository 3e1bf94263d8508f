import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMessage, isTrustedSender } from './messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

test('only known message types pass the guard', () => {
  assert.equal(isMessage({ type: 'scan-tab', tabId: 1, windowId: 2 }), true);
  assert.equal(isMessage({ type: 'toString' }), false);
  assert.equal(isMessage({ type: 'nope' }), false);
  // Scans no longer cross to the offscreen document: `decode` is not a message any more.
  assert.equal(isMessage({ type: 'decode', image: { dataUrl: 'data:image/png;base64,' } }), false);
  assert.equal(isMessage('scan-tab'), false);
  assert.equal(isMessage(null), false);
});

test('only the extension’s own pages are trusted senders', () => {
  assert.equal(isTrustedSender({ id: ID, url: `${ORIGIN}/offscreen.html` }, ID, ORIGIN), true);
  assert.equal(isTrustedSender({ id: ID }, ID, ORIGIN), true);
  assert.equal(isTrustedSender({ id: 'other', url: `${ORIGIN}/popup.html` }, ID, ORIGIN), false);
  assert.equal(
    isTrustedSender({ id: ID, url: 'https://evil.example/', tab: { id: 1 } as never }, ID, ORIGIN),
    false,
  );
});
