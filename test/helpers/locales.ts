/** Reads `_locales/` for the locale tests: every language the extension ships, its messages and plural forms. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type MessageFile = Record<string, { message: string; description?: string }>;

/** Every language in `_locales/`, English first. */
export const LOCALES: readonly string[] = [
  'en',
  ...readdirSync('_locales')
    .filter((name) => name !== 'en')
    .sort(),
];

export function localeFiles(lang: string): string[] {
  return readdirSync(join('_locales', lang))
    .filter((file) => file.endsWith('.json'))
    .sort();
}

export function localeFile(lang: string, file: string): MessageFile {
  return JSON.parse(readFileSync(join('_locales', lang, file), 'utf8')) as MessageFile;
}

/** Every message of a language, all its files merged (as build.mjs merges them). */
export function localeMessages(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of localeFiles(lang)) {
    for (const [key, { message }] of Object.entries(localeFile(lang, file))) all.set(key, message);
  }
  return all;
}

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;

/** The plural families English defines: a base name with an `_other` form (`secondsLeft_other`…). */
export function pluralFamilies(english: Map<string, string>): Set<string> {
  const families = new Set<string>();
  for (const key of english.keys()) {
    const match = PLURAL_FORM.exec(key);
    if (match?.[2] === 'other') families.add(match[1] ?? '');
  }
  return families;
}

/** The family a key is a form of (`secondsLeft_few` → `secondsLeft`), if it is one of `families`. */
export function familyOf(key: string, families: Set<string>): string | undefined {
  const match = PLURAL_FORM.exec(key);
  return match && families.has(match[1] ?? '') ? match[1] : undefined;
}

/** BCP 47 tag of a `_locales` folder name (`pt_BR` → `pt-BR`). */
export const tagOf = (lang: string): string => lang.replace(/_/g, '-');

/** The plural categories a language uses for whole counts from 0 to 1000 (the counts this UI shows). */
export function wholeNumberCategories(lang: string): Set<string> {
  const rules = new Intl.PluralRules(tagOf(lang));
  const used = new Set<string>();
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n));
  return used;
}

/** The `$n` placeholders a message uses, sorted (`$1,$2`). */
export function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$\d/g) ?? [])].sort();
}
