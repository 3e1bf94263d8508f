import type { Page } from 'puppeteer-core';
import type { FirefoxExtension } from './driver.ts';
import { expect, firefoxTest } from './fixtures.ts';

/**
 * The camera page in Firefox. Firefox has no camera fed from a file, only a synthetic picture without a
 * code (`media.navigator.streams.fake`), so the reading itself is proven in Chromium (e2e/camera-read); here
 * the page's states: live, the camera off while the tab is in the background, a refused permission and no
 * camera, with prefs changed in the running browser as a person's settings would be.
 */
const test = firefoxTest({
  prefs: { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true },
});

type Status = { state: string | null; reason: string | null; message: string; retry: boolean };

const status = (page: Page): Promise<Status> =>
  page.evaluate(() => {
    const element = document.querySelector('[data-testid="camera-status"]');
    const retry = document.querySelector<HTMLElement>('[data-testid="camera-retry"]');
    return {
      state: element?.getAttribute('data-state') ?? null,
      reason: element?.getAttribute('data-reason') ?? null,
      message: document.querySelector('[data-testid="camera-message"]')?.textContent ?? '',
      retry: retry ? !retry.hidden && retry.offsetParent !== null : false,
    };
  });

async function waitForState(page: Page, state: string): Promise<Status> {
  await page.waitForFunction(
    `document.querySelector('[data-testid="camera-status"]')?.getAttribute('data-state') === ${JSON.stringify(state)}`,
    { timeout: 20_000 },
  );
  return status(page);
}

/** Keeps the camera track of the page's current stream, to ask it later whether it ended. */
const holdTrack = (page: Page) =>
  page.evaluate(() => {
    const stream = document.querySelector('video')?.srcObject as MediaStream | null;
    (globalThis as { heldTrack?: MediaStreamTrack }).heldTrack = stream?.getVideoTracks()[0];
    return stream?.getVideoTracks()[0]?.readyState ?? 'none';
  });
const heldTrackState = (page: Page) =>
  page.evaluate(() => (globalThis as { heldTrack?: MediaStreamTrack }).heldTrack?.readyState ?? 'none');

const holdsNoPicture = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('video')?.srcObject ?? null) === null &&
      Array.from(document.querySelectorAll('canvas')).every((c) => c.width * c.height === 0),
  );

/** The camera page in a new tab, with the errors it logs or throws collected from the start. */
async function openCameraPage(firefox: FirefoxExtension): Promise<{ page: Page; errors: string[] }> {
  const page = await firefox.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await firefox.openExtensionPage('camera.html', { page });
  await page.bringToFront();
  return { page, errors };
}

/** Sets Firefox prefs in the running browser (as about:config would) and answers the old values. */
function setPrefs(firefox: FirefoxExtension, prefs: Record<string, boolean | number>) {
  return firefox.chrome<Record<string, boolean | number | null>>(`
    const prefs = ${JSON.stringify(prefs)};
    const old = {};
    for (const [name, value] of Object.entries(prefs)) {
      const type = Services.prefs.getPrefType(name);
      old[name] = type === Services.prefs.PREF_BOOL ? Services.prefs.getBoolPref(name)
        : type === Services.prefs.PREF_INT ? Services.prefs.getIntPref(name) : null;
      if (typeof value === 'boolean') Services.prefs.setBoolPref(name, value);
      else Services.prefs.setIntPref(name, value);
    }
    return old;
  `);
}

async function withPrefs(
  firefox: FirefoxExtension,
  prefs: Record<string, boolean | number>,
  run: () => Promise<void>,
) {
  const old = await setPrefs(firefox, prefs);
  try {
    await run();
  } finally {
    await firefox.chrome(`
      for (const [name, value] of Object.entries(${JSON.stringify(old)})) {
        if (value === null) Services.prefs.clearUserPref(name);
        else if (typeof value === 'boolean') Services.prefs.setBoolPref(name, value);
        else Services.prefs.setIntPref(name, value);
      }
      return true;
    `);
  }
}

test('firefox camera: "Use camera" opens the camera page in a tab, live with the camera, no result yet', async ({
  firefox,
}) => {
  const popup = await firefox.openPopup();
  await popup.click('[data-testid="camera-open"]');
  const url = firefox.url('camera.html');
  await expect
    .poll(() =>
      firefox.chrome<string[]>(
        `return [...Services.wm.getEnumerator('navigator:browser')].flatMap((w) => w.gBrowser.tabs.map((t) => t.linkedBrowser.currentURI.spec));`,
      ),
    )
    .toContain(url);
  const { page, errors } = await openCameraPage(firefox);
  const live = await waitForState(page, 'live');
  expect(live.message).toMatch(/^Hold the QR code inside the frame/);
  expect(await holdTrack(page)).toBe('live');
  expect(
    await page.evaluate(() => ({
      resultHidden: document.querySelector<HTMLElement>('[data-testid="result"]')?.hidden,
      choiceHidden: document.querySelector<HTMLElement>('.camera-choice')?.hidden,
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    })),
  ).toEqual({ resultHidden: true, choiceHidden: true, lang: 'en', dir: 'ltr' });
  expect(errors).toEqual([]);
});

test('firefox camera: the camera goes off while the tab is in the background and comes back with it', async ({
  firefox,
}) => {
  const { page, errors } = await openCameraPage(firefox);
  await waitForState(page, 'live');
  expect(await holdTrack(page)).toBe('live');
  const other = await firefox.newPage();
  await other.bringToFront();
  const paused = await waitForState(page, 'paused');
  expect(paused.reason).toBe('hidden');
  expect(paused.message).toMatch(/^The camera is off while this tab is in the background/);
  expect(await heldTrackState(page)).toBe('ended');
  expect(await holdsNoPicture(page)).toBe(true);
  await page.bringToFront();
  await waitForState(page, 'live');
  expect(await holdTrack(page)).toBe('live');
  expect(errors).toEqual([]);
});

test('firefox camera: a refused permission says how to allow the camera in Firefox; no console error', async ({
  firefox,
}) => {
  await withPrefs(
    firefox,
    { 'media.navigator.permission.disabled': false, 'permissions.default.camera': 2 },
    async () => {
      const { page, errors } = await openCameraPage(firefox);
      const denied = await waitForState(page, 'denied');
      expect(denied.message).toMatch(
        /click the crossed-out camera icon in the address bar and remove the block/,
      );
      expect(denied.retry).toBe(true);
      expect(await holdsNoPicture(page)).toBe(true);
      await page.click('[data-testid="camera-retry"]');
      await waitForState(page, 'denied');
      expect(errors).toEqual([]);
    },
  );
});

test('firefox camera: without a camera the page says so; once there is one, "Try again" starts it', async ({
  firefox,
}) => {
  let page: Page | undefined;
  let errors: string[] = [];
  await withPrefs(firefox, { 'media.navigator.streams.fake': false }, async () => {
    ({ page, errors } = await openCameraPage(firefox));
    const none = await waitForState(page, 'no-camera');
    expect(none.reason).toBe('none');
    expect(none.message).toMatch(/^No camera was found\. Connect a webcam/);
    expect(await holdsNoPicture(page)).toBe(true);
  });
  if (!page) throw new Error('no camera page');
  await page.click('[data-testid="camera-retry"]');
  await waitForState(page, 'live');
  expect(errors).toEqual([]);
});
