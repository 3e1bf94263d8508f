import browser from '../shared/browser.ts';

/** A translated string from `_locales` (`browser.i18n`), with `$1…` substitutions. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Fills every `[data-i18n]` element's text from `_locales`. */
export function translatePage(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n;
    if (key) element.textContent = t(key);
  }
  document.documentElement.lang = browser.i18n.getUILanguage();
}
