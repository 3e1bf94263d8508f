import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOwnPageAsPageScan } from './own-page.ts';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

test('a right-click on an image in the extension’s own page becomes a page scan', () => {
  const info = {
    menuItemId: 'read-qr-image',
    pageUrl: `${ORIGIN}/onboarding.html`,
    srcUrl: `${ORIGIN}/x.svg`,
  };
  assert.equal(
    readOwnPageAsPageScan(info, ORIGIN, 'read-qr-image', 'scan-qr-page').menuItemId,
    'scan-qr-page',
  );
});

test('images on other pages are read as images', () => {
  const info = { menuItemId: 'read-qr-image', pageUrl: 'https://example.com/', srcUrl: `${ORIGIN}/x.svg` };
  assert.equal(readOwnPageAsPageScan(info, ORIGIN, 'read-qr-image', 'scan-qr-page'), info);
  const evil = { menuItemId: 'read-qr-image', pageUrl: `${ORIGIN}.evil.example/` };
  assert.equal(readOwnPageAsPageScan(evil, ORIGIN, 'read-qr-image', 'scan-qr-page'), evil);
});
