import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/**
 * A cheap guard beside the e2e proofs: the shipped source never parses strings as HTML or code, and never
 * opens a network connection. A justified exception goes into ALLOWED with its reason.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-helpers' ? [] : sources(path);
    return /\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const HTML_SINKS = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\.write(ln)?\b/,
  /\bcreateContextualFragment\b/,
  /\bDOMParser\b/,
  /\bsrcdoc\b/,
];
const CODE_SINKS = [/\beval\(/, /\bnew Function\(/, /\bset(Timeout|Interval)\(\s*['"`]/];
const NETWORK = [
  /\bfetch\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\bimportScripts\(/,
  /\bRTCPeerConnection\b/,
  /\bwindow\.open\(/,
  /\blocation\.(assign|replace)\(/,
  /\blocation(\.href)?\s*=(?!=)/,
  /https?:\/\/(?!www\.w3\.org\/)/,
];

/** `path: pattern source` → why it is fine. */
const ALLOWED: Record<string, string> = {};

test('src/ parses no string as HTML or code and opens no network connection', () => {
  const files = sources('src');
  assert.ok(files.length > 20, 'the scan sees the sources');
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const pattern of [...HTML_SINKS, ...CODE_SINKS, ...NETWORK]) {
        const key = `${file}: ${pattern.source}`;
        if (pattern.test(line) && !(key in ALLOWED)) found.push(`${file}:${index + 1}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(found, []);
});
