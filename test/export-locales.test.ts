/**
 * The sentences of the export notes (src/core/export): every note code has one in every locale under the
 * key the popup looks up, using exactly the three substitutions its params fill.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportNoteMessageKey } from '../src/core/export/message-keys.ts';
import { EXPORT_NOTE_CODES } from '../src/core/export/types.ts';

const substitutions = (message: string): string[] => [...new Set(message.match(/\$\d/g) ?? [])].sort();

for (const language of readdirSync('_locales')) {
  test(`${language}: one sentence per export note code, with $1 (name), $2 (app) and $3`, () => {
    const table = JSON.parse(readFileSync(join('_locales', language, 'export-notes.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    assert.deepEqual(Object.keys(table).sort(), EXPORT_NOTE_CODES.map(exportNoteMessageKey).sort());
    for (const code of EXPORT_NOTE_CODES) {
      const message = table[exportNoteMessageKey(code)]?.message ?? '';
      assert.ok(message.length > 40, `${language} ${code} is a sentence`);
      assert.deepEqual(substitutions(message), ['$1', '$2', '$3'], `${language} ${code}`);
    }
  });
}
