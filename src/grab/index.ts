import { collectPage } from './collect-page.ts';
import { grabImage } from './grab-image.ts';
import { locateFrame } from './locate-frame.ts';

/**
 * The page side of a scan. build.mjs bundles this file into the body of one function, `grabInPage`, that
 * the background injects with `scripting.executeScript({ func, args })` into the frame to read (one
 * injection, see background/inject.ts). It runs in the extension's isolated world: the page can neither see
 * nor change it, and it leaves nothing behind.
 */
export const grabApi = { grabImage, collectPage, locateFrame };

export type GrabApi = typeof grabApi;
