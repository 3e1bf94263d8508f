import {
  expect,
  expectError,
  expectTexts,
  firefoxTest,
  imagesSettled,
  readImage,
  scanPage,
  showPage,
} from './fixtures.ts';

/**
 * Pages Firefox protects from every extension: its own about: pages, and the sites it lists in
 * `extensions.webextensions.restrictedDomains` (addons.mozilla.org: here a local stand-in, its name pointed
 * at the test server by `network.dns.localDomains`, which Firefox restricts by name all the same).
 */
const test = firefoxTest({ prefs: { 'network.dns.localDomains': 'addons.mozilla.org' } });

test('an about: page gives the protected-page sentence', async ({ firefox, tab }) => {
  await firefox.navigate(tab, 'about:robots');
  expectError(await scanPage(firefox, tab), /The browser does not let extensions read this page/);
});

test('addons.mozilla.org gives the store sentence, for the page and for an image', async ({
  firefox,
  tab,
  server,
}) => {
  server.serve(
    '/blank.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#8ac"/></svg>',
    'image/svg+xml',
  );
  const amo = `http://addons.mozilla.org:${new URL(server.origin).port}`;
  expect(
    await firefox.chrome(`return WebExtensionPolicy.isRestrictedURI(Services.io.newURI('${amo}/'));`),
  ).toBe(true);
  await showPage(tab, server, '<h1>Add-ons</h1><img id="img" src="/blank.svg" alt="an add-on’s icon">', amo);
  await imagesSettled(tab);
  expectError(await scanPage(firefox, tab), /protects its extension store and account pages/);
  expectError(await readImage(firefox, tab, '#img'), /protects its extension store and account pages/);
});

test('a code on a protected site is still read from the screen', async ({ firefox, tab, server }) => {
  const amo = `http://addons.mozilla.org:${new URL(server.origin).port}`;
  await showPage(tab, server, `<img id="qr" src="${server.qrUrl('seen on screen')}" alt="QR">`, amo);
  await imagesSettled(tab);
  expectTexts(await readImage(firefox, tab, '#qr'), ['seen on screen']);
  expectTexts(await scanPage(firefox, tab), ['seen on screen']);
});
