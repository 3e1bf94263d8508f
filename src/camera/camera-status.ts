import { t, tCount } from '../ui/i18n.ts';
import type { NoCameraReason } from './camera-problem.ts';

/** Minutes the camera stays on without finding a code. */
export const IDLE_MINUTES = 2;

/**
 * What the camera page is doing, shown on `camera-status` as `data-state` (CONTRACT.md: `starting`,
 * `live`, `denied`, `no-camera`, `done`; this page adds `paused`) and `data-reason` (why there is no
 * camera, or why it was paused).
 */
export type CameraView =
  | { state: 'starting' }
  | { state: 'live' }
  | { state: 'denied' }
  | { state: 'no-camera'; reason: NoCameraReason }
  /** The camera was turned off: 2 minutes without a code, or the tab went to the background. */
  | { state: 'paused'; reason: 'timeout' | 'hidden' }
  | { state: 'done' };

/** The sentence for each view. The denied one says how to allow the camera in this very browser. */
function sentence(view: CameraView): string {
  switch (view.state) {
    case 'starting':
      return t('cameraStarting');
    case 'live':
      return t('cameraLive');
    case 'denied':
      return t(`cameraDenied_${__BROWSER__}`);
    case 'no-camera':
      return {
        none: t('cameraNone'),
        'in-use': t('cameraInUse'),
        ended: t('cameraEnded'),
        unsupported: t('cameraUnsupported'),
      }[view.reason];
    case 'paused':
      return view.reason === 'timeout'
        ? tCount('cameraPausedTimeout', IDLE_MINUTES)
        : t('cameraPausedHidden');
    case 'done':
      return t('cameraDone');
  }
}

/** The `camera-status` element: state, sentence and the one button that fits it. */
export class CameraStatus {
  private readonly message: HTMLElement | null;
  private readonly buttons: Record<'retry' | 'resume' | 'again', HTMLElement | null>;

  constructor(private readonly root: HTMLElement) {
    this.message = root.querySelector('[data-testid="camera-message"]');
    this.buttons = {
      retry: root.querySelector('[data-testid="camera-retry"]'),
      resume: root.querySelector('[data-testid="camera-resume"]'),
      again: root.querySelector('[data-testid="camera-again"]'),
    };
  }

  get state(): CameraView['state'] {
    return this.root.dataset.state as CameraView['state'];
  }

  show(view: CameraView): void {
    this.root.dataset.state = view.state;
    if ('reason' in view) this.root.dataset.reason = view.reason;
    else delete this.root.dataset.reason;
    if (this.message) this.message.textContent = sentence(view);
    const visible = {
      retry: view.state === 'denied' || view.state === 'no-camera',
      resume: view.state === 'paused',
      again: view.state === 'done',
    };
    for (const [name, button] of Object.entries(this.buttons)) {
      if (button) button.hidden = !visible[name as keyof typeof visible];
    }
  }
}
