import type { DecodeResult, Pixels, QrCode } from '../core/qr/types.ts';
import { aimRect, cropPixels, offsetRect } from './frame-geometry.ts';

/**
 * Decodes pixels somewhere else (the decoder worker); the pixels' buffer may be transferred away.
 * `thorough`: every pass of the decoder; otherwise its first pass only.
 */
export type DecodePixels = (pixels: Pixels, thorough: boolean) => Promise<DecodeResult>;

/**
 * One frame in this many is read with every pass of the decoder (other binarizer, enlarged copy: they
 * rescue small or faint codes); the others with its first pass only, which on camera-like frames read
 * every frame the full decoder read, in a fraction of the time (bench/camera-timings.ts: on a frame
 * without a code, about a tenth).
 */
export const THOROUGH_EVERY = 8;

/** What the reader has done so far (the benchmark and the tests read these). */
export interface FrameCounts {
  /** Frames offered by the video. */
  offered: number;
  /** Frames skipped because the previous one was still being decoded. */
  skipped: number;
  /** Frames decoded to the end (aiming frame, then the whole picture when the aiming frame had nothing). */
  read: number;
}

/**
 * Reads QR codes from a stream of video frames, one frame at a time: while a frame is being decoded, newer
 * frames are skipped, never queued, so the reader always works on a recent picture and never falls behind.
 * A frame is read cropped to the aiming frame first (small, quick, and where the person holds the code),
 * then whole; one frame in {@link THOROUGH_EVERY} with every pass of the decoder. The first frame with a code ends the reading: `onCodes` is called once, and nothing more is
 * decoded. Pure: the frame grabbing and the decoder are given to it.
 */
export class FrameReader {
  private busy = false;
  private stopped = false;
  readonly counts: FrameCounts = { offered: 0, skipped: 0, read: 0 };
  /** Frames taken so far (the first is number 0). */
  private taken = 0;

  /**
   * `isNew` says whether codes found are worth reporting: while the parts of an export are being gathered,
   * a part already read is looked past (the person is holding up the next one), and reading goes on.
   */
  constructor(
    private readonly decode: DecodePixels,
    private readonly onCodes: (codes: QrCode[]) => void,
    private readonly isNew: (codes: readonly QrCode[]) => boolean = () => true,
  ) {}

  /** True while a frame is being decoded. */
  get isBusy(): boolean {
    return this.busy;
  }

  /**
   * A new frame is available: `grab` is called for its pixels only when the reader is free. Returns
   * whether the frame was taken.
   */
  offer(grab: () => Pixels | undefined): boolean {
    if (this.stopped) return false;
    this.counts.offered++;
    if (this.busy) {
      this.counts.skipped++;
      return false;
    }
    const frame = grab();
    if (!frame || frame.width === 0 || frame.height === 0) return false;
    this.busy = true;
    const thorough = this.taken++ % THOROUGH_EVERY === THOROUGH_EVERY - 1;
    void this.read(frame, thorough).finally(() => {
      this.busy = false;
    });
    return true;
  }

  /** Nothing more is decoded or reported (the camera stopped); a decode under way is ignored. */
  stop(): void {
    this.stopped = true;
  }

  private async read(frame: Pixels, thorough: boolean): Promise<void> {
    const aim = aimRect(frame.width, frame.height);
    const attempts: { pixels: () => Pixels; origin: { x: number; y: number } }[] = [
      { pixels: () => cropPixels(frame, aim), origin: aim },
      { pixels: () => frame, origin: { x: 0, y: 0 } },
    ];
    for (const attempt of attempts) {
      const result = await this.decode(attempt.pixels(), thorough);
      if (this.stopped) return;
      if (result.ok && result.codes.length > 0) {
        if (!this.isNew(result.codes)) break;
        this.stopped = true;
        this.counts.read++;
        this.onCodes(
          result.codes.map((code) =>
            code.bounds ? { ...code, bounds: offsetRect(code.bounds, attempt.origin) } : code,
          ),
        );
        return;
      }
    }
    this.counts.read++;
  }
}
