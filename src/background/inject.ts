import { callGrab } from '../grab/call-grab.ts';
import type { GrabApi } from '../grab/index.ts';
import browser from '../shared/browser.ts';

/** The file build.mjs bundles from src/grab/index.ts. */
const GRAB_FILE = 'grab.js';

type EntryPoint = keyof GrabApi;

/**
 * Runs one of grab.js's entry points in a frame of the tab and returns its (untrusted, JSON) answer.
 * Two injections: the bundle (a file, so the grab is ordinary modular code), then a one-line function that
 * calls it with arguments. Throws when the browser refuses to inject (protected page, cross-origin frame
 * that `activeTab` does not cover).
 */
export async function runGrab<K extends EntryPoint>(
  tabId: number,
  frameId: number,
  entry: K,
  args: Parameters<GrabApi[K]>,
): Promise<unknown> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, files: [GRAB_FILE] });
  const [injection] = await browser.scripting.executeScript({
    target,
    func: callGrab,
    args: [entry, args],
  });
  return injection?.result;
}
