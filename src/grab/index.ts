import { collectPage } from './collect-page.ts';
import { GRAB_GLOBAL } from './grab-global.ts';
import { grabImage } from './grab-image.ts';
import { locateFrame } from './locate-frame.ts';

/**
 * The grab bundle (`grab.js`), injected with `scripting.executeScript({ files })` into the frame to read.
 * It lives in the extension's isolated world (the page cannot see or change it) and exposes its entry
 * points there for the `func` the background injects next (see background/inject.ts).
 */
export const grabApi = { grabImage, collectPage, locateFrame };

export type GrabApi = typeof grabApi;

(globalThis as unknown as Record<string, GrabApi>)[GRAB_GLOBAL] = grabApi;
