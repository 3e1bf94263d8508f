import type { Rect } from '../core/rect.ts';

/**
 * Several images read in one call to the decoder (the page scan): each encoded image crosses once and is
 * decoded once, however many parts of it are read. The jobs run in order; a job may be skipped when a code
 * an earlier job read lies in it (the same code is not read twice).
 */
export interface ImageBatch<Source = string> {
  /** The encoded images: data: URLs on the way to the decoder's host, Blobs from there to the worker. */
  sources: Source[];
  jobs: BatchJob[];
}

export interface BatchJob {
  /** Index into `sources`. */
  source: number;
  /** The part to read, as in `EncodedImage`. */
  crop?: Rect;
  cropBasisWidth?: number;
  /** Where this job's image is on screen (CSS pixels of the viewport). */
  at: Rect;
  /** Decoded pixels per CSS pixel (a whole screenshot): places its codes on screen by their bounds. */
  scale?: number;
  /** Not decoded when a code an earlier job read lies in `at` (its centre inside). */
  skipIfRead?: boolean;
}
