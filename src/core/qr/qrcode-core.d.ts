// Types for the one file of the `qrcode` package the encoder imports: its core, without the canvas,
// PNG, SVG and terminal renderers (which @types/qrcode describes only through the package's main entry).
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    modules: { size: number; data: Uint8Array };
    version: number;
  }
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
