const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every lone UTF-16 surrogate replaced by U+FFFD, so it can be percent-encoded
 * (`encodeURIComponent` throws on lone surrogates) and shown as it will be stored by apps.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
