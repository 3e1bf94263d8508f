/**
 * Injected by the background right after grab.js (`scripting.executeScript({ func })`): self-contained,
 * it only calls the entry point grab.js exposed under GRAB_GLOBAL in this isolated world.
 */
export function callGrab(entry: string, args: unknown[]): unknown {
  const api = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)
    .__qrKeyReaderGrab;
  const run = api?.[entry];
  if (!run) throw new Error('grab.js is not loaded');
  return run(...args);
}
