import type { QrCode } from '../core/qr/types.ts';
import { listCameras, rememberedCamera, showCameraChoice } from './camera-choice.ts';
import { cameraProblemOf } from './camera-problem.ts';
import { type CameraStatus, IDLE_MINUTES } from './camera-status.ts';
import type { FrameGrabber } from './frame-grabber.ts';
import { startFrameLoop } from './frame-loop.ts';
import { type DecodePixels, FrameReader } from './frame-reader.ts';
import { openStream, stopStream } from './open-stream.ts';

export interface CameraParts {
  video: HTMLVideoElement;
  status: CameraStatus;
  grabber: FrameGrabber;
  decode: DecodePixels;
  /** The camera `<select>` and the label around it (shown when there are two cameras or more). */
  choice: { container: HTMLElement; select: HTMLSelectElement };
  /** The first code(s) read; the camera is already off when this is called. */
  onRead: (codes: QrCode[]) => void;
  /** Whether codes seen are new (not parts of the export being gathered that were read already). */
  isNew: (codes: readonly QrCode[]) => boolean;
}

/**
 * The camera's life on the page: start (the browser may ask the person), show the picture and read its
 * frames, and stop the camera as soon as a code is read, the tab goes to the background or is closed, or
 * after {@link IDLE_MINUTES} minutes without a code. Nothing of a frame outlives its decode.
 */
export class CameraSession {
  private stream: MediaStream | undefined;
  private reader: FrameReader | undefined;
  private stopLoop: (() => void) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each start and stop is numbered: a start that a newer start or a stop overtook gives its camera back. */
  private generation = 0;
  private pausedWhileHidden = false;

  constructor(private readonly parts: CameraParts) {
    document.addEventListener('visibilitychange', () => this.onVisibility());
    window.addEventListener('pagehide', () => this.stop());
    navigator.mediaDevices?.addEventListener?.('devicechange', () => {
      void this.refreshChoice(this.currentDeviceId());
    });
  }

  async start(): Promise<void> {
    this.stop();
    const generation = this.generation;
    this.pausedWhileHidden = false;
    const { status, video } = this.parts;
    status.show({ state: 'starting' });
    let stream: MediaStream;
    try {
      stream = await openStream(await rememberedCamera());
    } catch (error) {
      if (generation === this.generation) status.show(cameraProblemOf(error));
      return;
    }
    if (generation !== this.generation) {
      stopStream(stream);
      return;
    }
    if (document.visibilityState === 'hidden') {
      stopStream(stream);
      this.pause('hidden');
      return;
    }
    this.stream = stream;
    const track = stream.getVideoTracks()[0];
    track?.addEventListener('ended', () => {
      if (this.stream !== stream) return;
      this.stop();
      status.show({ state: 'no-camera', reason: 'ended' });
    });
    video.srcObject = stream;
    // A camera facing the person is shown as a mirror; the frames are decoded as the camera sees them.
    video.classList.toggle('mirrored', track?.getSettings().facingMode !== 'environment');
    await video.play().catch(() => undefined);
    if (generation !== this.generation) return;
    void this.refreshChoice(track?.getSettings().deviceId);
    const reader = new FrameReader(this.parts.decode, (codes) => this.finish(codes), this.parts.isNew);
    this.reader = reader;
    this.stopLoop = startFrameLoop(video, () => {
      reader.offer(() => this.parts.grabber.grab(video));
    });
    this.idleTimer = setTimeout(() => this.pause('timeout'), IDLE_MINUTES * 60_000);
    status.show({ state: 'live' });
  }

  /** Turns the camera off and forgets the picture; a start under way gives its camera back when it lands. */
  stop(): void {
    this.generation++;
    this.stopLoop?.();
    this.stopLoop = undefined;
    this.reader?.stop();
    this.reader = undefined;
    clearTimeout(this.idleTimer);
    stopStream(this.stream);
    this.stream = undefined;
    this.parts.video.srcObject = null;
    this.parts.grabber.release();
  }

  private finish(codes: QrCode[]): void {
    this.stop();
    this.parts.status.show({ state: 'done' });
    this.parts.onRead(codes);
  }

  private pause(reason: 'timeout' | 'hidden'): void {
    this.stop();
    this.pausedWhileHidden = reason === 'hidden';
    this.parts.status.show({ state: 'paused', reason });
  }

  /** The tab went to the background: the camera goes off, and comes back with the tab. */
  private onVisibility(): void {
    const state = this.parts.status.state;
    if (document.visibilityState === 'hidden') {
      if (state === 'live' || state === 'starting') this.pause('hidden');
    } else if (state === 'paused' && this.pausedWhileHidden) {
      void this.start();
    }
  }

  private currentDeviceId(): string | undefined {
    return this.stream?.getVideoTracks()[0]?.getSettings().deviceId;
  }

  private async refreshChoice(current: string | undefined): Promise<void> {
    const cameras = await listCameras();
    showCameraChoice(this.parts.choice.container, this.parts.choice.select, cameras, current);
  }
}
