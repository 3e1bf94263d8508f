/** The one place the WebExtension API is imported: promise-based `browser.*` in Chrome and Firefox alike. */
import browser from 'webextension-polyfill';

export default browser;
