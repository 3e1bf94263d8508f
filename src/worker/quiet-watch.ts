import { DECODER_IDLE_MS, IdleTimer } from '../shared/idle-timer.ts';

/**
 * The decoder worker's own guard against being left running. Its host ends it when idle (`WorkerDecoder`,
 * {@link DECODER_IDLE_MS} after the last answer), so in practice this never acts. It is there for a host that
 * cannot: a page whose timers the browser held back, or one torn down while the worker was starting (Firefox
 * suspends an idle event page). Quiet for `askAfterMs` (no request in progress), the worker asks its host
 * whether to end (`ask`); a host that is there ends it at once. With no host to answer and no request in
 * `closeAfterMs` more, the worker ends itself (`close`): nothing of the decoder outlives its minute.
 */
export class QuietWatch {
  private readonly quiet: IdleTimer;
  private closing: ReturnType<typeof setTimeout> | undefined;

  constructor(askAfterMs: number, closeAfterMs: number, ask: () => void, close: () => void) {
    this.quiet = new IdleTimer(askAfterMs, () => {
      ask();
      this.closing = setTimeout(close, closeAfterMs);
    });
  }

  /** A request arrived: the worker is in use until it is answered (and the host did answer). */
  begin(): void {
    clearTimeout(this.closing);
    this.closing = undefined;
    this.quiet.begin();
  }

  /** A request was answered (or the worker just started): the quiet time starts when none is in progress. */
  end(): void {
    this.quiet.end();
  }
}

/** Quiet this long, the worker asks its host: 10 s after the host's own idle end should have come (40 s). */
export const WORKER_ASK_AFTER_MS = DECODER_IDLE_MS + 10_000;
/** Unanswered this long after asking, the worker ends itself: 55 s after its last answer, inside the minute. */
export const WORKER_CLOSE_AFTER_MS = 15_000;
