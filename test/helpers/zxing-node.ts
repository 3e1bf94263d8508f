import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useZxingWasm } from '../../src/core/qr/zxing-engine.ts';

/** Points the decoder's zxing-wasm at its `.wasm` in node_modules (the bytes, so nothing is fetched). */
export function useZxingFromNodeModules(): void {
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const file = readFileSync(path);
  useZxingWasm({ bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) });
}
