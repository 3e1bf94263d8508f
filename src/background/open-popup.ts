import browser from '../shared/browser.ts';

/**
 * Shows the result: the toolbar popup where the browser allows opening it, otherwise a small popup window.
 * Called synchronously inside the menu click so the browser still sees the person's gesture.
 */
export function openResultPopup(): void {
  browser.action
    .openPopup()
    .catch(() =>
      browser.windows
        .create({ url: browser.runtime.getURL('popup.html'), type: 'popup', width: 420, height: 640 })
        .catch((error: unknown) => console.warn('QR Key Reader: could not open the result window', error)),
    );
}
