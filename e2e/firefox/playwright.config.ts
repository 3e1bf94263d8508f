import { defineConfig } from '@playwright/test';

/**
 * The Firefox e2e suite: dist/firefox in Firefox ESR, driven over WebDriver BiDi by e2e/firefox/driver.ts
 * (puppeteer-core). Each spec file starts one Firefox (e2e/firefox/fixtures.ts) and runs its tests in order.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../../test-results/firefox',
});
