/** Runs of `%XX` escapes: decoded together so multi-byte UTF-8 sequences come out as one character. */
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

function tryDecode(escapes: string): string | undefined {
  try {
    return decodeURIComponent(escapes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes one run of escapes. When the run is not valid UTF-8 as a whole, it goes character by
 * character (a UTF-8 character is 1 to 4 escapes), keeping each escape that starts no valid character
 * as written. Linear in the run's length.
 */
function decodeRun(run: string): string {
  const whole = tryDecode(run);
  if (whole !== undefined) return whole;
  let out = '';
  let at = 0;
  while (at < run.length) {
    let decoded: string | undefined;
    let used = 3;
    for (let count = 1; count <= 4 && at + count * 3 <= run.length; count++) {
      decoded = tryDecode(run.slice(at, at + count * 3));
      if (decoded !== undefined) {
        used = count * 3;
        break;
      }
    }
    out += decoded ?? run.slice(at, at + 3);
    at += used;
  }
  return out;
}

/**
 * Percent-decoding as RFC 3986 means it (UTF-8, `+` stays `+`), that never throws: an escape that is not
 * part of valid UTF-8, or a lone `%`, is kept as written (`100%` stays `100%`).
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(ESCAPE_RUN, decodeRun);
}
