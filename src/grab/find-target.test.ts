import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Candidate, menuTargetApi, pickCandidate, sameUrl, targetFromMenu } from './find-target.ts';

const VIEWPORT = { width: 1000, height: 700 };
const rect = (x: number, y: number, size = 100) => ({ x, y, width: size, height: size });

test('Firefox: menus.getTargetElement is used when the browser has it', () => {
  const element = { tagName: 'IMG' } as unknown as Element;
  const calls: number[] = [];
  const scope = {
    browser: {
      menus: {
        getTargetElement(id: number) {
          calls.push(id);
          return id === 42 ? element : null;
        },
      },
    },
  };
  const api = menuTargetApi(scope);
  assert.ok(api);
  assert.equal(targetFromMenu(api, 42), element);
  assert.equal(targetFromMenu(api, 7), undefined);
  assert.equal(targetFromMenu(api, undefined), undefined);
  assert.deepEqual(calls, [42, 7]);
});

test('Chrome: no menus.getTargetElement, so no target from the menu', () => {
  assert.equal(menuTargetApi({}), undefined);
  assert.equal(menuTargetApi({ browser: { menus: {} } }), undefined);
  assert.equal(menuTargetApi({ chrome: { contextMenus: {} } }), undefined);
  assert.equal(menuTargetApi(undefined), undefined);
  assert.equal(targetFromMenu(undefined, 42), undefined);
});

test('a getTargetElement that throws (element gone) gives no target', () => {
  const api = {
    getTargetElement(): Element | null {
      throw new Error('gone');
    },
  };
  assert.equal(targetFromMenu(api, 1), undefined);
});

test('pickCandidate prefers the visible image among those showing the URL', () => {
  const src = 'https://a.example/qr.png';
  const candidates: Candidate[] = [
    { urls: ['https://a.example/other.png'], rect: rect(0, 0) },
    { urls: [src], rect: rect(0, 2000) },
    { urls: ['', src], rect: rect(0, 650) },
    { urls: [src], rect: rect(0, 100) },
  ];
  assert.equal(pickCandidate(candidates, src, VIEWPORT), 3);
  assert.equal(pickCandidate(candidates.slice(0, 2), src, VIEWPORT), 1);
  assert.equal(pickCandidate(candidates, 'https://a.example/none.png', VIEWPORT), -1);
  assert.equal(pickCandidate([{ urls: [''], rect: rect(0, 0) }], '', VIEWPORT), -1);
});

test('currentSrc (srcset, <picture>) or src may match', () => {
  const candidates: Candidate[] = [
    { urls: ['https://a.example/2x.png', 'https://a.example/1x.png'], rect: rect(0, 0) },
  ];
  assert.equal(pickCandidate(candidates, 'https://a.example/2x.png', VIEWPORT), 0);
  assert.equal(pickCandidate(candidates, 'https://a.example/1x.png', VIEWPORT), 0);
});

test('sameUrl tolerates percent-encoding differences', () => {
  assert.equal(sameUrl('https://a.example/a b.png', 'https://a.example/a%20b.png'), true);
  assert.equal(sameUrl('https://a.example/a.png', 'https://a.example/b.png'), false);
  assert.equal(sameUrl('https://a.example/%E0%A4%A', 'https://a.example/x'), false);
});
