import { el } from '../ui/dom.ts';
import { tCount, uiLanguage } from '../ui/i18n.ts';
import type { OnProgress } from './read-image-files.ts';

/**
 * The `progress` line under the spinner while several image files are read ("Reading image 3 of 12"). It
 * lives in the scanning state's live region, so screen readers hear it too; empty when nothing is read.
 */
export function readProgress(result: HTMLElement): OnProgress {
  const scanning = result.querySelector('.state-scanning');
  const line = el('p', { 'data-testid': 'progress', class: 'progress', dir: 'auto' });
  scanning?.append(line);
  return (reading) => {
    line.textContent = reading
      ? tCount('movingProgress', reading.total, new Intl.NumberFormat(uiLanguage()).format(reading.index))
      : '';
  };
}
