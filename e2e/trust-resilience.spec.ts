import type { Page } from '@playwright/test';
import { SCAN_BUDGET_MS } from '../src/shared/scan-state.ts';
import type { ExtensionDriver } from './fixtures.ts';
import type { CdpConnection } from './trust-cdp.ts';
import { expect, test } from './trust-fixtures.ts';
import { type HeldServer, startHeldServer } from './trust-held-server.ts';

/**
 * The background can die at any moment (Chrome stops idle service workers) and people click twice: the
 * popup must end in a clear state, never stuck on "scanning", and never show a mix of two scans.
 */

const INTERRUPTED = /interrupted before it finished/;

const heldTest = test.extend<{ held: HeldServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
  held: async ({}, use) => {
    const held = await startHeldServer();
    await use(held);
    await held.close();
  },
});

/** A page on the held server showing `body`; resolves once its held image has been asked for. */
async function showHeldPage(page: Page, held: HeldServer, body: string): Promise<string> {
  const url = `${held.origin}/page.html?body=${encodeURIComponent(body)}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await held.requested();
  return url;
}

/** Stops the extension's service worker through the DevTools Protocol, as Chrome does to an idle one. */
async function stopServiceWorker(cdp: CdpConnection, extensionId: string): Promise<void> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('no service worker target');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
}

/** Records every state the popup shows: `state:text|text`, from before the scans start. */
async function recordStates(popup: Page): Promise<string[]> {
  const states: string[] = [];
  await popup.exposeFunction('recordState', (state: string) => states.push(state));
  await popup.evaluate(() => {
    const result = document.querySelector('[data-testid="result"]');
    if (!result) throw new Error('no result element');
    const record = (): void => {
      const texts = Array.from(document.querySelectorAll('[data-testid="text"]')).map((e) => e.textContent);
      (window as unknown as { recordState(s: string): void }).recordState(
        `${result.getAttribute('data-state')}:${texts.join('|')}`,
      );
    };
    record();
    new MutationObserver(record).observe(result, {
      attributes: true,
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  return states;
}

heldTest(
  'a service worker stopped mid-scan leaves a clear sentence once it wakes, not "scanning"',
  async ({ page, extension, cdp, held }) => {
    await showHeldPage(page, held, '<img src="/held.png?text=never%20read" alt="QR">');
    const popup = await extension.openPopup();
    await extension.clickMenu(page, {
      menuItemId: 'read-qr-image',
      mediaType: 'image',
      srcUrl: `${held.origin}/held.png?text=never%20read`,
    });
    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'scanning');

    await stopServiceWorker(cdp, extension.id);
    // Any event wakes the background again (here a message, as the next click or alarm would).
    await popup.evaluate(() => {
      void chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined);
    });

    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
    await expect(popup.getByTestId('error-message')).toHaveText(INTERRUPTED);
    await held.release();
    await expect(popup.getByTestId('error-message')).toHaveText(INTERRUPTED);
  },
);

heldTest(
  'a popup stops showing "scanning" after the scan budget even if the background never wakes',
  async ({ page, extension, context, cdp, held }) => {
    await showHeldPage(page, held, '<img src="/held.png?text=never%20read" alt="QR">');
    const popup = await context.newPage();
    await popup.clock.install();
    await popup.goto(`chrome-extension://${extension.id}/popup.html`);
    await extension.clickMenu(page, {
      menuItemId: 'read-qr-image',
      mediaType: 'image',
      srcUrl: `${held.origin}/held.png?text=never%20read`,
    });
    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'scanning');
    await stopServiceWorker(cdp, extension.id);

    await popup.clock.fastForward(SCAN_BUDGET_MS - 2000);
    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'scanning');
    await popup.clock.fastForward(4000);
    await expect(popup.getByTestId('result')).toHaveAttribute('data-state', 'error');
    await expect(popup.getByTestId('error-message')).toHaveText(INTERRUPTED);
    await held.release();
  },
);

/**
 * Counts the decoder's answers from now on: Chrome's service worker decodes itself and marks each answer
 * (`qrkr:decoder-answered`, src/shared/stage-marks.ts).
 */
async function countDecoderAnswers(extension: ExtensionDriver): Promise<() => Promise<number>> {
  const sw = await extension.serviceWorker();
  const since = await sw.evaluate(() => performance.now());
  return () =>
    sw.evaluate(
      (t) => performance.getEntriesByName('qrkr:decoder-answered').filter((m) => m.startTime > t).length,
      since,
    );
}

heldTest(
  'two scans in quick succession show the later one, even when the earlier one ends last',
  async ({ page, extension, held }) => {
    const slow = `${held.origin}/held.png?text=earlier%20scan`;
    const fast = `${held.origin}/now.png?text=later%20scan`;
    await showHeldPage(
      page,
      held,
      `<img src="/held.png?text=earlier%20scan"><img src="/now.png?text=later%20scan">`,
    );
    await page.waitForFunction(() =>
      Array.from(document.images).some((img) => img.complete && img.naturalWidth),
    );
    const popup = await extension.openPopup();
    const states = await recordStates(popup);

    await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: slow });
    await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: fast });
    await expect(popup.getByTestId('text')).toHaveText('later scan');

    // Let the earlier scan finish: its image arrives, the decoder decodes it and answers.
    const answers = await countDecoderAnswers(extension);
    await held.release();
    await expect.poll(answers).toBeGreaterThanOrEqual(1);

    // A third scan after it: had the late result been written, it would show up in the states on the way.
    const third = `${held.origin}/now.png?text=third%20scan`;
    await page.evaluate((src) => {
      const img = document.createElement('img');
      img.src = src;
      document.body.append(img);
      return img.decode();
    }, third);
    await extension.clickMenu(page, { menuItemId: 'read-qr-image', mediaType: 'image', srcUrl: third });
    await expect(popup.getByTestId('text')).toHaveText('third scan');

    expect(states.filter((s) => s.includes('earlier scan'))).toEqual([]);
    expect(states.filter((s) => s.includes('|'))).toEqual([]);
    expect(states).toContain('done:later scan');
  },
);
