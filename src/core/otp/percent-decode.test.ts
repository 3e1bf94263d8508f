import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentDecode } from './percent-decode.ts';

const CASES: Array<[string, string, string]> = [
  ['no escapes', 'plain text', 'plain text'],
  ['ASCII escapes', 'a%20b%3Ac%2F', 'a b:c/'],
  ['lowercase hex', '%c3%a4', 'ä'],
  ['UTF-8 (two bytes)', '%C3%84pfel', 'Äpfel'],
  ['UTF-8 (four bytes)', '%F0%9F%91%8D', '👍'],
  ['+ stays + (RFC 3986, not a form)', 'a+b', 'a+b'],
  ['a lone %', '100%', '100%'],
  ['% followed by no hex', '%zz%2', '%zz%2'],
  ['a byte that is not UTF-8, kept; the rest decoded', '%FF%41%C3%A4', '%FFAä'],
  ['a UTF-8 sequence cut short, kept', '%E0%A4%41', '%E0%A4A'],
  ['an encoded surrogate (not UTF-8), kept', '%ED%A0%80', '%ED%A0%80'],
  ['escaped %', '%25C3%25A4', '%C3%A4'],
];

for (const [what, input, output] of CASES) {
  test(`percentDecode: ${what}`, () => assert.equal(percentDecode(input), output));
}

test('percentDecode: a long run of invalid escapes is linear, not quadratic (10,000 escapes)', () => {
  const input = '%FF'.repeat(10_000);
  assert.equal(percentDecode(input), input);
});
