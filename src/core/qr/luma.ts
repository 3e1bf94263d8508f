import type { Pixels } from './types.ts';

/** A grey image, one byte a pixel (0 black … 255 white), row by row. */
export interface Luma {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Whether any pixel is not fully opaque. */
export function hasTransparency({ data }: Pixels): boolean {
  for (let p = 3; p < data.length; p += 4) if (data[p] !== 255) return true;
  return false;
}

/**
 * The image painted over white (a transparent pixel becomes white, since jsQR reads its zero RGB as black
 * and zxing ignores alpha); the same object when it is fully opaque.
 */
export function flattenOnWhite(image: Pixels): Pixels {
  if (!hasTransparency(image)) return image;
  const { data, width, height } = image;
  const out = new Uint8ClampedArray(data.length);
  for (let p = 0; p < data.length; p += 4) {
    const a = data[p + 3] ?? 255;
    const keep = a / 255;
    const white = 255 - a;
    out[p] = (data[p] ?? 0) * keep + white;
    out[p + 1] = (data[p + 1] ?? 0) * keep + white;
    out[p + 2] = (data[p + 2] ?? 0) * keep + white;
    out[p + 3] = 255;
  }
  return { data: out, width, height };
}

/** RGBA → luminance (same weights as zxing-wasm), painted over white like `flattenOnWhite`. */
export function toLuma(image: Pixels): Luma {
  const { data, width, height } = flattenOnWhite(image);
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = ((data[p] ?? 0) * 306 + (data[p + 1] ?? 0) * 601 + (data[p + 2] ?? 0) * 117 + 512) >> 10;
  }
  return { data: out, width, height };
}

/** Luminance → grey RGBA, the input both libraries take. */
export function toRgba({ data, width, height }: Luma): Pixels {
  const out = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    // Little-endian RGBA in one write (every platform a browser runs on is little-endian).
    words[i] = 0xff000000 | (v << 16) | (v << 8) | v;
  }
  return { data: out, width, height };
}

/**
 * Resizes to `width`×`height`: box average when shrinking (keeps thin modules grey rather than dropping
 * them), bilinear when enlarging.
 */
export function resize(src: Luma, width: number, height: number): Luma {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (w === src.width && h === src.height) return src;
  if (w > src.width || h > src.height) return enlarge(src, w, h);
  return shrink(src.width, src.height, (y) => src.data.subarray(y * src.width, (y + 1) * src.width), w, h);
}

/**
 * RGBA straight to a smaller grey image, painted over white, one source row at a time: a huge image is
 * never held as a full-size grey copy.
 */
export function shrinkToLuma(image: Pixels, width: number, height: number): Luma {
  const w = Math.max(1, Math.min(image.width, Math.round(width)));
  const h = Math.max(1, Math.min(image.height, Math.round(height)));
  const row = new Uint8Array(image.width);
  const { data } = image;
  const readRow = (y: number) => {
    for (let x = 0, p = y * image.width * 4; x < image.width; x++, p += 4) {
      const a = data[p + 3] ?? 255;
      const v = ((data[p] ?? 0) * 306 + (data[p + 1] ?? 0) * 601 + (data[p + 2] ?? 0) * 117 + 512) >> 10;
      row[x] = a === 255 ? v : (v * a + 255 * (255 - a)) / 255;
    }
    return row;
  };
  return shrink(image.width, image.height, readRow, w, h);
}

/** Box-filter shrink; `readRow(y)` gives source row y as grey levels (each row is read once, in order). */
function shrink(
  srcWidth: number,
  srcHeight: number,
  readRow: (y: number) => Uint8Array,
  w: number,
  h: number,
): Luma {
  const out = new Uint8Array(w * h);
  const sx = srcWidth / w;
  const sy = srcHeight / h;
  const sums = new Uint32Array(w);
  const counts = new Uint32Array(w);
  const columnOf = new Uint32Array(srcWidth);
  for (let x = 0; x < srcWidth; x++) columnOf[x] = Math.min(w - 1, Math.floor(x / sx));
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    counts.fill(0);
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(srcHeight, Math.floor((y + 1) * sy)));
    for (let yy = y0; yy < y1; yy++) {
      const row = readRow(yy);
      for (let x = 0; x < srcWidth; x++) {
        const c = columnOf[x] ?? 0;
        sums[c] = (sums[c] ?? 0) + (row[x] ?? 0);
        counts[c] = (counts[c] ?? 0) + 1;
      }
    }
    for (let x = 0; x < w; x++) out[y * w + x] = Math.round((sums[x] ?? 0) / Math.max(1, counts[x] ?? 1));
  }
  return { data: out, width: w, height: h };
}

function enlarge(src: Luma, w: number, h: number): Luma {
  const out = new Uint8Array(w * h);
  const sx = src.width / w;
  const sy = src.height / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(src.height - 1, Math.floor(fy));
    const y1 = Math.min(src.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(src.width - 1, Math.floor(fx));
      const x1 = Math.min(src.width - 1, x0 + 1);
      const dx = fx - x0;
      const top = (src.data[y0 * src.width + x0] ?? 0) * (1 - dx) + (src.data[y0 * src.width + x1] ?? 0) * dx;
      const bottom =
        (src.data[y1 * src.width + x0] ?? 0) * (1 - dx) + (src.data[y1 * src.width + x1] ?? 0) * dx;
      out[y * w + x] = Math.round(top * (1 - dy) + bottom * dy);
    }
  }
  return { data: out, width: w, height: h };
}
