// The store listing (store/): one JSON file per locale in store/listing/ ({ name, summary, description }, the
// description as an array of lines), store/privacy.md and the images the e2e run writes to store/images/.
// `npm run package` copies it beside the zips, with each listing also as a plain-text file to paste into
// the Chrome Web Store and addons.mozilla.org forms.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every locale's listing, sorted by locale. */
export async function readListings(storeDir) {
  const dir = join(storeDir, 'listing');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      const { name, summary, description } = JSON.parse(await readFile(join(dir, file), 'utf8'));
      return { locale: file.slice(0, -'.json'.length), name, summary, description };
    }),
  );
}

/** A listing as the stores' forms take it: plain text, one field after the other. */
export function listingText({ name, summary, description }) {
  return `Name\n${name}\n\nSummary\n${summary}\n\nDescription\n${description.join('\n')}\n`;
}

/** Copies storeDir to outDir/store (replacing an older copy) and adds listing/<locale>.txt; returns it. */
export async function copyStore({ storeDir, outDir }) {
  const target = join(outDir, 'store');
  await rm(target, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(storeDir, target, { recursive: true });
  for (const listing of await readListings(storeDir)) {
    await writeFile(join(target, 'listing', `${listing.locale}.txt`), listingText(listing));
  }
  return target;
}
