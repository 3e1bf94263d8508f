import { prepareZXingModule, purgeZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import type { Found } from './found.ts';
import type { Pixels } from './types.ts';

/**
 * Where the zxing-wasm `.wasm` comes from. The shell decides: the extension's worker passes a URL inside the
 * extension, Node (tests, bench) passes the bytes. zxing-wasm's own default (a CDN) is never used: until
 * `useZxingWasm` has been called, the engine reports itself unavailable instead of loading anything.
 */
export type WasmSource = { url: string } | { bytes: ArrayBuffer };

let configured = false;
/** Set once loading or running the module failed: a failed load poisons the module for this realm. */
let failure: string | undefined;

let configuredSource: WasmSource | undefined;

export function useZxingWasm(source: WasmSource): void {
  const overrides =
    'url' in source
      ? { locateFile: (file: string) => (file.endsWith('.wasm') ? source.url : file) }
      : { wasmBinary: source.bytes };
  prepareZXingModule({ overrides, fireImmediately: false });
  configured = true;
  configuredSource = source;
  failure = undefined;
}

/**
 * Lets go of the compiled module and its heap (the next read compiles it again, from the same source). For a
 * decoder that lives as long as its realm (Chrome's service worker): an idle one holds no wasm memory.
 */
export function releaseZxing(): void {
  purgeZXingModule();
  // zxing-wasm forgets the overrides with the module: without them its next load would go to its CDN.
  if (configuredSource) useZxingWasm(configuredSource);
}

/** Why zxing-wasm cannot be used here, or undefined when it can. */
export function zxingUnavailable(): string | undefined {
  if (!configured) return 'zxing-wasm: no wasm source configured';
  return failure;
}

/**
 * "QR Key Reader" as a version-1 QR code (21 × 21 modules), a row each as a base-36 number (1 = dark). The
 * warm-up decodes it: V8 first runs wasm from a quick baseline compile and optimises the functions that
 * run, so a first image read by a module that has only been compiled took 20–70 ms more than the next.
 */
const WARM_UP_ROWS =
  '18prz mudd wpy5 wspp wspp my4h 18prz 5c0 ojy1 13en9 jmu6 nx6i 1779f 579 18r7e mumq wtxw wooj wq6s mwls 18q75';
export const WARM_UP_TEXT = 'QR Key Reader';

/** The warm-up code drawn 6 px a module with a 4-module quiet zone, black on white. */
export function warmUpImage(): Pixels {
  const rows = WARM_UP_ROWS.split(' ').map((r) => Number.parseInt(r, 36));
  const modules = rows.length;
  const scale = 6;
  const side = (modules + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const my = Math.floor(y / scale) - 4;
      const mx = Math.floor(x / scale) - 4;
      const row = rows[my];
      if (row === undefined || mx < 0 || mx >= modules) continue;
      if ((row >> (modules - 1 - mx)) & 1) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, width: side, height: side };
}

/**
 * Compiles the module now and reads the warm-up code once (the decoder does this as it starts, while the
 * page is read, so the first image finds it compiled and warm). True when the warm-up code was read.
 */
export async function warmUpZxing(): Promise<boolean> {
  if (zxingUnavailable()) return false;
  const found = await readWithZxing(warmUpImage(), { tryInvert: false, tryDownscale: false });
  return found.some((f) => f.text === WARM_UP_TEXT);
}

const BASE: ReaderOptions = {
  formats: ['QRCode'],
  // The text exactly as encoded: the default (HRI) rewrites control characters.
  textMode: 'Plain',
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 255,
};

type ReadResults = Awaited<ReturnType<typeof readBarcodes>>;

const found = (results: ReadResults): Found[] =>
  results
    .filter((r) => r.isValid)
    .map((r) => {
      const { topLeft, topRight, bottomLeft, bottomRight } = r.position;
      return { text: r.text, corners: [topLeft, topRight, bottomRight, bottomLeft], engine: 'zxing-wasm' };
    });

/** One zxing-wasm read; the variant picks the binarizer. Throws when the module cannot run. */
export async function readWithZxing(pixels: Pixels, variant: ReaderOptions): Promise<Found[]> {
  const why = zxingUnavailable();
  if (why) throw new Error(why);
  try {
    // readBarcodes takes anything shaped like ImageData ({data, width, height}); no DOM needed.
    return found(await readBarcodes(pixels as unknown as ImageData, { ...BASE, ...variant }));
  } catch (error) {
    failure = `zxing-wasm: ${String(error)}`;
    throw error;
  }
}

/**
 * One zxing-wasm read of an encoded image (PNG, JPEG, GIF, BMP), decoded by the stb_image inside the module:
 * no browser decoder, no canvas. Bytes it cannot decode give no codes. Throws when the module cannot run,
 * and unlike {@link readWithZxing} leaves the engine as it was: the pixel read that follows decides.
 * Transparent pixels read as their own colour (usually black), not over white.
 */
export async function readEncodedWithZxing(bytes: Uint8Array, variant: ReaderOptions): Promise<Found[]> {
  const why = zxingUnavailable();
  if (why) throw new Error(why);
  return found(await readBarcodes(bytes, { ...BASE, ...variant }));
}
