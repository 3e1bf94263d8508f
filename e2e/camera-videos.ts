/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture`), made at test time: frames are
 * drawn with sharp in Node and piped as raw RGB into ffmpeg, which writes a Y4M file the fake device
 * loops. Deterministic: the same seed gives the same video.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp, { type OverlayOptions } from 'sharp';

export const WIDTH = 1280;
export const HEIGHT = 720;

/** A small deterministic random number generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A QR code as a PNG: `modulePx` pixels a module, a quiet zone of 4 modules. */
export function qrPng(
  text: string,
  modulePx: number,
  errorCorrectionLevel: 'L' | 'M' = 'M',
): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale: modulePx, margin: 4, errorCorrectionLevel });
}

/** A printed card (white, shadowed) with a QR code on it, on a grey desk: a clear, static picture. */
async function clearFrame(text: string): Promise<Buffer> {
  const qr = await qrPng(text, 6);
  const { width = 0 } = await sharp(qr).metadata();
  const card = width + 80;
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#8a8d91' } })
    .composite([
      {
        input: await sharp({ create: { width: card, height: card, channels: 3, background: '#fdfdfb' } })
          .png()
          .toBuffer(),
        left: Math.round((WIDTH - card) / 2),
        top: Math.round((HEIGHT - card) / 2),
      },
      { input: qr, left: Math.round((WIDTH - width) / 2), top: Math.round((HEIGHT - width) / 2) },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/**
 * A phone (dark bezel, a 1080×2400-shaped screen) as it shows Google Authenticator's "Export accounts"
 * screen, with `qrText` as its QR code, or an app's list of accounts and no code when `qrText` is undefined.
 * Returned as a PNG with transparent corners, `screenHeight` pixels tall on screen.
 */
async function phonePng(qrText: string | undefined, screenHeight: number): Promise<Buffer> {
  const screenWidth = Math.round((screenHeight * 1080) / 2400);
  const bezel = Math.round(screenHeight * 0.025);
  const width = screenWidth + 2 * bezel;
  const height = screenHeight + 4 * bezel;
  const top = 2 * bezel;
  const title = Math.round(screenWidth * 0.07);
  const lines = qrText
    ? [
        `<text x="${width / 2}" y="${top + screenHeight * 0.12}" font-size="${title}" text-anchor="middle" font-family="sans-serif" fill="#202124">Export accounts</text>`,
        `<text x="${width / 2}" y="${top + screenHeight * 0.78}" font-size="${title * 0.55}" text-anchor="middle" font-family="sans-serif" fill="#5f6368">Scan this QR code with your new device</text>`,
      ]
    : Array.from({ length: 9 }, (_, i) => {
        const y = top + screenHeight * (0.1 + i * 0.095);
        return `<text x="${bezel + 18}" y="${y}" font-size="${title * 0.6}" font-family="sans-serif" fill="#202124">${escapeXml(`Account ${i + 1}  ·  ${String(123456 + i * 111111).slice(0, 6)}`)}</text><rect x="${bezel + 18}" y="${y + 10}" width="${screenWidth * 0.7}" height="3" fill="#dadce0"/>`;
      });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" rx="${bezel * 3}" fill="#16171a"/>
    <rect x="${bezel}" y="${top}" width="${screenWidth}" height="${screenHeight}" rx="${bezel}" fill="#ffffff"/>
    <circle cx="${width / 2}" cy="${bezel}" r="${bezel * 0.35}" fill="#2b2d31"/>
    ${lines.join('\n')}
  </svg>`;
  const layers: OverlayOptions[] = [];
  if (qrText) {
    // The code fills 92% of the screen's width, as Google Authenticator draws it.
    const side = Math.round(screenWidth * 0.92);
    const qr = await sharp(await qrPng(qrText, 1))
      .resize(side, side, { kernel: 'nearest' })
      .png()
      .toBuffer();
    layers.push({
      input: qr,
      left: Math.round((width - side) / 2),
      top: Math.round(top + screenHeight * 0.2),
    });
  }
  return sharp(Buffer.from(svg)).composite(layers).png().toBuffer();
}

export interface Wobble {
  /** Largest rotation either way, in degrees (each frame is rotated by at least `minDegrees`). */
  maxDegrees: number;
  minDegrees: number;
  /** Blur (Gaussian sigma, pixels). */
  blur: number;
  /** Noise amplitude (each channel ± this). */
  noise: number;
  /** Largest shift either way, in pixels. */
  shift: number;
}

/** A printed card with a QR code (`modulePx` a module), as a PNG to hold up to the camera. */
async function cardPng(text: string, modulePx: number): Promise<Buffer> {
  const qr = await qrPng(text, modulePx);
  const { width = 0 } = await sharp(qr).metadata();
  const card = width + 40;
  return sharp({ create: { width: card, height: card, channels: 4, background: '#fdfdfb' } })
    .composite([{ input: qr, left: 20, top: 20 }])
    .png()
    .toBuffer();
}

/** Something held up to the webcam: rotated a few degrees, blurred, noisy and shifted anew each frame. */
async function heldFrames(subject: Buffer, frames: number, wobble: Wobble, seed: number): Promise<Buffer[]> {
  const rand = random(seed);
  const desk = await sharp({
    create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#6f675e' },
  })
    .png()
    .toBuffer();
  const out: Buffer[] = [];
  for (let f = 0; f < frames; f++) {
    const sign = rand() < 0.5 ? -1 : 1;
    const angle = sign * (wobble.minDegrees + rand() * (wobble.maxDegrees - wobble.minDegrees));
    const rotated = await sharp(subject)
      .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    const { width = 0, height = 0 } = await sharp(rotated).metadata();
    const scale = Math.min(1, (HEIGHT * 0.995) / height);
    const placed = await sharp(rotated)
      .resize(Math.round(width * scale), Math.round(height * scale))
      .png()
      .toBuffer();
    const dx = Math.round((rand() * 2 - 1) * wobble.shift);
    const dy = Math.round((rand() * 2 - 1) * wobble.shift * 0.3);
    let image = sharp(desk).composite([
      {
        input: placed,
        left: Math.max(0, Math.round((WIDTH - width * scale) / 2) + dx),
        top: Math.max(0, Math.round((HEIGHT - height * scale) / 2) + dy),
      },
    ]);
    image = sharp(await image.removeAlpha().png().toBuffer());
    if (wobble.blur > 0) image = image.blur(wobble.blur);
    const raw = await image.removeAlpha().raw().toBuffer();
    for (let i = 0; i < raw.length; i++) {
      raw[i] = Math.max(0, Math.min(255, (raw[i] ?? 0) + Math.round((rand() * 2 - 1) * wobble.noise)));
    }
    out.push(raw);
  }
  return out;
}

/** Pipes raw 1280×720 RGB frames into ffmpeg, which writes `file` (Y4M, `fps` frames a second). */
function encode(frames: Buffer[], file: string, fps: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn(
      'ffmpeg',
      [
        ...['-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
        ...['-s', `${WIDTH}x${HEIGHT}`, '-framerate', String(fps), '-i', '-'],
        ...['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', file],
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let errors = '';
    ffmpeg.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${errors}`)),
    );
    for (const frame of frames) ffmpeg.stdin.write(frame);
    ffmpeg.stdin.end();
  });
}

export type VideoKind = (
  | { kind: 'clear'; text: string }
  /** A printed code held up to the camera. */
  | { kind: 'card'; text: string; wobble: Wobble; frames: number }
  | { kind: 'phone'; text: string; wobble: Wobble; frames: number }
  | { kind: 'no-code'; wobble: Wobble; frames: number }
  /** Printed codes shown one after another, `framesEach` frames each (the screens of an export, say). */
  | { kind: 'sequence'; texts: string[]; framesEach: number }
) & {
  /** Frames a second (15, a webcam's, unless said). */
  fps?: number;
};

/** The raw RGB frames of a video (the e2e specs encode them; the decoder tests read them directly). */
export async function videoFrames(video: VideoKind, seed = 1): Promise<Buffer[]> {
  if (video.kind === 'clear') return [await clearFrame(video.text)];
  if (video.kind === 'sequence') {
    const frames: Buffer[] = [];
    for (const text of video.texts) {
      const still = await clearFrame(text);
      for (let f = 0; f < video.framesEach; f++) frames.push(still);
    }
    return frames;
  }
  const subject =
    video.kind === 'card'
      ? await cardPng(video.text, 5)
      : await phonePng(video.kind === 'phone' ? video.text : undefined, Math.round(HEIGHT * 0.94));
  return heldFrames(subject, video.frames, video.wobble, seed);
}

/** Writes the video into `dir` as `<name>.y4m` (once: an existing file is reused) and returns its path. */
export async function makeVideo(dir: string, name: string, video: VideoKind): Promise<string> {
  const file = join(dir, `${name}.y4m`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const frames = await videoFrames(video);
  // A still picture is repeated for a second.
  // Written under a name of its own, then renamed: two test workers may make the same video at once.
  const part = `${file}.${process.pid}.part`;
  const fps = video.fps ?? 15;
  await encode(video.kind === 'clear' ? Array(fps).fill(frames[0]) : frames, part, fps);
  await rename(part, file);
  return file;
}

/** The webcam-like wobble of a phone held in the hand. */
export const HANDHELD: Wobble = { minDegrees: 2, maxDegrees: 5, blur: 0.9, noise: 10, shift: 12 };
