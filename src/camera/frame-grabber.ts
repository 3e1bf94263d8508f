import type { Pixels } from '../core/qr/types.ts';

/**
 * Copies the video's current frame into pixels for the decoder. The canvas is emptied right after each
 * copy and shrunk to nothing on `release`, so the page holds no picture once the camera stops; the copied
 * pixels themselves are transferred to the decoder worker, which drops them after reading.
 */
export class FrameGrabber {
  private context: CanvasRenderingContext2D | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  grab(video: HTMLVideoElement): Pixels | undefined {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (width === 0 || height === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
      return undefined;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.context ??= this.canvas.getContext('2d', { willReadFrequently: true, alpha: false });
    if (!this.context) return undefined;
    this.context.drawImage(video, 0, 0, width, height);
    const image = this.context.getImageData(0, 0, width, height);
    this.context.clearRect(0, 0, width, height);
    return { data: image.data, width, height };
  }

  /** Frees the canvas's pixels. */
  release(): void {
    this.canvas.width = 0;
    this.canvas.height = 0;
  }
}
