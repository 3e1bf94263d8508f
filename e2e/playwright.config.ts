import { defineConfig } from '@playwright/test';

/** E2e tests drive the built extension (dist/chrome) in Debian's Chromium; see e2e/fixtures.ts. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
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
    // HiDPI: the grab specs again at device scale factor 2 (screenshot crops scale by capture/innerWidth).
    { name: 'dpr2', use: { deviceScaleFactor: 2 }, testMatch: /grab-.*\.spec\.ts$/ },
  ],
});
