import type { FileError } from '../shared/scan-state.ts';
import { el } from '../ui/dom.ts';
import { tCount } from '../ui/i18n.ts';
import { errorSentence } from './error-messages.ts';

/**
 * One `file-error` line for each file of several read at once that held no code: its name (as text,
 * isolated, since a name may be written right to left) and why, with what to try.
 */
export function fileErrorList(errors: readonly FileError[]): HTMLElement {
  const block = el('section', { class: 'file-errors', 'aria-labelledby': 'file-errors-title' });
  block.append(
    el(
      'h3',
      { class: 'file-errors-title', id: 'file-errors-title' },
      tCount('fileErrorsTitle', errors.length),
    ),
  );
  const items = el('ul', { class: 'file-error-list' });
  for (const { name, error } of errors) {
    const item = el('li', { 'data-testid': 'file-error', class: 'file-error' });
    item.append(
      el('bdi', { class: 'file-name' }, name),
      el('span', { class: 'file-error-reason' }, errorSentence(error, 'file')),
    );
    items.append(item);
  }
  block.append(items);
  return block;
}
