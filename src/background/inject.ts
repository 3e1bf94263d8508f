import { grabInPage } from 'grab-in-page';
import type { GrabApi } from '../grab/index.ts';
import browser from '../shared/browser.ts';
import { markStage } from '../shared/stage-marks.ts';

type EntryPoint = keyof GrabApi;

/**
 * Runs one of the grab's entry points in a frame of the tab and returns its (untrusted, JSON) answer. One
 * injection: the whole grab bundle is the injected function (build.mjs makes it from src/grab), so the page
 * side stays ordinary modular code and costs one round trip to the page, not two (a file, then a call).
 * Throws when the browser refuses to inject (protected page, cross-origin frame `activeTab` does not cover).
 */
export async function runGrab<K extends EntryPoint>(
  tabId: number,
  frameId: number,
  entry: K,
  args: Parameters<GrabApi[K]>,
): Promise<unknown> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: grabInPage,
    args: [entry, args],
    injectImmediately: true,
  });
  markStage('grabbed');
  return injection?.result;
}
