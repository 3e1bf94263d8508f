import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportAccounts,
  exportNoteMessage,
} from '../core/export/index.ts';
import type { OtpAccount } from '../core/otp/types.ts';
import { el } from '../ui/dom.ts';
import { t, tCount } from '../ui/i18n.ts';
import { saveTextFile } from './save-file.ts';

let nextId = 0;

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * "Save as…": every account shown, in the format chosen (`export-format`), as a file another app imports.
 * The one warning sentence (unencrypted, where it goes) stands right above `export-save`; the file is made
 * only when that button is clicked, and only then is the download link created and clicked. What the
 * chosen app cannot hold (an algorithm, a counter) is listed under the choice before saving.
 */
export function exportPanel(accounts: readonly OtpAccount[]): HTMLElement {
  const id = `export-${++nextId}`;
  const panel = el('section', { class: 'export-panel', 'aria-labelledby': `${id}-title` });
  const row = el('div', { class: 'export-row' });
  const select = el('select', { 'data-testid': 'export-format', id: `${id}-format`, class: 'export-format' });
  for (const format of EXPORT_FORMATS)
    select.append(el('option', { value: format }, t(`exportFormat_${format}`)));
  row.append(
    el('label', { for: `${id}-format`, class: 'export-title', id: `${id}-title` }, t('exportTitle')),
    select,
  );
  const notes = el('ul', { class: 'export-notes', 'aria-live': 'polite' });
  const warning = el(
    'p',
    { class: 'export-warning', id: `${id}-warning` },
    tCount('exportWarning', accounts.length),
  );
  const save = el('button', {
    type: 'button',
    'data-testid': 'export-save',
    class: 'export-save',
    'aria-describedby': `${id}-warning`,
  });
  save.textContent = t('exportSave');
  const status = el('p', { class: 'export-status', role: 'status' });
  panel.append(row, notes, warning, save, status);

  const chosen = (): ExportFormat => (isFormat(select.value) ? select.value : 'otpauth');
  // Only the notes are kept: the text made to find them is dropped at once.
  const showNotes = (): void => {
    status.textContent = '';
    notes.replaceChildren(
      ...exportAccounts(chosen(), accounts).notes.map((note) => {
        const { key, substitutions } = exportNoteMessage(note);
        return el('li', { class: 'export-note', 'data-testid': 'export-note' }, t(key, ...substitutions));
      }),
    );
  };
  select.addEventListener('change', showNotes);
  save.addEventListener('click', () => {
    try {
      const file = exportAccounts(chosen(), accounts);
      saveTextFile(panel, file);
      status.textContent = t('exportSaved', file.fileName);
    } catch {
      status.textContent = t('exportFailed');
    }
  });
  showNotes();
  return panel;
}
