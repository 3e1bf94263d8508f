import { readQrText } from '../core/otp/read-qr-text.ts';
import browser from '../shared/browser.ts';
import { SCAN_KEY, type ScanState, visibleScan } from '../shared/scan-state.ts';
import { readStoredScan } from '../shared/scan-store.ts';
import { errorSentence } from './error-messages.ts';
import { translatePage } from './i18n.ts';
import { readImageFile } from './read-image-file.ts';
import { renderEntry } from './render-entry.ts';

const result = document.querySelector<HTMLElement>('[data-testid="result"]');
const entries = document.querySelector<HTMLElement>('.entries');
const errorMessage = document.querySelector<HTMLElement>('[data-testid="error-message"]');
const fileInput = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');

/** The scan on screen, so that a repeated storage event for the same scan does not rebuild the cards. */
let shownScanId: string | undefined;

function render(stored: ScanState): void {
  if (!result || !entries || !errorMessage) return;
  const scan = visibleScan(stored, Date.now());
  const scanId = scan.state === 'idle' ? undefined : `${scan.scanId}:${scan.state}`;
  if (scanId === shownScanId && scan.state !== 'idle') return;
  shownScanId = scanId;
  result.dataset.state = scan.state;
  entries.replaceChildren();
  errorMessage.textContent = '';
  if (scan.state === 'error') errorMessage.textContent = errorSentence(scan.error);
  if (scan.state === 'done') {
    for (const code of scan.codes) {
      for (const entry of readQrText(code.text)) entries.append(renderEntry(entry));
    }
  }
}

translatePage(document);
void readStoredScan().then(render);

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && SCAN_KEY in changes) void readStoredScan().then(render);
});

/** Live codes and countdowns; expiry of the shown result. */
setInterval(() => {
  for (const card of document.querySelectorAll('[data-live="true"]')) card.dispatchEvent(new Event('tick'));
  void readStoredScan().then(render);
}, 1000);

fileInput?.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void readImageFile(file);
  fileInput.value = '';
});
