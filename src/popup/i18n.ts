import browser from '../shared/browser.ts';

/** A translated string from `_locales` (`browser.i18n`), with `$1…` substitutions. */
export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Whether `_locales` holds a message named `key`. */
export function hasMessage(key: string): boolean {
  return browser.i18n.getMessage(key) !== '';
}

/**
 * Fills every `[data-i18n]` element's text, and every `[data-i18n-<attribute>]` element's attribute
 * (`data-i18n-aria-label="key"` sets `aria-label`), from `_locales`.
 */
export function translatePage(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (name === 'data-i18n') element.textContent = t(value);
      else if (name.startsWith('data-i18n-')) element.setAttribute(name.slice('data-i18n-'.length), t(value));
    }
  }
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.documentElement.dir = t('@@bidi_dir');
}
