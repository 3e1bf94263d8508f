/**
 * The extension's own pages (the onboarding page's practice QR code) cannot be scripted, not even by the
 * extension, but they can be captured: a right-click on an image there is read as a scan of what is
 * visible, which shows the same code.
 */
export function readOwnPageAsPageScan<T extends { menuItemId: string | number; pageUrl?: string }>(
  info: T,
  extensionOrigin: string,
  readImageId: string,
  scanPageId: string,
): T {
  if (info.menuItemId !== readImageId || !info.pageUrl?.startsWith(`${extensionOrigin}/`)) return info;
  return { ...info, menuItemId: scanPageId };
}
