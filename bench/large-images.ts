// Timings beyond the corpus: a 1920×1080 screenshot without a code, and 6000×6000 images.
import type { Pixels } from '../src/core/qr/types.ts';
import { loadPixels } from './corpus.ts';
import type { Engine } from './engines.ts';
import { median, ms } from './stats.ts';
import { screenshotWithoutQr } from './synthetic.ts';

/** A `side`×`side` white image with one code of `text` drawn in its middle at `scale` px a module. */
function bigImageWithCode(side: number, small: Pixels): Pixels {
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  const x0 = Math.floor((side - small.width) / 2);
  const y0 = Math.floor((side - small.height) / 2);
  for (let y = 0; y < small.height; y++) {
    data.set(small.data.subarray(y * small.width * 4, (y + 1) * small.width * 4), ((y0 + y) * side + x0) * 4);
  }
  return { data, width: side, height: side };
}

export async function timeLargeImages(
  engines: Engine[],
  qrPixels: (text: string, options: { scale: number }) => Pixels,
): Promise<void> {
  const text = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
  const screenshot = await loadPixels(
    new URL('../test/fixtures/qr/generated/screenshot-no-qr-1920x1080.png', import.meta.url).pathname,
  );
  const cases: [string, Pixels, number][] = [
    ['1920×1080 page screenshot, no code', screenshot, 15],
    ['1920×1080 synthetic page, no code', screenshotWithoutQr(1920, 1080), 15],
    [
      '1920×1080 blank, no code',
      { data: new Uint8ClampedArray(1920 * 1080 * 4).fill(255), width: 1920, height: 1080 },
      15,
    ],
    ['6000×6000 page, no code', screenshotWithoutQr(6000, 6000), 3],
    ['6000×6000, one code (12 px modules)', bigImageWithCode(6000, qrPixels(text, { scale: 12 })), 3],
  ];
  console.log('\nlarge images: median (best) of the runs, decoders taking turns; jsQR skipped on 6000×6000');
  for (const [label, pixels, runs] of cases) {
    const used = engines.filter((e) => e.name !== 'jsQR' || pixels.width <= 2000);
    const times = used.map((): number[] => []);
    const found = used.map(() => 0);
    for (let r = 0; r < runs; r++) {
      for (const [e, engine] of used.entries()) {
        const start = performance.now();
        found[e] = (await engine.read(pixels)).length;
        times[e]?.push(performance.now() - start);
      }
    }
    const cells = used.map((engine, e) => {
      const t = times[e] ?? [];
      return `${engine.name} ${ms(median(t))} (${ms(Math.min(...t))}), ${found[e]} found`;
    });
    console.log(`  ${label}\n    ${cells.join('; ')}`);
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`  Node process resident memory afterwards (these test images included): ${rss.toFixed(0)} MB`);
}
