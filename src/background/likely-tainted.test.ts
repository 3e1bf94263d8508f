import assert from 'node:assert/strict';
import { test } from 'node:test';
import { likelyTainted } from './likely-tainted.ts';

test('an http(s) image from another origin is likely tainted', () => {
  assert.equal(likelyTainted('http://localhost:8080/qr.png', 'http://127.0.0.1:8080/page.html'), true);
  assert.equal(likelyTainted('https://cdn.example/qr.png', 'https://app.example/2fa'), true);
});

test('same-origin, data:, blob: and unknown images are not', () => {
  assert.equal(likelyTainted('https://app.example/qr.png', 'https://app.example/2fa'), false);
  assert.equal(likelyTainted('data:image/png;base64,iVBOR', 'https://app.example/2fa'), false);
  assert.equal(likelyTainted('blob:https://app.example/1234', 'https://app.example/2fa'), false);
  assert.equal(likelyTainted(undefined, 'https://app.example/2fa'), false);
  assert.equal(likelyTainted('https://cdn.example/qr.png', undefined), false);
  assert.equal(likelyTainted('not a url', 'https://app.example/'), false);
});
