/** How values are laid out on screen (pure: unit-tested). */

/** A one-time code split for reading: `123 456`, `1234 5678`; Steam's five characters stay whole. */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code) || code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** A masked key: one `••••` per group of the real key, so its length is roughly visible but not its value. */
export function maskKey(secret: string): string {
  return Array.from({ length: Math.max(1, Math.ceil(secret.length / 4)) }, () => '••••').join(' ');
}

/** Whether decoded text looks like a web address (it is still shown as text and never opened). */
export function looksLikeLink(text: string): boolean {
  return /^\s*(https?|ftp):\/\//i.test(text) || /^\s*www\./i.test(text);
}
