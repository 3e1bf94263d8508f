import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { imageSize } from './image-size.ts';

/** A valid-looking PNG whose header claims `width`×`height` but whose data is a few bytes: a bomb. */
function bombPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const encode = async (format: 'png' | 'jpeg' | 'webp' | 'gif', lossless = false) =>
  new Uint8Array(
    await sharp({ create: { width: 321, height: 123, channels: 3, background: '#808080' } })
      .toFormat(format, lossless ? { lossless: true } : {})
      .toBuffer(),
  );

test('reads the size from PNG, JPEG, WebP (lossy and lossless), GIF and BMP headers', async () => {
  for (const [format, bytes] of [
    ['png', await encode('png')],
    ['jpeg', await encode('jpeg')],
    ['webp', await encode('webp')],
    ['webp', await encode('webp', true)],
    ['gif', await encode('gif')],
  ] as const) {
    assert.deepEqual(imageSize(bytes), { format, width: 321, height: 123 }, format);
  }
  const bmp = new Uint8Array(54);
  bmp.set([0x42, 0x4d]);
  new DataView(bmp.buffer).setInt32(18, 321, true);
  new DataView(bmp.buffer).setInt32(22, -123, true);
  assert.deepEqual(imageSize(bmp), { format: 'bmp', width: 321, height: 123 });
});

test('a JPEG with large metadata before its frame header is still measured', async () => {
  const jpeg = new Uint8Array(
    await sharp({ create: { width: 50, height: 40, channels: 3, background: '#000' } })
      .jpeg()
      .withExif({ IFD0: { ImageDescription: 'x'.repeat(30000) } })
      .toBuffer(),
  );
  assert.deepEqual(imageSize(jpeg), { format: 'jpeg', width: 50, height: 40 });
});

test('a decompression bomb is measured from its header alone', () => {
  assert.deepEqual(imageSize(bombPng(30000, 30000)), { format: 'png', width: 30000, height: 30000 });
});

test('truncated headers are broken, unknown bytes are unknown', async () => {
  const png = await encode('png');
  assert.ok('broken' in imageSize(png.subarray(0, 20)));
  assert.ok('broken' in imageSize((await encode('jpeg')).subarray(0, 30)));
  assert.ok('broken' in imageSize((await encode('webp')).subarray(0, 16)));
  assert.deepEqual(imageSize(new Uint8Array(0)), { format: 'unknown' });
  assert.deepEqual(imageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), {
    format: 'unknown',
  });
});
