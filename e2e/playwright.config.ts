import { defineConfig } from '@playwright/test';

/** E2e tests drive the built extension (dist/chrome) in Debian's Chromium; see e2e/fixtures.ts. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The Firefox suite has its own config (e2e/firefox/playwright.config.ts).
  testIgnore: /[\\/]e2e[\\/]firefox[\\/]/,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../test-results',
  projects: [
    { name: 'dpr1', use: { deviceScaleFactor: 1 } },
    // HiDPI: the grab specs again at device scale factor 2. deviceScaleFactor alone only emulates it for the
    // page (captureVisibleTab still returns CSS-sized screenshots); the flag makes the window truly HiDPI,
    // so screenshots are in device pixels, twice the viewport's CSS width, as on a real HiDPI screen.
    {
      name: 'dpr2',
      use: { deviceScaleFactor: 2, launchOptions: { args: ['--force-device-scale-factor=2'] } },
      testMatch: /grab-.*\.spec\.ts$/,
    },
  ],
});
