/**
 * Calls `onIdle` once nothing has been in progress for `idleMs`: how the decoder (its worker, the wasm module
 * of Chrome's service worker) and Chrome's offscreen document let go of their memory after use. Work counts from `begin()` to `end()`; the time
 * starts again at each end, and `onIdle` runs at most once per quiet spell.
 */
export class IdleTimer {
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  begin(): void {
    this.running++;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  end(): void {
    this.running = Math.max(0, this.running - 1);
    if (this.running > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running === 0) this.onIdle();
    }, this.idleMs);
  }

  /** Counts `work` as work in progress until it settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.begin();
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  /** Forgets any pending `onIdle` (the thing it would close is already gone). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * How long the decoder stays ready after its last use: a person reading the parts of an export one after
 * another finds it warm; one who reads a code twice a year holds no decoder in between. Well within the
 * minute the issue allows.
 */
export const DECODER_IDLE_MS = 30_000;
