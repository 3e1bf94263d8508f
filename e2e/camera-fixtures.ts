import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { installCameraProbe } from './camera-probe.ts';
import { makeVideo, type VideoKind } from './camera-videos.ts';
import { test as base, EXTENSION_DIR } from './fixtures.ts';
import { extensionLaunchArgs } from './launch-args.ts';

/** Where the test videos are written (Playwright empties test-results at the start of each run). */
const VIDEO_DIR = resolve(import.meta.dirname, '..', 'test-results', 'camera-videos');

/**
 * The camera a spec's browser is started with. Each needs a browser launch of its own: Chromium reads its
 * fake-camera flags at start.
 * - `video`: the fake camera plays this video (made now, in Node + ffmpeg), and the camera is allowed.
 * - `devices`: the fake camera's own moving test pattern, as `count` cameras, allowed.
 * - `refused`: a camera is there, and the permission prompt is refused.
 * - `none`: no camera at all (this machine has none), and the camera is allowed.
 */
export type CameraSetup =
  | { video: string; make: VideoKind }
  | { devices: number }
  | { refused: true }
  | { none: true };

const CLEAR_TEXT = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

async function cameraArgs(setup: CameraSetup): Promise<string[]> {
  if ('video' in setup) {
    const file = await makeVideo(VIDEO_DIR, setup.video, setup.make);
    return [
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
      '--use-fake-ui-for-media-stream',
    ];
  }
  if ('devices' in setup)
    return [
      `--use-fake-device-for-media-stream=device-count=${setup.devices}`,
      '--use-fake-ui-for-media-stream',
    ];
  if ('refused' in setup) {
    const file = await makeVideo(VIDEO_DIR, 'clear', { kind: 'clear', text: CLEAR_TEXT });
    return [
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
      '--deny-permission-prompts',
    ];
  }
  return ['--use-fake-ui-for-media-stream'];
}

interface CameraFixtures {
  camera: CameraSetup;
  /** The browser's language (`_locales` folder name), started as locale-browser.ts does; English if unset. */
  cameraLanguage: string | undefined;
  /** Errors any page of the browser logged, or threw, during the test (there must be none). */
  pageErrors: string[];
  /** Opens the camera page in a tab of its own, with the probe in it from the start. */
  openCamera: () => Promise<Page>;
}

/**
 * The e2e fixtures (e2e/fixtures.ts), with the browser started with a camera (`test.use({ camera })`) and
 * the camera probe (e2e/camera-probe.ts) in every page.
 */
export const test = base.extend<CameraFixtures>({
  camera: [{ devices: 1 }, { option: true }],
  cameraLanguage: [undefined, { option: true }],
  context: async ({ chromiumPath, camera, cameraLanguage }, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'qrkr-camera-'));
    const tag = cameraLanguage?.replace(/_/g, '-');
    const context = await chromium.launchPersistentContext(userDataDir, {
      headless: true,
      executablePath: chromiumPath,
      viewport: { width: 1100, height: 800 },
      ...(cameraLanguage && tag
        ? { locale: tag, env: { ...process.env, LANGUAGE: cameraLanguage, LANG: `${cameraLanguage}.UTF-8` } }
        : {}),
      args: extensionLaunchArgs(EXTENSION_DIR, [
        ...(await cameraArgs(camera)),
        ...(tag ? [`--lang=${tag}`] : []),
      ]),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await installCameraProbe(context);
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
    await use(errors);
  },
  openCamera: async ({ context, extension }, use) => {
    await use(async () => {
      // Opened by the test itself, so the probe is in the page before the page's script runs (a tab the
      // extension opens may be attached to a moment later); "Use camera" has a test of its own.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extension.id}/camera.html`);
      // Headless Chromium paints (and so plays video frames to) only the tab in front.
      await page.bringToFront();
      return page;
    });
  },
});

export { expect } from './fixtures.ts';
export { CLEAR_TEXT };
