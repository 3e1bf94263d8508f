import browser from '../shared/browser.ts';
import { type ProtectedReason, protectedReason } from './protected-page.ts';

/** Why the browser refused to let the extension read the page at `pageUrl`, as a scan error. */
export async function refusal(pageUrl: string | undefined): Promise<ProtectedReason> {
  const fileAccess = pageUrl?.startsWith('file:')
    ? await browser.extension.isAllowedFileSchemeAccess().catch(() => false)
    : false;
  return protectedReason(pageUrl, fileAccess);
}
