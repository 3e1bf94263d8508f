import type { Frame, Page } from 'puppeteer-core';
import QRCode from 'qrcode';
import type { TestServer } from '../server.ts';

/** Page markup shared by the Firefox grab specs. */

/** A page script that draws the QR image at `src` into `<canvas id=…>` and marks the body ready. */
export function drawIntoCanvas(src: string, id: string): string {
  return `<script>
    (() => {
      const image = new Image();
      image.onload = () => {
        const canvas = document.getElementById(${JSON.stringify(id)});
        canvas.getContext('2d').drawImage(image, 0, 0);
        document.body.dataset.ready = 'yes';
      };
      image.src = ${JSON.stringify(src)};
    })();
  </script>`;
}

export function inlineSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 2 });
}

/** A page of the server's other origin showing `body`, for an `<iframe>`; returns its URL. */
export function crossOriginFrame(server: TestServer, body: string): string {
  const path = `/frame-${Math.random().toString(36).slice(2)}.html`;
  server.serve(path, `<!doctype html><body style="margin:20px">${body}</body>`);
  return `${server.crossOrigin}${path}`;
}

/** The frame of `tab` showing `url`, once its images have decoded. */
export async function frameShowing(tab: Page, url: string): Promise<Frame> {
  const frame = await tab.waitForFrame((f) => f.url() === url);
  await frame.waitForFunction(
    'Array.from(document.images).length > 0 && Promise.all(Array.from(document.images).map((i) => i.decode())).then(() => true)',
  );
  return frame;
}

/** Page zoom as Ctrl + sets it, once the page sees it (its devicePixelRatio changed by `level`). */
export async function zoomTo(
  zoom: (tab: Page, level: number) => Promise<void>,
  tab: Page,
  level: number,
): Promise<void> {
  const before = (await tab.evaluate('window.devicePixelRatio')) as number;
  await zoom(tab, level);
  await tab.waitForFunction(`Math.abs(window.devicePixelRatio - ${before * level}) < 0.05`);
}
