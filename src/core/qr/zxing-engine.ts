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

/** Starts compiling the module now (the worker does this on start so the first scan is quicker). */
export async function warmUpZxing(): Promise<void> {
  if (zxingUnavailable()) return;
  await readWithZxing({ data: new Uint8ClampedArray(4).fill(255), width: 1, height: 1 }, {});
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

/** One zxing-wasm read; the variant picks the binarizer. Throws when the module cannot run. */
export async function readWithZxing(pixels: Pixels, variant: ReaderOptions): Promise<Found[]> {
  const why = zxingUnavailable();
  if (why) throw new Error(why);
  try {
    // readBarcodes takes anything shaped like ImageData ({data, width, height}); no DOM needed.
    const results = await readBarcodes(pixels as unknown as ImageData, { ...BASE, ...variant });
    return results
      .filter((r) => r.isValid)
      .map((r) => {
        const { topLeft, topRight, bottomLeft, bottomRight } = r.position;
        return { text: r.text, corners: [topLeft, topRight, bottomRight, bottomLeft], engine: 'zxing-wasm' };
      });
  } catch (error) {
    failure = `zxing-wasm: ${String(error)}`;
    throw error;
  }
}
