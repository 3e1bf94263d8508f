import browser from '../shared/browser.ts';
import { t } from '../ui/i18n.ts';

/**
 * Which camera the person chose, remembered for this browser session only (`storage.session`, memory):
 * a device id is no secret, but nothing about the camera outlives the session.
 */
const CAMERA_KEY = 'cameraDeviceId';

export async function rememberedCamera(): Promise<string | undefined> {
  const stored = (await browser.storage.session.get(CAMERA_KEY))[CAMERA_KEY];
  return typeof stored === 'string' && stored !== '' ? stored : undefined;
}

export function rememberCamera(deviceId: string): Promise<void> {
  return browser.storage.session.set({ [CAMERA_KEY]: deviceId });
}

export interface Camera {
  deviceId: string;
  label: string;
}

/** The cameras the browser lists (names only once the camera was allowed). */
export async function listCameras(): Promise<Camera[]> {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return devices
    .filter((device) => device.kind === 'videoinput' && device.deviceId !== '')
    .map((device, index) => ({
      deviceId: device.deviceId,
      label: device.label || t('cameraNumber', String(index + 1)),
    }));
}

/**
 * Fills the camera `<select>` and shows its label only when there is a choice to make (two or more
 * cameras); `current` is the camera in use.
 */
export function showCameraChoice(
  container: HTMLElement,
  select: HTMLSelectElement,
  cameras: Camera[],
  current: string | undefined,
): void {
  container.hidden = cameras.length < 2;
  select.replaceChildren(
    ...cameras.map((camera) => {
      const option = document.createElement('option');
      option.value = camera.deviceId;
      option.textContent = camera.label;
      return option;
    }),
  );
  if (current && cameras.some((camera) => camera.deviceId === current)) select.value = current;
}
