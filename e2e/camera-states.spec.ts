import { expect, test } from './camera-fixtures.ts';
import { holdsNoPicture, readProbe } from './camera-probe.ts';
import { HANDHELD } from './camera-videos.ts';

test.describe('permission refused', () => {
  test.use({ camera: { refused: true } });

  test('camera: a refused permission says so and how to allow it, with no picture and no console error', async ({
    openCamera,
    pageErrors,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'denied');
    await expect(page.getByTestId('camera-message')).toHaveText(
      /not allowed to use the camera\. To allow it, click the camera icon at the end of the address bar/,
    );
    await expect(page.getByTestId('camera-retry')).toBeVisible();
    await expect(page.getByTestId('camera-again')).toBeHidden();
    expect(await holdsNoPicture(page)).toBe(true);
    // Asking again is refused again, and said again: never a frozen page.
    await page.getByTestId('camera-retry').click();
    await expect
      .poll(async () => (await readProbe(page)).states.map((s) => s.state))
      .toEqual(['starting', 'denied', 'starting', 'denied']);
    expect(pageErrors).toEqual([]);
  });
});

test.describe('no camera', () => {
  test.use({ camera: { none: true } });

  test('camera: without a camera the page says so and what to do instead, with no console error', async ({
    openCamera,
    pageErrors,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'no-camera');
    await expect(status).toHaveAttribute('data-reason', 'none');
    await expect(page.getByTestId('camera-message')).toHaveText(/^No camera was found\. Connect a webcam/);
    await expect(page.getByTestId('camera-retry')).toBeVisible();
    expect(await holdsNoPicture(page)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

test.describe('one camera, a picture without a code', () => {
  test.use({ camera: { video: 'no-code', make: { kind: 'no-code', wobble: HANDHELD, frames: 20 } } });

  test('camera: a camera held by another program is said so; "Try again" starts it once it is free', async ({
    context,
    openCamera,
    pageErrors,
  }) => {
    // The browser answers as it does when another program holds the camera: NotReadableError, once.
    await context.addInitScript(`(() => {
      const media = navigator.mediaDevices;
      if (!media) return;
      const real = media.getUserMedia.bind(media);
      let refused = false;
      media.getUserMedia = (constraints) => {
        if (refused) return real(constraints);
        refused = true;
        return Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
      };
    })();`);
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'no-camera');
    await expect(status).toHaveAttribute('data-reason', 'in-use');
    await expect(page.getByTestId('camera-message')).toHaveText(
      /Another program \(a video call, for example\)/,
    );
    await page.getByTestId('camera-retry').click();
    await expect(status).toHaveAttribute('data-state', 'live');
    await expect(status).not.toHaveAttribute('data-reason');
    expect(pageErrors).toEqual([]);
  });

  test('camera: after 2 minutes without a code the camera goes off, and "Go on" starts it again', async ({
    context,
    extension,
  }) => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`chrome-extension://${extension.id}/camera.html`);
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'live');
    await page.clock.fastForward('01:50');
    await expect(status).toHaveAttribute('data-state', 'live');
    await page.clock.fastForward('00:11');
    await expect(status).toHaveAttribute('data-state', 'paused');
    await expect(status).toHaveAttribute('data-reason', 'timeout');
    await expect(page.getByTestId('camera-message')).toHaveText(
      'The camera was turned off after 2 minutes without a QR code. Press “Go on” to keep looking.',
    );
    expect((await readProbe(page)).tracks).toEqual(['ended']);
    expect(await holdsNoPicture(page)).toBe(true);
    await page.getByTestId('camera-resume').click();
    await expect(status).toHaveAttribute('data-state', 'live');
    expect((await readProbe(page)).tracks).toEqual(['ended', 'live']);
  });

  test('camera: the camera goes off while its tab is in the background and comes back with the tab', async ({
    openCamera,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'live');
    // Headless Chromium reports every tab visible, whichever is in front (measured: another tab, a
    // minimized window). So the test tells the page what the browser tells it on a tab switch.
    const tabSwitch = (visibility: 'hidden' | 'visible') =>
      page.evaluate((state) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      }, visibility);
    await tabSwitch('hidden');
    await expect(status).toHaveAttribute('data-state', 'paused');
    await expect(status).toHaveAttribute('data-reason', 'hidden');
    expect((await readProbe(page)).tracks).toEqual(['ended']);
    expect(await holdsNoPicture(page)).toBe(true);
    await tabSwitch('visible');
    await expect(status).toHaveAttribute('data-state', 'live');
    expect((await readProbe(page)).tracks).toEqual(['ended', 'live']);
  });

  test('camera: closing the tab stops the camera', async ({ openCamera, extension }) => {
    const page = await openCamera();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'live');
    const sw = await extension.serviceWorker();
    await page.close({ runBeforeUnload: true });
    // No extension page is left that could hold the camera.
    await expect
      .poll(() => sw.evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => c.documentUrl)))
      .not.toContainEqual(expect.stringContaining('camera.html'));
  });
});

test.describe('two cameras', () => {
  test.use({ camera: { devices: 2 } });

  test('camera: with two cameras the person picks one, and the choice holds for this browser session only', async ({
    openCamera,
    extension,
  }) => {
    const page = await openCamera();
    const status = page.getByTestId('camera-status');
    await expect(status).toHaveAttribute('data-state', 'live');
    const select = page.getByTestId('camera-select');
    await expect(select).toBeVisible();
    await expect(select.locator('option')).toHaveCount(2);
    const values = await select
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const inUse = () =>
      page.evaluate(() => {
        const video = document.querySelector('video');
        const stream = video?.srcObject as MediaStream | null;
        return stream?.getVideoTracks()[0]?.getSettings().deviceId;
      });
    const first = await inUse();
    const other = values.find((v) => v !== first) ?? '';
    await select.selectOption(other);
    await expect.poll(inUse).toBe(other);
    await expect(status).toHaveAttribute('data-state', 'live');
    expect((await readProbe(page)).tracks).toEqual(['ended', 'live']);

    await page.reload();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'live');
    await expect.poll(inUse).toBe(other);
    await expect(page.getByTestId('camera-select')).toHaveValue(other);
    const sw = await extension.serviceWorker();
    const stored = await sw.evaluate(async () => ({
      session: await chrome.storage.session.get(null),
      local: await chrome.storage.local.get(null),
    }));
    expect(stored.session.cameraDeviceId).toBe(other);
    expect(JSON.stringify(stored.local)).not.toContain(other);
  });
});
