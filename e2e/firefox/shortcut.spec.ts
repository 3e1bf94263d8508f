import type { FirefoxExtension } from './driver.ts';
import { expect, firefoxTest, imagesSettled, showPage } from './fixtures.ts';

/**
 * The page-scan shortcut in Firefox, pressed through Firefox's own key handling: in the browser window (chrome
 * scope), an nsITextInputProcessor sends Alt, Shift and Q down and up, as a keyboard would (the way Mozilla's
 * own tests synthesize keys). Firefox's shortcut handler then runs the extension's command and grants
 * `activeTab`, as for a menu click; the test grants nothing itself.
 */
const test = firefoxTest();

function pressAltShiftQ(firefox: FirefoxExtension): Promise<string> {
  return firefox.chrome<string>(`
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const key = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
    const alt = key('Alt', 'AltLeft', KeyboardEvent.DOM_VK_ALT);
    const shift = key('Shift', 'ShiftLeft', KeyboardEvent.DOM_VK_SHIFT);
    const q = key('Q', 'KeyQ', KeyboardEvent.DOM_VK_Q);
    tip.keydown(alt);
    tip.keydown(shift);
    tip.keydown(q);
    tip.keyup(q);
    tip.keyup(shift);
    tip.keyup(alt);
    return 'pressed';
  `);
}

test('firefox shortcut: Alt+Shift+Q scans the page in front and opens the toolbar popup with the result', async ({
  firefox,
  tab,
  server,
}) => {
  const text = 'otpauth://totp/Shortcut:bob@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Shortcut';
  await showPage(
    tab,
    server,
    `<h1>Two-factor set-up</h1><img src="${server.qrUrl(text, { scale: 5 })}" alt="">`,
  );
  await imagesSettled(tab);
  await firefox.closePanels();
  await tab.bringToFront();
  expect(await pressAltShiftQ(firefox)).toBe('pressed');
  const result = await firefox.readToolbarPopup(['done', 'error'], 30_000);
  expect(result.state, result.error).toBe('done');
  expect(result.headings[0]).toBe('Found on this page');
  expect(result.entries.map((e) => [e.issuer, e.account])).toEqual([['Shortcut', 'bob@example.com']]);
});

test('firefox shortcut: the popup shows the shortcut and where Firefox lets you change it', async ({
  firefox,
}) => {
  const popup = await firefox.openPopup();
  await popup.waitForFunction(`document.querySelector('[data-testid="shortcut-hint"] kbd') !== null`);
  expect(await popup.$eval('[data-testid="shortcut-hint"]', (hint) => hint.textContent)).toBe(
    'Keyboard shortcut: Alt+Shift+Q scans the page in front for QR codes. To change it, open Add-ons and themes (about:addons), click the gear button and choose “Manage Extension Shortcuts”.',
  );
});
