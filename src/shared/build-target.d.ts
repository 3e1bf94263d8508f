/**
 * Set by build.mjs: the browser this bundle is built for. The background's decoder choice and the
 * sentences that name a browser's own settings (camera permission, shortcut settings) read it.
 */
declare const __BROWSER__: 'chrome' | 'firefox';
