import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineFileOutcomes } from './files-outcome.ts';

const code = (text: string) => ({ text });

test('one file is its own outcome, as before several files could be chosen', () => {
  assert.deepEqual(
    combineFileOutcomes([{ name: 'a.png', outcome: { ok: false, error: 'no-qr-in-image' } }]),
    {
      ok: false,
      error: 'no-qr-in-image',
    },
  );
  assert.deepEqual(combineFileOutcomes([{ name: 'a.png', outcome: { ok: true, codes: [code('x')] } }]), {
    ok: true,
    codes: [code('x')],
  });
});

test('several files: every code in file order, a line for each file without one', () => {
  const outcome = combineFileOutcomes([
    { name: '3.png', outcome: { ok: true, codes: [code('c'), code('d')] } },
    { name: 'blank.png', outcome: { ok: false, error: 'no-qr-in-image' } },
    { name: '1.png', outcome: { ok: true, codes: [code('a')] } },
    { name: 'notes.txt', outcome: { ok: false, error: 'image-unreadable' } },
  ]);
  assert.deepEqual(outcome, {
    ok: true,
    codes: [code('c'), code('d'), code('a')],
    fileErrors: [
      { name: 'blank.png', error: 'no-qr-in-image' },
      { name: 'notes.txt', error: 'image-unreadable' },
    ],
  });
});

test('several files and not one code: an error that names each file and why', () => {
  assert.deepEqual(
    combineFileOutcomes([
      { name: 'a.png', outcome: { ok: false, error: 'no-qr-in-image' } },
      { name: 'b.png', outcome: { ok: false, error: 'image-too-large' } },
    ]),
    {
      ok: false,
      error: 'no-qr-in-files',
      fileErrors: [
        { name: 'a.png', error: 'no-qr-in-image' },
        { name: 'b.png', error: 'image-too-large' },
      ],
    },
  );
});

test('several files that all read give no file errors at all', () => {
  const outcome = combineFileOutcomes([
    { name: 'a.png', outcome: { ok: true, codes: [code('a')] } },
    { name: 'b.png', outcome: { ok: true, codes: [code('b')] } },
  ]);
  assert.deepEqual(outcome, { ok: true, codes: [code('a'), code('b')] });
});
