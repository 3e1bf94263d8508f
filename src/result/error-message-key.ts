import type { ScanSource } from '../shared/scan-state.ts';

/**
 * The message name of a scan error's sentence: `error` + the code in PascalCase (`no-qr-in-image` →
 * `errorNoQrInImage`); an image file the person opened may have its own wording (`…File`).
 */
export function errorMessageKey(code: string, source: ScanSource): string {
  const base = `error${code.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, c: string) => c.toUpperCase())}`;
  return source === 'file' ? `${base}File` : base;
}
