/** The clipboard clear that is due: kept in `storage.session` (memory only), never the key itself. */
export interface PendingClear {
  /** SHA-256 of the copied key ({@link digestOf}). */
  digest: string;
  /** When to clear (ms since the epoch). */
  at: number;
}

export const PENDING_CLEAR_KEY = 'clipboard-clear';
export const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';
/** How long a copied key stays on the clipboard. */
export const CLEAR_AFTER_MS = 60_000;

export function isPendingClear(value: unknown): value is PendingClear {
  if (typeof value !== 'object' || value === null) return false;
  const { digest, at } = value as Partial<PendingClear>;
  return typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest) && typeof at === 'number';
}

/**
 * What to do with the clipboard: empty it only when it still holds the copied key. Anything the person
 * copied since (or a clipboard that cannot be read) is left alone.
 */
export function shouldClear(clipboardDigest: string | undefined, pending: PendingClear): boolean {
  return clipboardDigest !== undefined && clipboardDigest === pending.digest;
}
