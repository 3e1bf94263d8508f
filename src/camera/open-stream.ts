/** The picture asked of the camera: HD where it has it; a back camera where there is one (tablets). */
const PICTURE: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
};

function constraintsFor(deviceId: string | undefined): MediaStreamConstraints {
  const video: MediaTrackConstraints = deviceId
    ? { ...PICTURE, deviceId: { exact: deviceId } }
    : { ...PICTURE, facingMode: 'environment' };
  return { video, audio: false };
}

const isMissingDevice = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'OverconstrainedError' || name === 'NotFoundError';
};

/**
 * Asks the browser for the camera (it asks the person the first time). `deviceId` is the camera chosen
 * earlier in this browser session; when it is gone (unplugged), any camera will do. Rejects with the
 * browser's DOMException (see `cameraProblemOf`), or a TypeError where there is no camera API at all.
 */
export async function openStream(deviceId: string | undefined): Promise<MediaStream> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) throw new TypeError('navigator.mediaDevices.getUserMedia is not available');
  try {
    return await media.getUserMedia(constraintsFor(deviceId));
  } catch (error) {
    if (deviceId && isMissingDevice(error)) return media.getUserMedia(constraintsFor(undefined));
    throw error;
  }
}

/** Stops every track: the camera's light goes off at once. */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
