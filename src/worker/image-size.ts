/**
 * Reads an encoded image's dimensions from its first bytes, before anything is decoded: a tiny file may
 * claim 30000×30000 pixels (a decompression bomb), and that must be refused before a decoder allocates it.
 * Pure (bytes in, numbers out), so it is unit-tested and fuzzed in Node.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export type ImageSize =
  /** A known format and the size its header claims. */
  | { format: ImageFormat; width: number; height: number }
  /** A known format whose header is cut short or broken. */
  | { format: ImageFormat; broken: string }
  /** Not a format this reader knows (the browser may still decode it). */
  | { format: 'unknown' };

/** How many leading bytes `imageSize` needs at most (JPEG metadata may come before the frame header). */
export const HEADER_BYTES = 1 << 20;

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

export function imageSize(bytes: Uint8Array): ImageSize {
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  if (ascii(bytes, 0, 4) === 'GIF8') {
    if (bytes.length < 10) return { format: 'gif', broken: 'header cut short' };
    return { format: 'gif', width: u16le(bytes, 6), height: u16le(bytes, 8) };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webp(bytes);
  if (ascii(bytes, 0, 2) === 'BM') {
    if (bytes.length < 26) return { format: 'bmp', broken: 'header cut short' };
    return { format: 'bmp', width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
  }
  return { format: 'unknown' };
}

function png(b: Uint8Array): ImageSize {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return { format: 'png', broken: 'no IHDR header' };
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

function webp(b: Uint8Array): ImageSize {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30)
    return { format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return { format: 'webp', broken: `no frame header (${JSON.stringify(chunk)})` };
}

/** Walks the JPEG segments up to the first start-of-frame marker (SOF0…SOF15 but DHT, JPG, DAC). */
function jpeg(b: Uint8Array): ImageSize {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return { format: 'jpeg', broken: `no marker at byte ${i}` };
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return { format: 'jpeg', broken: `segment length ${length}` };
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) break;
      return { format: 'jpeg', width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    if (marker === 0xda || marker === 0xd9)
      return { format: 'jpeg', broken: 'no frame header before the data' };
    i += 2 + length;
  }
  return { format: 'jpeg', broken: 'no frame header in the first bytes' };
}
