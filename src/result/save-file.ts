import type { ExportFile } from '../core/export/index.ts';
import { el } from '../ui/dom.ts';

/**
 * Long enough for the browser to have started reading the Blob for its download (Firefox reads it after
 * the click returns), short enough that the keys do not linger in memory.
 */
const REVOKE_AFTER_MS = 1000;

/**
 * Saves `file` through a Blob link with `download`, the only way without the `downloads` permission: the
 * link is added, clicked and removed at once, and its object URL revoked right after, so the extension
 * keeps no copy of the file.
 */
export function saveTextFile(parent: HTMLElement, file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = el('a', { href: url, download: file.fileName, hidden: '' });
  parent.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
