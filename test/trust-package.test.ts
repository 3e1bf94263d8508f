import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { fixedDate, zipExtension } from '../scripts/package.mjs';

/** `npm run package` must give byte-identical zips from the same commit, whatever the files' mtimes. */

const TARGETS = ['chrome', 'firefox'] as const;
let scratch = '';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A copy of dist/<target> whose files all carry the given modification time. */
async function copyWithMtime(target: string, name: string, mtime: Date): Promise<string> {
  const dir = join(scratch, name);
  await cp(join('dist', target), dir, { recursive: true });
  for (const file of await filesUnder(dir)) await utimes(join(dir, file), mtime, mtime);
  return dir;
}

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'qrkr-package-test-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

for (const target of TARGETS) {
  test(`the ${target} zip holds exactly dist/${target}, sorted, with one fixed timestamp, whatever the mtimes`, async () => {
    const dir = join('dist', target);
    const touched = await copyWithMtime(target, `${target}-touched`, new Date('2001-02-03T04:05:06Z'));
    const [packed, again] = await Promise.all([zipExtension(dir), zipExtension(touched)]);
    assert.ok(packed.equals(again), 'two zips of the same files differ');

    const zip = await JSZip.loadAsync(packed);
    const entries = Object.values(zip.files);
    const names = entries.map((entry) => entry.name);
    assert.deepEqual(names, [...names].sort(), 'entries are in sorted order');
    assert.deepEqual(names, await filesUnder(dir), 'no directory entries, no file missing or added');
    assert.ok(names.includes('manifest.json'), 'manifest.json is at the root');
    const date = fixedDate().getTime();
    for (const entry of entries) assert.equal(entry.date.getTime(), date, `${entry.name} has the fixed date`);
    for (const name of names) {
      const content = await zip.file(name)?.async('nodebuffer');
      assert.ok(content?.equals(await readFile(join(dir, name))), `${name} is packed unchanged`);
    }
  });
}

test('SOURCE_DATE_EPOCH sets the timestamp; anything else falls back to a fixed date', () => {
  assert.equal(fixedDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString(), '2023-11-14T22:13:20.000Z');
  assert.equal(fixedDate({}).toISOString(), fixedDate({ SOURCE_DATE_EPOCH: 'soon' }).toISOString());
});
