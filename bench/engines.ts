// The three decoders the benchmark compares, each set up for Node.
export { useZxingFromNodeModules } from '../test/helpers/zxing-node.ts';

import jsQR from 'jsqr';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQr } from '../src/core/qr/decode.ts';
import type { Pixels } from '../src/core/qr/types.ts';

export interface Engine {
  name: string;
  read(pixels: Pixels): Promise<string[]>;
}

/** Which pass of the project's decoder read each text, from its last call. */
export const lastPasses = new Map<string, string>();

export const project: Engine = {
  name: 'project',
  async read(pixels) {
    // Like the worker: the pixels were painted over white when they were decoded from the file.
    const result = await decodeQr(pixels, { opaque: true });
    lastPasses.clear();
    if (!result.ok) return [];
    for (const code of result.codes) lastPasses.set(code.text, code.pass ?? '?');
    return result.codes.map((c) => c.text);
  },
};

export const zxingAlone: Engine = {
  name: 'zxing-wasm',
  async read(pixels) {
    const results = await readBarcodes(pixels as unknown as ImageData, {
      formats: ['QRCode'],
      textMode: 'Plain',
    });
    return results.map((r) => r.text);
  },
};

export const jsqrAlone: Engine = {
  name: 'jsQR',
  async read(pixels) {
    const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
    return found ? [found.data] : [];
  },
};
