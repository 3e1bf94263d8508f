import type { Page } from 'puppeteer-core';

/**
 * What a page mounting the result view (`popup.html`) shows, read by the test ids of CONTRACT.md (also
 * inside open shadow roots). Fields hold what a person sees: `textContent`, trimmed; warnings and the error
 * message count only when visible.
 */
export interface ResultEntry {
  kind: string;
  text?: string;
  issuer?: string;
  account?: string;
  secret?: string;
  type?: string;
  algorithm?: string;
  digits?: string;
  period?: string;
  counter?: string;
  code?: string;
  warnings: string[];
  /** The tag names of every element inside the entry (to prove decoded text made none). */
  tags: string[];
}

export interface ResultSnapshot {
  state: string;
  error?: string;
  entries: ResultEntry[];
  /** Visible headings inside the result (e.g. "Code 1 of 2 of this export"). */
  headings: string[];
  /** The result's visible text, as a person reads it (`innerText`). */
  text: string;
}

const FIELDS = [
  'text',
  'issuer',
  'account',
  'secret',
  'type',
  'algorithm',
  'digits',
  'period',
  'counter',
  'code',
] as const;

/** A page-side expression (a string: no transpiler can rewrite it) that evaluates to a ResultSnapshot. */
export const SNAPSHOT = `(() => {
  const all = (root, selector) => {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(el.shadowRoot, selector));
    return found;
  };
  const id = (name) => '[data-testid="' + name + '"]';
  const visible = (el) => el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
  const text = (el) => (el.textContent || '').trim();
  const result = all(document, id('result'))[0];
  if (!result) return { state: 'missing', entries: [], headings: [], text: '' };
  const snapshot = {
    state: result.getAttribute('data-state') || '',
    entries: [],
    headings: all(result, 'h1, h2, h3').filter(visible).map(text),
    text: result.innerText,
  };
  const error = all(result, id('error-message')).find(visible);
  if (error && text(error)) snapshot.error = text(error);
  for (const entry of all(result, id('entry'))) {
    const read = {
      kind: entry.getAttribute('data-kind') || '',
      warnings: all(entry, id('warning')).filter(visible).map(text),
      tags: [...new Set(all(entry, '*').map((el) => el.localName))],
    };
    for (const field of ${JSON.stringify(FIELDS)}) {
      const el = all(entry, id(field))[0];
      if (el) read[field] = text(el);
    }
    snapshot.entries.push(read);
  }
  return snapshot;
})()`;

export function readResult(page: Page): Promise<ResultSnapshot> {
  return page.evaluate(SNAPSHOT) as Promise<ResultSnapshot>;
}

/**
 * Waits until the page has drawn the stored scan and the result's `data-state` is one of `states` (an
 * event-driven wait in the page: a MutationObserver, no polling interval), then reads it.
 */
export async function waitForResult(
  page: Page,
  states: readonly string[] = ['done', 'error'],
  timeoutMs = 20_000,
): Promise<ResultSnapshot> {
  // Not before the page's first draw of the stored scan (the result is `aria-busy` until then).
  await page.waitForFunction(
    `(() => {
      const result = document.querySelector('[data-testid="result"]');
      return !!result && result.getAttribute('aria-busy') !== 'true' &&
        ${JSON.stringify(states)}.includes(result.getAttribute('data-state'));
    })()`,
    { polling: 'mutation', timeout: timeoutMs },
  );
  return readResult(page);
}
