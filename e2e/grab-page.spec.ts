import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { expect, imagesSettled, showPage, test } from './fixtures.ts';
import {
  clickMenuGranted,
  expectError,
  expectTexts,
  imageClick,
  PAGE_SCAN,
  scanWithPopup,
  setZoom,
} from './grab-helpers.ts';

/**
 * The page menu (`scan-qr-page`): every QR code visible in the tab, whatever element shows it; pages the
 * browser protects; page zoom. Runs at device scale factor 1 and 2 (projects dpr1, dpr2).
 */

/** A page script that draws the QR image at `src` into `<canvas id=…>` and marks the body ready. */
function drawIntoCanvas(src: string, id: string): string {
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

test('a <canvas> code', async ({ page, server, extension }) => {
  await showPage(
    page,
    server,
    `<h1>Your code</h1><canvas id="c" width="264" height="264"></canvas>${drawIntoCanvas(server.qrUrl('on a canvas'), 'c')}`,
  );
  await page.waitForSelector('body[data-ready=yes]');
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['on a canvas']);
});

test('an inline <svg> code', async ({ page, server, extension }) => {
  const svg = await QRCode.toString('inline svg', { type: 'svg', margin: 2 });
  await showPage(page, server, `<div style="width:220px">${svg}</div>`);
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['inline svg']);
});

test('a CSS background code (cross-origin)', async ({ page, server, extension }) => {
  const src = server.qrUrl('css background', {}, server.crossOrigin);
  await showPage(
    page,
    server,
    `<div style="width:280px;height:280px;background:#fff url('${src}') center no-repeat"></div><img src="${src}" style="display:none" alt="">`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['css background']);
});

test('a paused <video> frame', async ({ page, server, extension }) => {
  const src = server.qrUrl('video frame');
  await showPage(
    page,
    server,
    `<video muted playsinline width="264" height="264"></video><script>
      (() => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 264;
        const video = document.querySelector('video');
        video.srcObject = canvas.captureStream(10);
        const image = new Image();
        image.onload = () => {
          const context = canvas.getContext('2d');
          const paint = () => context.drawImage(image, 0, 0);
          paint();
          const timer = setInterval(paint, 50);
          video.addEventListener('loadeddata', () => {
            video.requestVideoFrameCallback(() => {
              video.pause();
              clearInterval(timer);
              document.body.dataset.ready = 'yes';
            });
          });
          video.play();
        };
        image.src = ${JSON.stringify(src)};
      })();
    </script>`,
  );
  await page.waitForSelector('body[data-ready=yes]');
  await expectTexts(await scanWithPopup(extension, page, { ...PAGE_SCAN, mediaType: 'video' }), [
    'video frame',
  ]);
});

test('a code inside a cross-origin frame', async ({ page, server, extension }) => {
  const framePath = `/frame-${Math.random().toString(36).slice(2)}.html`;
  server.serve(
    framePath,
    `<!doctype html><body style="margin:20px"><img src="${server.qrUrl('framed', {}, server.crossOrigin)}" alt="QR"></body>`,
  );
  await showPage(
    page,
    server,
    `<p>Below, a frame from another site:</p><iframe src="${server.crossOrigin}${framePath}" width="400" height="400"></iframe>`,
  );
  await page.frameLocator('iframe').locator('img').waitFor();
  await page
    .frameLocator('iframe')
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.decode());
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['framed']);
});

test('two codes: one entry each, in reading order', async ({ page, server, extension }) => {
  await showPage(
    page,
    server,
    `<img src="${server.qrUrl('first code', {}, server.crossOrigin)}" alt="QR">
     <canvas id="c" width="264" height="264"></canvas>${drawIntoCanvas(server.qrUrl('second code'), 'c')}
     <img src="${server.qrUrl('first code')}" style="width:120px" alt="the first again">`,
  );
  await page.waitForSelector('body[data-ready=yes]');
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['first code', 'second code']);
});

test('same-origin and cross-origin images', async ({ page, server, extension }) => {
  await showPage(
    page,
    server,
    `<div><img src="${server.qrUrl('same site image')}" alt="QR"></div>
     <div><img src="${server.qrUrl('other site image', {}, server.crossOrigin)}" alt="QR"></div>`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['same site image', 'other site image']);
});

test('no code on the page gives a sentence', async ({ page, server, extension }) => {
  await showPage(page, server, '<h1>Nothing to see</h1><p>Just text, no QR code.</p>');
  await expectError(await scanWithPopup(extension, page, PAGE_SCAN), /No QR code is visible on this page/);
});

test('at 150 % page zoom: screenshot crop and page scan', async ({ page, server, extension }) => {
  const src = server.qrUrl('zoomed', {}, server.crossOrigin);
  await showPage(page, server, `<p>Zoomed page</p><img src="${src}" style="margin-left:120px" alt="QR">`);
  await imagesSettled(page);
  await setZoom(extension, page, 1.5);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['zoomed']);
  await expectTexts(await scanWithPopup(extension, page, PAGE_SCAN), ['zoomed']);
});

test('a page the browser protects gives a sentence (menu and popup button)', async ({ page, extension }) => {
  await page.goto('chrome://version');
  const popup = await extension.openPopup();
  await page.bringToFront();
  const sw = await extension.serviceWorker();
  await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, windowType: 'normal' });
    if (!tab) throw new Error('no active tab');
    const info = { menuItemId: 'scan-qr-page', frameId: 0, editable: false, pageUrl: 'chrome://version/' };
    (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
  });
  await expectError(popup, /does not let extensions read this page/);

  const tabId = await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, windowType: 'normal' });
    return [tab?.id, tab?.windowId];
  });
  await popup.evaluate(
    ([id, windowId]) => chrome.runtime.sendMessage({ type: 'scan-tab', tabId: id, windowId }),
    tabId,
  );
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /scanning|error/);
  await expectError(popup, /does not let extensions read this page/);
});

test('a file:// page is read when the browser allows file access', async ({ page, extension }) => {
  const dir = await mkdtemp(join(tmpdir(), 'qrkr-file-'));
  try {
    const src = await QRCode.toDataURL('local file', { scale: 6 });
    const path = join(dir, 'enrol.html');
    await writeFile(path, `<!doctype html><body><img src="${src}" alt="QR"></body>`);
    await page.goto(`file://${path}`);
    await imagesSettled(page);
    // Chromium grants file access to an extension loaded with --load-extension; without it the grab is
    // refused and the person reads "Allow access to file URLs" (protected-page.test.ts).
    const sw = await extension.serviceWorker();
    expect(await sw.evaluate(() => chrome.extension.isAllowedFileSchemeAccess())).toBe(true);
    await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['local file']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('screenshots faster than Chromium allows (about two a second) wait their turn', async ({
  page,
  server,
  extension,
}) => {
  const first = server.qrUrl('rapid one', {}, server.crossOrigin);
  const last = server.qrUrl('rapid last', {}, server.crossOrigin);
  await showPage(page, server, `<img src="${first}" alt="QR"> <img src="${last}" alt="QR">`);
  await imagesSettled(page);
  const popup = await extension.openPopup();
  // Four screenshot reads fired at once: two page scans and two cross-origin images.
  await clickMenuGranted(extension, page, PAGE_SCAN);
  for (const info of [imageClick(first), PAGE_SCAN, imageClick(last)]) await extension.clickMenu(page, info);
  await expect(popup.getByTestId('result')).toHaveAttribute('data-state', /^(done|error)$/, {
    timeout: 30_000,
  });
  await expectTexts(popup, ['rapid last']);
});
