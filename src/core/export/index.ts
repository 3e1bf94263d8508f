import type { OtpAccount } from '../otp/types.ts';
import { writeAegisVault } from './aegis.ts';
import { writeBitwardenExport } from './bitwarden.ts';
import { writeCsv } from './csv.ts';
import { exportFileName } from './file-name.ts';
import { writeOtpauthList } from './otpauth-list.ts';
import { writeTwofasBackup } from './twofas.ts';
import type { ExportFile, ExportFormat, ExportOptions, Writer } from './types.ts';

export { exportNoteMessage, exportNoteMessageKey } from './message-keys.ts';
export {
  EXPORT_FORMATS,
  EXPORT_NOTE_CODES,
  type ExportFile,
  type ExportFormat,
  type ExportNote,
  type ExportNoteCode,
  type ExportOptions,
} from './types.ts';

const WRITERS: Record<ExportFormat, { write: Writer; mimeType: string }> = {
  otpauth: { write: writeOtpauthList, mimeType: 'text/plain;charset=utf-8' },
  aegis: { write: writeAegisVault, mimeType: 'application/json' },
  bitwarden: { write: writeBitwardenExport, mimeType: 'application/json' },
  // Not application/json: a browser may then add `.json` to the name, and 2FAS looks for `.2fas`.
  '2fas': { write: writeTwofasBackup, mimeType: 'application/octet-stream' },
  csv: { write: writeCsv, mimeType: 'text/csv;charset=utf-8' },
};

/**
 * Every account, in the order given, as one file another app imports. Pure: the date and the UUIDs come
 * from `options` (defaults: the clock and `crypto.randomUUID`). `notes` says, per account, what the
 * app cannot hold as it is and what the file does instead (see `EXPORT_NOTE_CODES`); an account is
 * never left out without one.
 */
export function exportAccounts(
  format: ExportFormat,
  accounts: readonly OtpAccount[],
  options: ExportOptions = {},
): ExportFile {
  const now = options.now ?? Date.now();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const { write, mimeType } = WRITERS[format];
  const { text, notes, written } = write(accounts, { now, newId });
  return { fileName: exportFileName(format, now), mimeType, text, notes, written };
}
