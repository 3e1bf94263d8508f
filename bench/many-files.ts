// Issue 11's figure: 12 Google Authenticator export screenshots (1080×2400, one 10-account code each)
// chosen at once in the built extension's popup, timed in Chromium from the file input's `change` to the
// 120 accounts on screen (decoding in the popup's worker, gathering, storage.session and rendering).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { phoneScreenshot, sampleExport } from '../e2e/moving-support.ts';
import { findChromium } from '../scripts/chromium.mjs';
import { openExtensionPopup } from './extension-popup.ts';
import { median, ms } from './stats.ts';

const EXTENSION = resolve(import.meta.dirname, '..', 'dist', 'chrome');
const FILES = 12;
const PER_FILE = 10;
const RUNS = 5;

/** In the popup: resolves with the time from the next `change` of the file input to every account shown. */
const ARM = `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="file-input"]');
  const result = document.querySelector('[data-testid="result"]');
  let start;
  input.addEventListener('change', () => { start = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const shown = document.querySelectorAll('[data-testid="entry"][data-kind="otp"]').length;
    if (start !== undefined && result.dataset.state === 'done' && shown === ${FILES * PER_FILE}) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(result, { attributes: true, childList: true, subtree: true });
})`;

export async function timeManyFiles(): Promise<void> {
  const executablePath = await findChromium();
  if (!existsSync(join(EXTENSION, 'popup.js')) || !executablePath) {
    console.log('\n(several-files timing skipped: run `npm run build` and install Chromium to get it)');
    return;
  }
  const exported = sampleExport(-2_004_318_071, FILES, PER_FILE);
  const files = await Promise.all(
    exported.parts.map(async (text, i) => ({
      name: `Screenshot_${String(i + 1).padStart(2, '0')}.png`,
      mimeType: 'image/png',
      buffer: await phoneScreenshot(text),
    })),
  );
  const { page, close } = await openExtensionPopup(executablePath, EXTENSION);
  try {
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await page.evaluate(() => chrome.storage.session.clear());
      await page.waitForSelector('[data-testid="result"][data-state="idle"]');
      const timed = page.evaluate(ARM) as Promise<number>;
      await page.getByTestId('file-input').setInputFiles(files);
      times.push(await timed);
    }
    const [first = Number.NaN, ...warm] = times;
    console.log(
      `\n${FILES} export screenshots (1080×2400, ${PER_FILE} accounts each) chosen at once in the popup, ` +
        `change → ${FILES * PER_FILE} accounts shown:`,
    );
    console.log(
      `  median ${ms(median(warm))} (best ${ms(Math.min(...warm))}) over ${RUNS} runs, ` +
        `${ms(median(warm) / FILES)} an image; first run, worker and wasm start included: ${ms(first)}`,
    );
  } finally {
    await close();
  }
}

if (process.argv[1] === import.meta.filename) await timeManyFiles();
