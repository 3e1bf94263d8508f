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
 * The language of the messages the browser picked (each `_locales/<lang>` names itself in `uiLocale`), as a
 * BCP 47 tag for `Intl`: the browser's own `getUILanguage()` does not always follow `--lang`.
 */
export function uiLanguage(): string {
  const own = browser.i18n.getMessage('uiLocale');
  return (own || browser.i18n.getUILanguage()).replace(/_/g, '-');
}

/** The formatters of this page's language, made once: a first one took 18–27 ms in a browser just started. */
const formats = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();

function format<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(
  kind: string,
  make: (language: string) => T,
): T {
  const language = uiLanguage();
  const key = `${kind}:${language}`;
  let found = formats.get(key) as T | undefined;
  if (!found) {
    found = make(language);
    formats.set(key, found);
  }
  return found;
}

const pluralRules = () => format('plural', (language) => new Intl.PluralRules(language));
const numbers = () => format('number', (language) => new Intl.NumberFormat(language));
const times = () =>
  format('time', (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }));

/**
 * Makes the formatters a result uses (a page calls this after its first frame, while it waits for a scan),
 * so drawing the first result does not wait for the browser's locale data.
 */
export function prepareFormats(): void {
  pluralRules();
  numbers();
  times();
}

/**
 * A sentence that shows a count, in the plural form the language needs: the message `<base>_<category>`
 * (`one`, `few`, `many`, `other`… from `Intl.PluralRules`), falling back to `<base>_other`. `$1` is the
 * count, formatted for the language; `more` fill `$2`, `$3`…
 */
export function tCount(base: string, count: number, ...more: string[]): string {
  const category = pluralRules().select(count);
  const key = hasMessage(`${base}_${category}`) ? `${base}_${category}` : `${base}_other`;
  return t(key, formatNumber(count), ...more);
}

/** A number as the UI language writes it (`Intl.NumberFormat`). */
export function formatNumber(value: number): string {
  return numbers().format(value);
}

/** A time of day (hours and minutes) as the UI language writes it (`Intl.DateTimeFormat`). */
export function formatTime(epochMs: number): string {
  return times().format(epochMs);
}

/**
 * Fills every `[data-i18n]` element's text, and every `[data-i18n-<attribute>]` element's attribute
 * (`data-i18n-aria-label` sets `aria-label`), from `_locales`; sets the page's language and direction.
 */
export function translatePage(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (name === 'data-i18n') element.textContent = t(value);
      else if (name.startsWith('data-i18n-')) element.setAttribute(name.slice('data-i18n-'.length), t(value));
    }
  }
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = t('@@bidi_dir');
}
