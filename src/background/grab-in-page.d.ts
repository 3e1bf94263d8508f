/**
 * The grab bundle (src/grab/index.ts) as one self-contained function, made by build.mjs: it runs the entry
 * point `entry` of `grabApi` with `args` in the frame `scripting.executeScript` injects it into. Typed by
 * its callers (src/background/inject.ts) through `GrabApi`.
 */
declare module 'grab-in-page' {
  export function grabInPage(entry: string, args: unknown[]): unknown;
}
