// Builds dist/chrome and dist/firefox from one source: one esbuild bundle per entry, the static files,
// and a manifest derived from manifest.json (its "$chrome" / "$firefox" sections; "key+" appends to a list).
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writePracticeQr } from './scripts/practice-qr.mjs';

const root = dirname(fileURLToPath(import.meta.url));
export const TARGETS = ['chrome', 'firefox'];

const ENTRIES = {
  background: 'src/background/index.ts',
  offscreen: 'src/offscreen/offscreen.ts',
  'decoder-worker': 'src/worker/decoder-worker.ts',
  popup: 'src/popup/popup.ts',
  onboarding: 'src/onboarding/onboarding.ts',
  camera: 'src/camera/camera.ts',
};

const STATIC = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/ui/theme.css', 'theme.css'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/result/entries.css', 'entries.css'],
  ['src/result/moving.css', 'moving.css'],
  ['src/offscreen/offscreen.html', 'offscreen.html'],
  ['src/onboarding/onboarding.html', 'onboarding.html'],
  ['src/onboarding/onboarding.css', 'onboarding.css'],
  ['src/camera/camera.html', 'camera.html'],
  ['src/camera/camera.css', 'camera.css'],
];

/**
 * The grab (src/grab) goes into pages as one function, in one `scripting.executeScript({ func, args })`
 * (src/background/inject.ts): its bundle becomes the body of the function `grabInPage`, which the background
 * imports as the module `grab-in-page`. The function is self-contained, as `executeScript` needs it.
 */
function grabInPagePlugin({ minify }) {
  return {
    name: 'grab-in-page',
    setup(build) {
      build.onResolve({ filter: /^grab-in-page$/ }, () => ({ path: 'grab-in-page', namespace: 'grab' }));
      build.onLoad({ filter: /.*/, namespace: 'grab' }, async () => {
        const bundle = await esbuild.build({
          entryPoints: [join(root, 'src/grab/index.ts')],
          bundle: true,
          write: false,
          format: 'iife',
          globalName: 'grab',
          target: BUNDLE_TARGET,
          minify,
          legalComments: 'none',
        });
        const code = bundle.outputFiles[0].text;
        return {
          contents: `export function grabInPage(entry, args) {\n${code}\nreturn grab.grabApi[entry](...args);\n}\n`,
          loader: 'js',
          watchFiles: bundle.metafile ? Object.keys(bundle.metafile.inputs) : [],
        };
      });
    },
  };
}

const BUNDLE_TARGET = ['chrome127', 'firefox142'];

/** Only Chrome needs an offscreen document (its service worker has no clipboard). */
const CHROME_ONLY = new Set(['offscreen', 'offscreen.html']);

/** The manifest for one browser: the shared part plus that browser's section. */
export function manifestFor(source, target, version) {
  const manifest = structuredClone(source);
  const extra = manifest[`$${target}`] ?? {};
  for (const key of Object.keys(manifest)) if (key.startsWith('$')) delete manifest[key];
  for (const [key, value] of Object.entries(extra)) {
    if (key.endsWith('+')) {
      const name = key.slice(0, -1);
      manifest[name] = [...(manifest[name] ?? []), ...value];
    } else {
      manifest[key] = value;
    }
  }
  manifest.version = version;
  return manifest;
}

/** `_locales/<lang>/*.json` are merged into one `messages.json` per language; a key defined twice fails. */
async function buildLocales(outDir) {
  const localesDir = join(root, '_locales');
  for (const lang of await readdir(localesDir)) {
    const merged = {};
    for (const file of (await readdir(join(localesDir, lang))).filter((f) => f.endsWith('.json')).sort()) {
      const messages = JSON.parse(await readFile(join(localesDir, lang, file), 'utf8'));
      for (const [key, value] of Object.entries(messages)) {
        if (key in merged) throw new Error(`_locales/${lang}: "${key}" is defined twice (${file})`);
        merged[key] = value;
      }
    }
    await mkdir(join(outDir, '_locales', lang), { recursive: true });
    await writeFile(join(outDir, '_locales', lang, 'messages.json'), `${JSON.stringify(merged, null, 2)}\n`);
  }
}

// --- The decoder's WebAssembly (issue 4): zxing-wasm's reader ships inside the extension; the decoder
// (decoder-worker.js, and Chrome's service worker) loads it from its own URL, never zxing-wasm's default CDN.
const WASM_FILES = [['node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', 'zxing_reader.wasm']];

async function copyWasm(outDir) {
  for (const [from, to] of WASM_FILES) await copyFile(join(root, from), join(outDir, to));
}
// ---

async function copyStatic(outDir, target) {
  for (const [from, to] of STATIC) {
    if (target === 'chrome' || !CHROME_ONLY.has(to)) await copyFile(join(root, from), join(outDir, to));
  }
  await cp(join(root, 'icons'), join(outDir, 'icons'), {
    recursive: true,
    filter: (p) => !p.endsWith('.svg'),
  });
}

export async function build({ targets = TARGETS, minify = true } = {}) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  for (const target of targets) {
    const outDir = join(root, 'dist', target);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    const entryPoints = Object.fromEntries(
      Object.entries(ENTRIES).filter(([name]) => target === 'chrome' || !CHROME_ONLY.has(name)),
    );
    await esbuild.build({
      entryPoints,
      outdir: outDir,
      bundle: true,
      format: 'iife',
      target: BUNDLE_TARGET,
      plugins: [grabInPagePlugin({ minify })],
      // The one build-time difference: which browser's decoder placement the background compiles in.
      define: { __BROWSER__: JSON.stringify(target) },
      minify,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    await copyStatic(outDir, target);
    await copyWasm(outDir);
    await writePracticeQr(outDir);
    await buildLocales(outDir);
    await writeFile(
      join(outDir, 'manifest.json'),
      `${JSON.stringify(manifestFor(source, target, pkg.version), null, 2)}\n`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build();
  console.log(`built ${TARGETS.map((t) => `dist/${t}`).join(', ')}`);
}
