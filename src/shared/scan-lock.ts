/** The Web Lock every finished scan holds while it reads and rewrites the stored result. */
export const SCAN_LOCK = 'qr-key-reader-scan-state';

/**
 * Runs `work` under {@link SCAN_LOCK}. Web Locks are shared by every context of one origin: the Chrome
 * service worker, the Firefox event page, the popup and the camera page all wait for one another. Where
 * `navigator.locks` is missing, calls in this context still run one at a time.
 */
export function withScanLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(SCAN_LOCK, work);
  return inOrder(work);
}

let connected = false;

/**
 * Opens this context's connection to the browser's lock manager now, without taking the lock: the first
 * lock request of a context waits for that connection (22–43 ms in a service worker the browser had just
 * started, bench:e2e). The menu click calls this, so the scan's first finish does not wait for it; once a
 * context is connected, later clicks ask nothing.
 */
export function connectScanLock(): void {
  if (connected) return;
  connected = true;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  void locks?.query().catch(() => undefined);
}

let tail: Promise<unknown> = Promise.resolve();

/** One after another within this context: each `work` starts once the previous one has settled. */
export function inOrder<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
