import { batchMessage } from '../core/otp/message-keys.ts';
import { readQrText } from '../core/otp/read-qr-text.ts';
import type { ExportBatch, OtpAccount } from '../core/otp/types.ts';
import { SCAN_TTL_MS, type ScanState } from '../shared/scan-state.ts';
import { el } from '../ui/dom.ts';
import { formatNumber, formatTime, t, tCount } from '../ui/i18n.ts';
import { batchStatus } from './batch-status.ts';
import { copyAllButton } from './copy-all.ts';
import { errorSentence } from './error-messages.ts';
import { exportPanel } from './export-panel.ts';
import { fileErrorList } from './file-errors.ts';
import { renderAccount } from './render-account.ts';
import { renderText } from './render-text.ts';

/** Above the accounts of one Google Authenticator export QR code: which code of the export this is. */
function exportHeading(batch: ExportBatch, accounts: number, gathered: boolean): HTMLElement {
  const heading = el('div', { class: 'export-head' });
  const { key, substitutions } = batchMessage(batch);
  heading.append(el('h3', { class: 'batch' }, t(key, ...substitutions.map((n) => formatNumber(Number(n))))));
  heading.append(el('p', { class: 'hint' }, tCount('exportAccounts', accounts)));
  // A gathered export says what is missing in its `batch-status` instead.
  if (batch.size > 1 && !gathered)
    heading.append(el('p', { class: 'hint' }, tCount('exportScanOthers', batch.size)));
  return heading;
}

/** "Copy all" and "Save as…" for every account shown. */
function movingTools(accounts: readonly OtpAccount[], onCopied: (text: string) => void): HTMLElement {
  const tools = el('section', { class: 'moving-tools', 'aria-label': t('movingToolsLabel') });
  const copy = el('div', { class: 'copy-all-row' });
  copy.append(copyAllButton(accounts, onCopied));
  tools.append(copy, exportPanel(accounts));
  return tools;
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

  /** Under the error sentence: kept export parts and the files without a code. */
  private errorDetails(): HTMLElement | undefined {
    const existing = this.part('.error-details');
    if (existing) return existing;
    const message = this.part('[data-testid="error-message"]');
    if (!message) return undefined;
    const details = el('div', { class: 'error-details' });
    message.after(details);
    return details;
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
    this.part('.error-details')?.replaceChildren();
    if (scan.state === 'scanning') {
      const text = this.part('.scanning-text');
      if (text) text.textContent = t(`scanning_${scan.source}`);
    }
    if (scan.state === 'error') {
      if (errorMessage) errorMessage.textContent = errorSentence(scan.error, scan.source);
      const details = this.errorDetails();
      if (details && scan.parts) details.append(batchStatus(scan.parts, true));
      if (details && scan.fileErrors?.length) details.append(fileErrorList(scan.fileErrors));
    }
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
    if (scan.parts) entries.append(batchStatus(scan.parts, false));
    if (scan.fileErrors?.length) entries.append(fileErrorList(scan.fileErrors));
    const cards: HTMLElement[] = [];
    const accounts: OtpAccount[] = [];
    for (const code of scan.codes) {
      const read = readQrText(code.text);
      const batch = read
        .map((entry) => (entry.kind === 'otp' ? entry.account.batch : entry.batch))
        .find((found) => found !== undefined);
      if (batch) cards.push(exportHeading(batch, read.length, scan.parts !== undefined));
      for (const entry of read) {
        if (entry.kind === 'otp') accounts.push(entry.account);
        cards.push(
          entry.kind === 'otp'
            ? renderAccount(entry.account, { hideKey: options.hideKeys, onKeyCopied: options.onKeyCopied })
            : renderText(entry.text, entry.notice),
        );
      }
    }
    entries.append(...cards);
    // Moving several accounts starts from the tools, above them; one account's card comes first.
    if (accounts.length > 1) cards[0]?.before(movingTools(accounts, options.onKeyCopied));
    else if (accounts.length === 1) entries.append(movingTools(accounts, options.onKeyCopied));
  }

  /** Sends every live code its `tick`, once a second. */
  tick(): void {
    for (const live of this.root.querySelectorAll('[data-live="true"]'))
      live.dispatchEvent(new Event('tick'));
  }
}
