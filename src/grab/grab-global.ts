/** The name under which grab.js exposes its entry points in the extension's isolated world. */
export const GRAB_GLOBAL = '__qrKeyReaderGrab';
