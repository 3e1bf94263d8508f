/** `npm run package` puts the store listing beside the zips: store/ as it is, plus a text file per locale. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { copyStore, listingText, readListings } from '../scripts/store-listing.mjs';

let scratch = '';
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'qrkr-store-test-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

test('copyStore copies store/ unchanged and adds listing/<locale>.txt for each listing', async () => {
  const target = await copyStore({ storeDir: 'store', outDir: scratch });
  assert.equal(target, join(scratch, 'store'));
  const source = await filesUnder('store');
  const listings = await readListings('store');
  const texts = listings.map(({ locale }) => `listing/${locale}.txt`);
  assert.deepEqual(await filesUnder(target), [...source, ...texts].sort());
  for (const file of source) {
    assert.ok((await readFile(join(target, file))).equals(await readFile(join('store', file))), file);
  }
  for (const listing of listings) {
    const text = await readFile(join(target, 'listing', `${listing.locale}.txt`), 'utf8');
    assert.equal(text, listingText(listing));
    assert.ok(text.includes(`\n${listing.summary}\n`) && text.endsWith(`${listing.description.at(-1)}\n`));
  }
  assert.ok(source.includes('privacy.md') && source.some((file) => file.startsWith('images/')));
});

test('a second copy replaces the first: nothing stale is left behind', async () => {
  const stale = join(scratch, 'store', 'listing', 'xx.txt');
  await copyStore({ storeDir: 'store', outDir: scratch });
  await writeFile(stale, 'old');
  await copyStore({ storeDir: 'store', outDir: scratch });
  await assert.rejects(readFile(stale), { code: 'ENOENT' });
});

test('listingText lays out the three fields the store forms ask for', () => {
  assert.equal(
    listingText({ name: 'N', summary: 'S', description: ['a', '', '• b'] }),
    'Name\nN\n\nSummary\nS\n\nDescription\na\n\n• b\n',
  );
});
