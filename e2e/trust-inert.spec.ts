import { readdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { encodeExport, exportUri } from '../src/core/otp/test-helpers/migration-encoder.ts';
import { EXTENSION_DIR, imagesSettled, showPage } from './fixtures.ts';
import { expect, test } from './trust-fixtures.ts';

/**
 * "Decoded text is shown as text, never as HTML; no link in a decoded QR is opened by itself." Each
 * payload would create an element, run a script or navigate if it were ever parsed as HTML or followed.
 */

const IMG = '<img src=x onerror="alert(\'img\')">';
const SCRIPT = "<script>alert('script')</script>";
const JS_URL = "javascript:alert('url')";
const MORE = '<svg onload="alert(\'svg\')"></svg><iframe src="javascript:alert(\'frame\')"></iframe>';
const PLAIN = `${IMG} ${SCRIPT} ${MORE}`;
const SECRET_BYTES = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);

const OTPAUTH = `otpauth://totp/${encodeURIComponent(IMG)}:${encodeURIComponent(`${SCRIPT} ${JS_URL}`)}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent(IMG)}`;
/** The pages the extension ships: the only extension URLs a tab may show. */
const EXTENSION_PAGES = readdirSync(EXTENSION_DIR).filter((file) => file.endsWith('.html'));

/** A colon in an export's name separates issuer from account, so the `javascript:` URL goes in the issuer. */
const MIGRATION = exportUri(
  encodeExport({
    accounts: [{ secret: SECRET_BYTES, name: `${SCRIPT}${IMG}`, issuer: `${MORE} ${JS_URL}` }],
  }),
);

/**
 * Watches a page from before its first script: every element ever added that could run code or load
 * something, every CSP violation (an inline handler the CSP blocked still proves HTML was parsed), and
 * every dialog.
 */
async function openWatchedPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const found: string[] = [];
    const suspicious = (element: Element): string | undefined => {
      const tag = element.tagName.toLowerCase();
      const handler = element.getAttributeNames().find((name) => name.toLowerCase().startsWith('on'));
      if (handler) return `${tag}[${handler}]`;
      if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'form'].includes(tag)) {
        return tag;
      }
      for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
        if (/^\s*javascript:/i.test(element.getAttribute(name) ?? '')) return `${tag}[${name}=javascript:]`;
      }
      if (tag === 'img' && element.getAttribute('src') === 'x') return 'img[src=x]';
      return undefined;
    };
    Object.assign(window, { __inert: found, __suspicious: suspicious });
    /** Each element is reported once per finding, however many mutations show it. */
    const reported = new WeakMap<Element, Set<string>>();
    const check = (node: Node): void => {
      if (!(node instanceof Element)) return;
      for (const element of [node, ...node.querySelectorAll('*')]) {
        const what = suspicious(element);
        if (!what) continue;
        const seen = reported.get(element) ?? new Set<string>();
        if (seen.has(what)) continue;
        seen.add(what);
        reported.set(element, seen);
        found.push(what);
      }
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) check(node);
        if (mutation.type === 'attributes' && mutation.target instanceof Element) check(mutation.target);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`csp:${event.violatedDirective}`);
    });
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  Object.assign(page, { __dialogs: dialogs });
  await page.goto(url);
  return page;
}

/**
 * What the watcher flagged beyond the page's own static markup (its <meta>, <script src>, <link>), which
 * is parsed from the extension's file into an inert document with the same rules.
 */
function flagged(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { __inert: found, __suspicious: suspicious } = window as unknown as {
      __inert: string[];
      __suspicious: (element: Element) => string | undefined;
    };
    const source = await (await fetch(location.href)).text();
    const markup = new DOMParser().parseFromString(source, 'text/html');
    const remaining = [...found];
    for (const element of markup.querySelectorAll('*')) {
      const what = suspicious(element);
      const at = what === undefined ? -1 : remaining.indexOf(what);
      if (at >= 0) remaining.splice(at, 1);
    }
    return remaining;
  });
}

/**
 * Nothing ran, nothing was created, nothing navigated: the page is still at `url`, and every tab or window
 * in the browser shows the extension's own pages or the test pages (the extension may open its result
 * window; a decoded link, `javascript:` URL or `x` image source never becomes a page).
 */
async function expectInert(page: Page, url: string, context: BrowserContext): Promise<void> {
  expect(await flagged(page)).toEqual([]);
  expect((page as unknown as { __dialogs: string[] }).__dialogs).toEqual([]);
  expect(page.url()).toBe(url);
  const extensionOrigin = `chrome-extension://${new URL(url).host}`; // URL.origin is 'null' for this scheme
  const elsewhere = context
    .pages()
    .map((p) => p.url())
    .filter(
      (u) =>
        u !== 'about:blank' &&
        !EXTENSION_PAGES.some((file) => u.startsWith(`${extensionOrigin}/${file}`)) &&
        !/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(u),
    );
  expect(elsewhere).toEqual([]);
}

test('HTML and script in a plain-text QR code stay text in the popup, and clicking them does nothing', async ({
  page,
  server,
  extension,
  context,
}) => {
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popup = await openWatchedPage(context, popupUrl);
  const texts = [PLAIN, JS_URL];
  await showPage(
    page,
    server,
    texts.map((text) => `<img src="${server.qrUrl(text, { scale: 4 })}" alt="QR">`).join(''),
  );
  await imagesSettled(page);
  for (const text of texts) {
    await extension.clickMenu(page, {
      menuItemId: 'read-qr-image',
      mediaType: 'image',
      srcUrl: server.qrUrl(text, { scale: 4 }),
    });
    await expect(popup.getByTestId('text')).toHaveText(text);
    await popup.getByTestId('text').click();
    await popup.getByTestId('text').dblclick();
    await expectInert(popup, popupUrl, context);
  }
});

test('HTML and script in otpauth issuer and account stay text in the popup', async ({
  page,
  server,
  extension,
  context,
}) => {
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popup = await openWatchedPage(context, popupUrl);
  const src = server.qrUrl(OTPAUTH, { scale: 4 });
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });

  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveAttribute('data-kind', 'otp');
  await expect(entry.getByTestId('issuer')).toHaveText(IMG);
  await expect(entry.getByTestId('account')).toHaveText(`${SCRIPT} ${JS_URL}`);
  await entry.getByTestId('issuer').click();
  await entry.getByTestId('account').click();
  await expectInert(popup, popupUrl, context);
});

test('HTML and script in a migration export’s names stay text in the popup', async ({
  page,
  server,
  extension,
  context,
}) => {
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popup = await openWatchedPage(context, popupUrl);
  const src = server.qrUrl(MIGRATION, { scale: 4 });
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });

  const entry = popup.getByTestId('entry');
  await expect(entry).toHaveAttribute('data-kind', 'otp');
  await expect(entry.getByTestId('issuer')).toHaveText(`${MORE} ${JS_URL}`);
  await expect(entry.getByTestId('account')).toHaveText(`${SCRIPT}${IMG}`);
  await expectInert(popup, popupUrl, context);
});

test('the onboarding page stays inert while a scan with HTML in it is shown', async ({
  page,
  server,
  extension,
  context,
}) => {
  const onboardingUrl = `chrome-extension://${extension.id}/onboarding.html`;
  const onboarding = await openWatchedPage(context, onboardingUrl);
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popup = await openWatchedPage(context, popupUrl);
  const src = server.qrUrl(OTPAUTH, { scale: 4 });
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: src });
  await expect(popup.getByTestId('issuer')).toHaveText(IMG);

  await onboarding.reload();
  await expect(onboarding.locator('body')).not.toContainText(IMG);
  await expectInert(onboarding, onboardingUrl, context);
  await expectInert(popup, popupUrl, context);
});

test('the watcher is not blind: HTML written into the popup is caught', async ({ extension, context }) => {
  const popupUrl = `chrome-extension://${extension.id}/popup.html`;
  const popup = await openWatchedPage(context, popupUrl);
  await popup.evaluate((html) => {
    const probe = document.createElement('div');
    probe.innerHTML = html;
    document.body.append(probe);
  }, `${IMG}${MORE}`);
  await expect
    .poll(() => flagged(popup))
    .toEqual(expect.arrayContaining(['img[onerror]', 'svg[onload]', 'iframe', 'csp:script-src-attr']));
});
