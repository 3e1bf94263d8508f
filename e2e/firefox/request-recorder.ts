import type { FirefoxExtension } from './driver.ts';

/**
 * Every HTTP(S) request Firefox makes, seen in the parent process (`http-on-modify-request`, which every
 * process's requests pass through), with who caused it: the principal that triggered it and the document
 * it loads into. A request of the extension's own has its `moz-extension://` origin in one of them.
 */
export interface SeenRequest {
  url: string;
  triggeringOrigin: string;
  loadingOrigin: string;
}

const KEY = '__qrkrRequests';

export async function startRecording(firefox: FirefoxExtension): Promise<void> {
  await firefox.chrome<boolean>(`
    if (window.${KEY}) Services.obs.removeObserver(window.${KEY}.observer, 'http-on-modify-request');
    const seen = [];
    const observer = {
      observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const info = channel.loadInfo;
        seen.push({
          url: channel.URI.spec,
          triggeringOrigin: info?.triggeringPrincipal?.origin ?? '',
          loadingOrigin: info?.loadingPrincipal?.origin ?? '',
        });
      },
    };
    Services.obs.addObserver(observer, 'http-on-modify-request');
    window.${KEY} = { observer, seen };
    return true;`);
}

export function recorded(firefox: FirefoxExtension): Promise<SeenRequest[]> {
  return firefox.chrome<SeenRequest[]>(`return window.${KEY}?.seen ?? [];`);
}

export async function stopRecording(firefox: FirefoxExtension): Promise<SeenRequest[]> {
  return firefox.chrome<SeenRequest[]>(`
    const recording = window.${KEY};
    if (!recording) return [];
    Services.obs.removeObserver(recording.observer, 'http-on-modify-request');
    delete window.${KEY};
    return recording.seen;`);
}

/** The requests the extension caused (its own origin triggered them or loads them). */
export function byExtension(requests: SeenRequest[], origin: string): SeenRequest[] {
  return requests.filter((r) => r.triggeringOrigin.startsWith(origin) || r.loadingOrigin.startsWith(origin));
}
