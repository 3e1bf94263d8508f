// `npm run package`: builds, then writes store-ready zips for the Chrome Web Store and addons.mozilla.org
// into artifacts/, named and versioned from package.json. `web-ext build` makes each zip (its file filter
// and manifest check); the zip is then rewritten with sorted entries, one fixed timestamp and fixed
// compression, so two builds of the same commit give byte-identical files. AMO asks for the source of
// bundled code: a `git archive` of HEAD is written beside them when the tree is a git checkout. The store
// listing (store/: texts per locale, privacy answers, images) is copied beside them as artifacts/store/.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import webExt from 'web-ext';
import { consoleStream } from 'web-ext/util/logger';
import { copyStore } from './store-listing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every entry's timestamp: SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else a fixed date. */
export function fixedDate(env = process.env) {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date('2024-01-01T00:00:00Z');
}

/** The same files as `zip`, in sorted order, with one timestamp, no directory entries, deflate level 6. */
export async function normalizeZip(zip, date = fixedDate()) {
  const source = await JSZip.loadAsync(zip);
  const names = Object.values(source.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name)
    .sort();
  const out = new JSZip();
  for (const name of names) {
    const file = source.file(name);
    if (!file) throw new Error(`zip entry ${name} vanished`);
    out.file(name, await file.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

/** Zips one unpacked extension directory with `web-ext build` and normalizes the result. */
export async function zipExtension(sourceDir, date = fixedDate()) {
  const scratch = await mkdtemp(join(tmpdir(), 'qrkr-package-'));
  consoleStream.startCapturing(); // web-ext's progress lines are shown only when something fails
  try {
    const { extensionPath } = await webExt.cmd.build(
      { sourceDir, artifactsDir: scratch, overwriteDest: true, filename: 'extension.zip' },
      { shouldExitProgram: false, showReadyMessage: false },
    );
    return await normalizeZip(await readFile(extensionPath), date);
  } catch (error) {
    consoleStream.flushCapturedLogs();
    throw error;
  } finally {
    consoleStream.stopCapturing();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes artifacts/<name>-<version>-<target>.zip for each target and artifacts/store/; returns the paths. */
export async function packageAll({
  distDir = join(root, 'dist'),
  outDir = join(root, 'artifacts'),
  storeDir = join(root, 'store'),
} = {}) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const target of ['chrome', 'firefox']) {
    const sourceDir = join(distDir, target);
    const manifest = JSON.parse(await readFile(join(sourceDir, 'manifest.json'), 'utf8'));
    if (manifest.version !== pkg.version) {
      throw new Error(`${sourceDir}: manifest version ${manifest.version} is not ${pkg.version}; rebuild`);
    }
    const path = join(outDir, `${pkg.name}-${pkg.version}-${target}.zip`);
    await writeFile(path, await zipExtension(sourceDir));
    written.push(path);
  }
  const source = join(outDir, `${pkg.name}-${pkg.version}-source.zip`);
  try {
    execFileSync('git', ['archive', '--format=zip', `--output=${source}`, 'HEAD'], { cwd: root });
    written.push(source);
  } catch {
    console.warn('package: not a git checkout, no source archive written');
  }
  written.push(await copyStore({ storeDir, outDir }));
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build } = await import('../build.mjs');
  await build();
  for (const path of await packageAll()) console.log(`wrote ${path.slice(root.length + 1)}`);
}
