/** What {@link callGrab} answers when grab.js has not run in this frame yet. */
export const GRAB_MISSING = 'qr-key-reader:grab-missing';

/**
 * Injected by the background alongside grab.js (`scripting.executeScript({ func })`): self-contained, it
 * only calls the entry point grab.js exposed under GRAB_GLOBAL in this isolated world, or answers
 * GRAB_MISSING (the literal below) when grab.js has not run yet.
 */
export function callGrab(entry: string, args: unknown[]): unknown {
  const api = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)
    .__qrKeyReaderGrab;
  const run = api?.[entry];
  if (!run) return 'qr-key-reader:grab-missing';
  return run(...args);
}
