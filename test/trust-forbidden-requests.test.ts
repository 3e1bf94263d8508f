import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forbiddenRequests, type RequestRecord } from '../e2e/trust-context-recorder.ts';

/** The e2e network check's own rules, on hand-made records. */

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN = `chrome-extension://${ID}`;
const PAGE = 'http://127.0.0.1:4000';

function request(url: string, targetType: string, targetUrl: string): RequestRecord {
  return { url, documentUrl: targetUrl, targetType, targetUrl, sessionId: 's' };
}

const pageLoads = [
  request(`${PAGE}/page.html`, 'page', `${PAGE}/page.html`),
  request(`${PAGE}/qr.png`, 'page', `${PAGE}/page.html`),
];

test('the extension may load its own files, inline data and what the page itself loaded', () => {
  const allowed = [
    request(`${OWN}/popup.js`, 'page', `${OWN}/popup.html`),
    request(`${OWN}/zxing_reader.wasm`, 'worker', `${OWN}/decoder-worker.js`),
    request('data:image/png;base64,AAAA', 'service_worker', `${OWN}/background.js`),
    request('blob:chrome-extension://x/1', 'other', `${OWN}/offscreen.html`),
    request(`${PAGE}/qr.png`, 'service_worker', `${OWN}/background.js`),
  ];
  assert.deepEqual(forbiddenRequests([...pageLoads, ...allowed], ID, [PAGE]), []);
});

test('any other request of an extension context is forbidden, even to the page’s own server', () => {
  const leaks = [
    request('https://cdn.example/zxing.wasm', 'worker', `${OWN}/decoder-worker.js`),
    request(`${PAGE}/not-on-the-page.png`, 'service_worker', `${OWN}/background.js`),
    request('https://stats.example/hit', 'page', `${OWN}/popup.html`),
    request(`chrome-extension://${'z'.repeat(32)}/x.js`, 'other', `${OWN}/offscreen.html`),
  ];
  assert.deepEqual(forbiddenRequests([...pageLoads, ...leaks], ID, [PAGE]), leaks);
});

test('a page reaching outside the test is flagged too; the browser’s own UI is not in scope', () => {
  const outside = request('https://tracker.example/p', 'page', `${PAGE}/page.html`);
  const browserUi = request('chrome://theme/colors.css', 'browser_ui', 'chrome://omnibox-popup.top-chrome/');
  assert.deepEqual(forbiddenRequests([...pageLoads, outside, browserUi], ID, [PAGE]), [outside]);
});

test('a request from the extension’s script inside a page counts as the extension’s', () => {
  const exfiltration = {
    ...request(`${PAGE}/collect?key=SECRET`, 'page', `${PAGE}/page.html`),
    initiator: `${OWN}/grab.js`,
  };
  assert.deepEqual(forbiddenRequests([...pageLoads, exfiltration], ID, [PAGE]), [exfiltration]);
});

test('a function injected into a page (a script without a URL) counts as the extension’s', () => {
  const injected = {
    ...request('https://elsewhere.example/x', 'page', `${PAGE}/page.html`),
    initiator: 'injected',
  };
  const pageOwn = { ...request(`${PAGE}/qr.png`, 'page', `${PAGE}/page.html`), initiator: 'injected' };
  assert.deepEqual(forbiddenRequests([...pageLoads, injected, pageOwn], ID, [PAGE]), [injected]);
});
