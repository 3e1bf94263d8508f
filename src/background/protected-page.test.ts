import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectedReason } from './protected-page.ts';

const cases: [string | undefined, boolean, string][] = [
  ['chrome://settings/', false, 'protected-page'],
  ['chrome://version', false, 'protected-page'],
  ['about:addons', false, 'protected-page'],
  ['about:blank', false, 'protected-page'],
  ['edge://extensions', false, 'protected-page'],
  ['view-source:https://a.example/', false, 'protected-page'],
  [undefined, false, 'protected-page'],
  ['not a url', false, 'protected-page'],
  ['https://chromewebstore.google.com/detail/abc', false, 'store-page'],
  ['https://chrome.google.com/webstore/detail/abc', false, 'store-page'],
  ['https://addons.mozilla.org/en-US/firefox/', false, 'store-page'],
  ['https://accounts.firefox.com/settings', false, 'store-page'],
  ['https://chrome.google.com/other', false, 'protected-page'],
  ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', false, 'extension-page'],
  ['moz-extension://0b6f1c1e-1111-2222-3333-444455556666/page.html', false, 'extension-page'],
  ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false, 'pdf-viewer'],
  ['https://a.example/enrol/qr.pdf', false, 'pdf-viewer'],
  ['file:///home/me/qr.pdf', true, 'pdf-viewer'],
  ['file:///home/me/enrol.html', false, 'file-access-needed'],
  ['file:///home/me/enrol.html', true, 'protected-page'],
];

for (const [url, fileAccess, reason] of cases) {
  test(`${url ?? '(no url)'}${fileAccess ? ' (file access on)' : ''} → ${reason}`, () => {
    assert.equal(protectedReason(url, fileAccess), reason);
  });
}
