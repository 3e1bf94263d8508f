import { callGrab, GRAB_MISSING } from '../grab/call-grab.ts';
import type { GrabApi } from '../grab/index.ts';
import browser from '../shared/browser.ts';
import { markStage } from '../shared/stage-marks.ts';

/** The file build.mjs bundles from src/grab/index.ts. */
const GRAB_FILE = 'grab.js';

type EntryPoint = keyof GrabApi;

/**
 * Runs one of grab.js's entry points in a frame of the tab and returns its (untrusted, JSON) answer.
 * Two injections: the bundle as a file (so the grab is ordinary modular code), then a one-line function
 * that calls it with arguments. (Sending both at once was measured: on a page's first scan the function
 * usually runs before the file has loaded, which costs a third injection.) Throws when the browser
 * refuses to inject (protected page, cross-origin frame `activeTab` does not cover).
 */
export async function runGrab<K extends EntryPoint>(
  tabId: number,
  frameId: number,
  entry: K,
  args: Parameters<GrabApi[K]>,
): Promise<unknown> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, files: [GRAB_FILE], injectImmediately: true });
  markStage('grab-injected');
  const [injection] = await browser.scripting.executeScript({
    target,
    func: callGrab,
    args: [entry, args],
    injectImmediately: true,
  });
  markStage('grabbed');
  if (injection?.result === GRAB_MISSING) throw new Error('grab.js did not load');
  return injection?.result;
}
