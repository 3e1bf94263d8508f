import type { QrCode } from '../core/qr/types.ts';
import { mountResult } from '../result/mount-result.ts';
import browser from '../shared/browser.ts';
import { clearScan, finishScan, readStoredScan } from '../shared/scan-store.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';
import { t, tCount, translatePage } from '../ui/i18n.ts';
import { rememberCamera } from './camera-choice.ts';
import { CameraSession } from './camera-session.ts';
import { CameraStatus, IDLE_MINUTES } from './camera-status.ts';
import { FrameGrabber } from './frame-grabber.ts';

/**
 * The camera page (`camera.html`, opened in a tab from the popup's "Use camera"): the picture, an aiming
 * frame, and the result of the first code read, through the same result view as the popup.
 */
translatePage(document);

const query = <T extends HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`camera.html lacks ${selector}`);
  return found;
};

const result = query<HTMLElement>('[data-testid="result"]');
const statusLine = query<HTMLElement>('.status-line');
query<HTMLElement>('.camera-privacy').textContent = tCount('cameraPrivacy', IDLE_MINUTES);

// The decoder worker of this page: frames go to it as transferred pixels, one at a time.
const decoder = new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'));

/** The result view is mounted at the first read, so it never shows a scan from before this page's. */
let mounted = false;

/**
 * The texts of the export parts gathered so far (none when the result is anything else): pressing "Read
 * another code" while an export is being gathered looks past the parts already read, so the camera waits
 * for the next screen of the export instead of reading the same one again.
 */
let gatheredTexts = new Set<string>();

async function showRead(codes: QrCode[]): Promise<void> {
  await finishScan(crypto.randomUUID(), 'camera', { ok: true, codes });
  const stored = await readStoredScan();
  gatheredTexts = new Set(
    stored.state === 'done' && stored.parts ? stored.codes.map((code) => code.text) : [],
  );
  if (!mounted) {
    mounted = true;
    mountResult(result, { onScanStarted: () => (statusLine.textContent = '') });
  }
  result.hidden = false;
}

const select = query<HTMLSelectElement>('[data-testid="camera-select"]');
const session = new CameraSession({
  video: query<HTMLVideoElement>('video.picture'),
  status: new CameraStatus(query('[data-testid="camera-status"]')),
  grabber: new FrameGrabber(query<HTMLCanvasElement>('canvas.frame-canvas')),
  // Quick frames: the decoder's first pass only (a budget of 0); thorough ones: its own budget.
  decode: (pixels, thorough) => decoder.decodePixels(pixels, thorough ? undefined : 0),
  choice: { container: query('.camera-choice'), select },
  onRead: (codes) => {
    void showRead(codes);
  },
  isNew: (codes) => codes.some((code) => !gatheredTexts.has(code.text)),
});

for (const id of ['camera-retry', 'camera-resume', 'camera-again']) {
  query(`[data-testid="${id}"]`).addEventListener('click', () => {
    statusLine.textContent = '';
    void session.start();
  });
}

select.addEventListener('change', () => {
  void rememberCamera(select.value).then(() => session.start());
});

query('[data-testid="clear"]').addEventListener('click', () => {
  void clearScan().then(() => {
    gatheredTexts = new Set();
    statusLine.textContent = t('cleared');
  });
});

void session.start();
