import { batchMessage } from '../core/otp/message-keys.ts';
import { readQrText } from '../core/otp/read-qr-text.ts';
import { SCAN_TTL_MS, type ScanState } from '../shared/scan-state.ts';
import { el } from '../ui/dom.ts';
import { formatNumber, formatTime, t, tCount } from '../ui/i18n.ts';
import { errorSentence } from './error-messages.ts';
import { renderAccount } from './render-account.ts';
import { renderText } from './render-text.ts';

/** Above the accounts of one Google Authenticator export QR code: which code of the export this is. */
function exportHeading(batch: { index: number; size: number }, accounts: number): HTMLElement {
  const heading = el('div', { class: 'export-head' });
  const { key, substitutions } = batchMessage(batch);
  heading.append(el('h3', { class: 'batch' }, t(key, ...substitutions.map((n) => formatNumber(Number(n))))));
  heading.append(el('p', { class: 'hint' }, tCount('exportAccounts', accounts)));
  if (batch.size > 1) heading.append(el('p', { class: 'hint' }, tCount('exportScanOthers', batch.size)));
  return heading;
}

export interface ResultViewOptions {
  hideKeys: boolean;
  onKeyCopied: (key: string) => void;
}

/** The `result` element and the parts of it each state fills. */
export class ResultView {
  /** What is on screen (scan, state and the options it was drawn with): redrawn only when this changes. */
  private shown: string | undefined;

  constructor(private readonly root: HTMLElement) {}

  private part<T extends HTMLElement>(selector: string): T | undefined {
    return this.root.querySelector<T>(selector) ?? undefined;
  }

  render(scan: ScanState, options: ResultViewOptions): void {
    const key = scan.state === 'idle' ? 'idle' : `${scan.scanId}:${scan.state}:${options.hideKeys}`;
    if (key === this.shown) return;
    this.shown = key;
    // The page's first draw of the stored scan: until then it is busy (its markup shows a placeholder).
    this.root.removeAttribute('aria-busy');
    this.root.dataset.state = scan.state;
    const entries = this.part('.entries');
    const errorMessage = this.part('[data-testid="error-message"]');
    entries?.replaceChildren();
    if (errorMessage) errorMessage.textContent = '';
    if (scan.state === 'scanning') {
      const text = this.part('.scanning-text');
      if (text) text.textContent = t(`scanning_${scan.source}`);
    }
    if (scan.state === 'error' && errorMessage)
      errorMessage.textContent = errorSentence(scan.error, scan.source);
    if (scan.state !== 'done' || !entries) return;
    const title = this.part('.done-title');
    if (title) title.textContent = t(`doneTitle_${scan.source}`);
    const announce = this.part('.done-announce');
    if (announce) announce.textContent = t('doneAnnounce', t(`doneTitle_${scan.source}`));
    const expiry = this.part('.expiry');
    if (expiry) {
      const time = formatTime(scan.finishedAt + SCAN_TTL_MS);
      expiry.textContent = tCount('expiryNote', SCAN_TTL_MS / 60_000, time);
    }
    for (const code of scan.codes) {
      const read = readQrText(code.text);
      const batch = read
        .map((entry) => (entry.kind === 'otp' ? entry.account.batch : entry.batch))
        .find((found) => found !== undefined);
      if (batch) entries.append(exportHeading(batch, read.length));
      for (const entry of read) {
        entries.append(
          entry.kind === 'otp'
            ? renderAccount(entry.account, { hideKey: options.hideKeys, onKeyCopied: options.onKeyCopied })
            : renderText(entry.text, entry.notice),
        );
      }
    }
  }

  /** Sends every live code its `tick`, once a second. */
  tick(): void {
    for (const live of this.root.querySelectorAll('[data-live="true"]'))
      live.dispatchEvent(new Event('tick'));
  }
}
