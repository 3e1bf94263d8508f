import type { PartsStatus } from '../core/otp/batch.ts';
import { partsStatus } from '../core/otp/batch.ts';
import type { ExportParts } from '../shared/scan-state.ts';
import { SCAN_TTL_MS } from '../shared/scan-state.ts';
import { el } from '../ui/dom.ts';
import { tCount, uiLanguage } from '../ui/i18n.ts';

/** "1 and 3", "1, 2 und 3": part numbers as the language lists them. */
function list(numbers: readonly number[]): string {
  const language = uiLanguage();
  const format = new Intl.NumberFormat(language);
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(numbers.map((n) => format.format(n)));
}

/** "Parts read: 1 and 3 of 3. Still to read: 2." or "All 3 parts read." */
export function batchSentence({ size, read, missing }: PartsStatus): string {
  if (missing.length === 0) return tCount('batchAllRead', size);
  const sizeText = new Intl.NumberFormat(uiLanguage()).format(size);
  return `${tCount('batchRead', read.length, list(read), sizeText)} ${tCount('batchMissing', missing.length, list(missing))}`;
}

/**
 * The `batch-status` of a result that holds parts of a multi-part Google Authenticator export: which parts
 * were read and which are still to read, and what to do next. After a failed read (`kept`), it says that
 * the parts read before are kept for the next one.
 */
export function batchStatus(parts: ExportParts, kept: boolean): HTMLElement {
  const status = partsStatus({ size: parts.size, parts: parts.read.map((index) => ({ index })) });
  const block = el('div', { class: 'batch-status-block' });
  block.append(el('p', { 'data-testid': 'batch-status', class: 'batch-status' }, batchSentence(status)));
  if (kept) block.append(el('p', { class: 'hint' }, tCount('batchKept', SCAN_TTL_MS / 60_000)));
  else if (status.missing.length > 0)
    block.append(el('p', { class: 'hint' }, tCount('batchNext', status.missing.length)));
  return block;
}
