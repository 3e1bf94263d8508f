/** Set by build.mjs: the browser this bundle is built for. Only the background's decoder choice reads it. */
declare const __BROWSER__: 'chrome' | 'firefox';
