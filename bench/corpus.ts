// Loads the shared QR corpus (N.png|jpg|webp + N.txt per folder) into RGBA pixels with sharp.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import type { Pixels } from '../src/core/qr/types.ts';

export interface CorpusImage {
  /** e.g. `zxing/qrcode-2` */
  folder: string;
  /** file name, e.g. `12.png` */
  file: string;
  /** The file's text, and the same without a trailing newline (see `expectedTexts`). */
  expected: string[];
  pixels: Pixels;
}

const IMAGE = /\.(png|jpe?g|webp)$/i;

/**
 * Decodes any PNG, JPEG or WebP file into RGBA painted over white, as the extension's worker does with its
 * canvas (so the decoder is told the pixels are opaque).
 */
export async function loadPixels(path: string): Promise<Pixels> {
  const { data, info } = await sharp(path)
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/**
 * The texts an image may decode to: its `.txt` beside it, either exactly or without one trailing newline.
 * The corpus README says a trailing newline is not part of the text, but some codes (zxing qrcode-3/18…25,
 * qrcode-5/16…19) really end with one, and their `.txt` holds it once.
 */
export function expectedTexts(imagePath: string): string[] {
  const text = readFileSync(`${imagePath.slice(0, -extname(imagePath).length)}.txt`, 'utf8');
  const trimmed = text.replace(/\r?\n$/, '');
  return trimmed === text ? [text] : [trimmed, text];
}

/** Whether a decoder's texts include the image's expected text. */
export function isRead(image: CorpusImage, texts: readonly string[]): boolean {
  return texts.some((t) => image.expected.includes(t));
}

/** Every image of the corpus, folder by folder (sorted), decoded to pixels. */
export async function loadCorpus(root: string): Promise<CorpusImage[]> {
  const images: CorpusImage[] = [];
  for (const source of ['zxing', 'zxing-cpp']) {
    const folders = readdirSync(join(root, source), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const name of folders) {
      const dir = join(root, source, name);
      const files = readdirSync(dir)
        .filter((f) => IMAGE.test(f))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
      for (const file of files) {
        const path = join(dir, file);
        images.push({
          folder: `${source}/${name}`,
          file,
          expected: expectedTexts(path),
          pixels: await loadPixels(path),
        });
      }
    }
  }
  return images;
}
