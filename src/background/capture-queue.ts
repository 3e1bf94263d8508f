/**
 * Paces screenshots. Chromium allows about two `captureVisibleTab` calls a second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND): captures run one after another, spaced by `spacingMs`, and
 * a capture refused for the rate anyway (another caller, a restarted worker) is retried after each of
 * `retryDelaysMs`. Pure of browser APIs (the capture and the clock are passed in): unit-tested in Node.
 */
export interface CaptureQueueOptions {
  spacingMs: number;
  retryDelaysMs: readonly number[];
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

export function isQuotaError(error: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i.test(String(error));
}

export function captureQueue<A extends unknown[], R>(
  capture: (...args: A) => Promise<R>,
  {
    spacingMs,
    retryDelaysMs,
    now = Date.now,
    wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }: CaptureQueueOptions,
): (...args: A) => Promise<R> {
  let queue: Promise<unknown> = Promise.resolve();
  let last = Number.NEGATIVE_INFINITY;
  const attempt = async (args: A): Promise<R> => {
    for (let retry = 0; ; retry++) {
      const since = now() - last;
      if (since < spacingMs) await wait(spacingMs - since);
      last = now();
      try {
        return await capture(...args);
      } catch (error) {
        const delay = retryDelaysMs[retry];
        if (!isQuotaError(error) || delay === undefined) throw error;
        await wait(delay);
      }
    }
  };
  return (...args: A) => {
    const run = queue.then(() => attempt(args));
    queue = run.catch(() => undefined);
    return run;
  };
}
