/** The `commands` entry of manifest.json: "Scan this page for QR codes", the page scan of the menu. */
export const SCAN_PAGE_COMMAND = 'scan-qr-page';
