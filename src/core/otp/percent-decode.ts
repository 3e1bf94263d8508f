/** Runs of `%XX` escapes: decoded together so multi-byte UTF-8 sequences come out as one character. */
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

// ignoreBOM: a decoded U+FEFF stays in the text, as with decodeURIComponent.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The length of the well-formed UTF-8 character starting at `at` (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0 when the byte there starts none.
 */
function utf8CharLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  if (at + length > bytes.length) return 0;
  const second = bytes[at + 1] ?? 0;
  if (second < min || second > max) return 0;
  for (let index = at + 2; index < at + length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/**
 * Decodes one run of escapes as UTF-8; each escape that starts no well-formed character is kept as
 * written. Linear in the run's length, no exceptions.
 */
function decodeRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
  }
  let out = '';
  let spanStart = 0;
  let at = 0;
  while (at < bytes.length) {
    const length = utf8CharLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    out += utf8.decode(bytes.subarray(spanStart, at)) + run.slice(at * 3, at * 3 + 3);
    at += 1;
    spanStart = at;
  }
  return out + utf8.decode(bytes.subarray(spanStart, at));
}

/**
 * Percent-decoding as RFC 3986 means it (UTF-8, `+` stays `+`), that never throws: an escape that is not
 * part of valid UTF-8, or a lone `%`, is kept as written (`100%` stays `100%`).
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(ESCAPE_RUN, decodeRun);
}
