/**
 * What the tests and the benchmark watch on the camera page, from outside the extension: an init script
 * (Playwright's `addInitScript`, in the page before its own script) records the streams getUserMedia hands
 * out, counts the frames the page sends to its decoder worker and the answers, and notes when
 * `camera-status` changes state. The extension itself has no test hook.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface CameraProbe {
  /** Every stream getUserMedia gave the page, as its video tracks' `readyState`. */
  tracks: ('live' | 'ended')[];
  /** `decode-pixels` requests posted to a worker, with their sizes, and answers received. */
  sent: { width: number; height: number; at: number }[];
  /** Codes found by each answer (0 also for a quick decode that ran out of its first pass). */
  answered: { found: number; at: number }[];
  /** `camera-status` `data-state` changes, with `performance.now()` times. */
  states: { state: string; at: number }[];
}

/** Installs the probe in every page of the context (run before the camera page opens). */
export async function installCameraProbe(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx's helpers do not exist inside the page.
  await context.addInitScript(`(() => {
    const probe = { streams: [], sent: [], answered: [], states: [] };
    globalThis.__cameraProbe = probe;
    const media = navigator.mediaDevices;
    if (media && media.getUserMedia) {
      const original = media.getUserMedia.bind(media);
      media.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        probe.streams.push(stream);
        return stream;
      };
    }
    const NativeWorker = globalThis.Worker;
    if (NativeWorker) {
      globalThis.Worker = class extends NativeWorker {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (event) => {
            const result = event.data && event.data.result;
            probe.answered.push({ found: result && result.ok ? result.codes.length : 0, at: performance.now() });
          });
        }
        postMessage(message, transfer) {
          if (message && message.type === 'decode-pixels') {
            probe.sent.push({ width: message.pixels.width, height: message.pixels.height, at: performance.now() });
          }
          return super.postMessage(message, transfer);
        }
      };
    }
    // From the document's start, before the page's own script runs: every state camera-status takes
    // (the same state set twice in a row counts once).
    const note = (status) => {
      const state = status.getAttribute('data-state');
      if (probe.states[probe.states.length - 1]?.state !== state) probe.states.push({ state, at: performance.now() });
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.target.getAttribute?.('data-testid') === 'camera-status') note(record.target);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  })();`);
}

/** What the probe has seen so far. */
export function readProbe(page: Page): Promise<CameraProbe> {
  return page.evaluate(() => {
    const probe = (
      globalThis as unknown as {
        __cameraProbe: {
          streams: MediaStream[];
          sent: CameraProbe['sent'];
          answered: CameraProbe['answered'];
          states: CameraProbe['states'];
        };
      }
    ).__cameraProbe;
    return {
      tracks: probe.streams.flatMap((s) => s.getVideoTracks().map((t) => t.readyState)),
      sent: probe.sent,
      answered: probe.answered,
      states: probe.states,
    };
  });
}

/** True when the page holds no picture: no stream on the video, every canvas emptied to nothing. */
export function holdsNoPicture(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const video = document.querySelector('video');
    const canvases = Array.from(document.querySelectorAll('canvas'));
    return (video?.srcObject ?? null) === null && canvases.every((c) => c.width * c.height === 0);
  });
}
