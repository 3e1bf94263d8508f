import type { ScanErrorCode } from '../shared/scan-state.ts';

/**
 * Why the browser would not let the extension read a page, from its address. Pure: unit-tested in Node.
 * Only consulted after an injection or capture was refused, so an address that looks protected but is
 * readable is still read.
 */

/** Hosts both browsers keep from every extension (Chrome's Web Store; Firefox's restricted domains). */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'addons.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'accounts.firefox.com',
  'accounts-static.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'install.mozilla.org',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/** Chrome's built-in PDF viewer is an extension page of its own. */
const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

export type ProtectedReason = Extract<
  ScanErrorCode,
  'protected-page' | 'store-page' | 'extension-page' | 'pdf-viewer' | 'file-access-needed'
>;

export function protectedReason(pageUrl: string | undefined, fileAccessAllowed: boolean): ProtectedReason {
  if (!pageUrl) return 'protected-page';
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return 'protected-page';
  }
  const scheme = url.protocol;
  if (scheme === 'file:') {
    if (isPdf(url)) return 'pdf-viewer';
    return fileAccessAllowed ? 'protected-page' : 'file-access-needed';
  }
  if (scheme === 'chrome-extension:' && url.host === PDF_VIEWER_ID) return 'pdf-viewer';
  if (scheme === 'chrome-extension:' || scheme === 'moz-extension:' || scheme === 'extension:')
    return 'extension-page';
  if (scheme === 'http:' || scheme === 'https:') {
    if (STORE_HOSTS.has(url.hostname)) return 'store-page';
    if (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore')) return 'store-page';
    if (isPdf(url)) return 'pdf-viewer';
  }
  return 'protected-page';
}

function isPdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname);
}
