import browser from '../shared/browser.ts';

export const ONBOARDING_PAGE = 'onboarding.html';

/** Opens the onboarding page once, right after the extension is installed (not on updates). */
export function registerOnboarding(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    browser.tabs
      .create({ url: browser.runtime.getURL(ONBOARDING_PAGE) })
      .catch((error: unknown) => console.warn('QR Key Reader: could not open the welcome page', error));
  });
}
