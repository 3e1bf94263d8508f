/**
 * Why the camera cannot be used, as the page shows it: `denied` (the person or the browser refused the
 * permission) is a state of its own; the others are kinds of `no-camera`, told apart by `data-reason`.
 */
export type CameraProblem = { state: 'denied' } | { state: 'no-camera'; reason: NoCameraReason };

export type NoCameraReason =
  /** No camera is connected (or it is turned off). */
  | 'none'
  /** Another program holds the camera, or the system refused to start it. */
  | 'in-use'
  /** The camera stopped while it was in use (unplugged, taken by another program). */
  | 'ended'
  /** This browser gives extension pages no camera API. */
  | 'unsupported';

/** Maps what `getUserMedia` rejected with (a DOMException, by its name) onto what the page tells. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return { state: 'denied' };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return { state: 'no-camera', reason: 'none' };
    case 'TypeError':
      return { state: 'no-camera', reason: 'unsupported' };
    default:
      // NotReadableError, TrackStartError, AbortError and anything unforeseen: the camera is there but
      // would not start, which is what a camera held by another program looks like.
      return { state: 'no-camera', reason: 'in-use' };
  }
}
