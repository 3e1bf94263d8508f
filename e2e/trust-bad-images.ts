import { crc32, deflateSync } from 'node:zlib';

/**
 * Hostile images, made on the fly: PNGs are written by hand so their headers can say anything. A blank
 * image of any size deflates to almost nothing, which is what makes a decompression bomb.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A white grayscale PNG of `width` × `height` (1 bit per pixel, so even huge ones are quick to make). */
export function blankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(1, 8); // bit depth
  header.writeUInt8(0, 9); // grayscale
  const rowBytes = 1 + Math.ceil(width / 8);
  const row = Buffer.alloc(rowBytes, 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * rowBytes);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims `width` × `height` but whose pixel data is a few bytes (or none). */
export function lyingPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first `fraction` of a file: what a broken download leaves. */
export function truncated(file: Buffer, fraction = 0.5): Buffer {
  return file.subarray(0, Math.floor(file.length * fraction));
}
