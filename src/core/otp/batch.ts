import { parseMigrationUri } from './parse-migration.ts';
import type { ExportBatch } from './types.ts';

/**
 * Gathering the QR codes of one multi-part Google Authenticator export, read one after another (or several
 * at once), into one list. Pure: the caller stores the gathered export and decides when it expires.
 */

/** One QR code of an export and its place in it (1-based). */
export interface ExportPart<T> {
  index: number;
  code: T;
}

/** The parts of one export read so far: one per index, in part order. */
export interface GatheredExport<T> {
  /** The export's `batch_id`. */
  id: number;
  /** How many QR codes the export has. */
  size: number;
  parts: ExportPart<T>[];
}

/** Which parts of an export were read and which are still to read (1-based, ascending). */
export interface PartsStatus {
  size: number;
  read: number[];
  missing: number[];
}

/**
 * The place of a QR text in a multi-part export, or `undefined` when it is anything else: not an
 * otpauth-migration code, one that cannot be read, or an export that fits in one QR code.
 */
export function exportPartOf(text: string): ExportBatch | undefined {
  const trimmed = text.trim();
  if (!/^otpauth-migration:/i.test(trimmed)) return undefined;
  const entries = parseMigrationUri(trimmed);
  if (!entries.ok) return undefined;
  const [first] = entries.value;
  const batch = first?.kind === 'otp' ? first.account.batch : first?.batch;
  return batch && batch.size > 1 ? batch : undefined;
}

/**
 * What a finished read makes of the export gathered so far. When every code it read is a part of one
 * multi-part export, those parts join the gathered ones of that same export (same `batch_id` and size),
 * or start it afresh when `stored` is another export or nothing; a part already there adds nothing.
 * Anything else (no code, an ordinary code, a single-code export, parts of two exports) gives
 * `undefined`: the read is unrelated and replaces the result.
 */
export function gatherParts<T extends { text: string }>(
  stored: GatheredExport<T> | undefined,
  codes: readonly T[],
): GatheredExport<T> | undefined {
  if (codes.length === 0) return undefined;
  const placed: { batch: ExportBatch; code: T }[] = [];
  for (const code of codes) {
    const batch = exportPartOf(code.text);
    if (!batch) return undefined;
    placed.push({ batch, code });
  }
  const [{ batch: first }] = placed as [{ batch: ExportBatch; code: T }];
  if (placed.some(({ batch }) => batch.id !== first.id || batch.size !== first.size)) return undefined;
  const same = stored !== undefined && stored.id === first.id && stored.size === first.size;
  const parts = same ? [...stored.parts] : [];
  for (const { batch, code } of placed) {
    if (!parts.some((part) => part.index === batch.index)) parts.push({ index: batch.index, code });
  }
  parts.sort((a, b) => a.index - b.index);
  return { id: first.id, size: first.size, parts };
}

/** Which parts of the gathered export were read and which are missing. */
export function partsStatus(gathered: { size: number; parts: readonly { index: number }[] }): PartsStatus {
  const read = gathered.parts.map((part) => part.index);
  const missing: number[] = [];
  for (let index = 1; index <= gathered.size; index++) if (!read.includes(index)) missing.push(index);
  return { size: gathered.size, read, missing };
}
