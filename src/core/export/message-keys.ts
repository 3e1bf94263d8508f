import type { Message } from '../otp/message-keys.ts';
import type { ExportNote, ExportNoteCode } from './types.ts';

/** The `_locales` key of a note's sentence (`exportNote_left_out_algorithm`…). */
export function exportNoteMessageKey(code: ExportNoteCode): string {
  return `exportNote_${code.replace(/-/g, '_')}`;
}

export function exportNoteMessage(note: ExportNote): Message {
  return { key: exportNoteMessageKey(note.code), substitutions: note.params };
}
