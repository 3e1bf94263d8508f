import {
  expect,
  expectTexts,
  firefoxTest,
  imagesSettled,
  readImage,
  scanPage,
  showPage,
} from './fixtures.ts';
import { crossOriginFrame, drawIntoCanvas, frameShowing, zoomTo } from './page-helpers.ts';

/**
 * A HiDPI window (`layout.css.devPixelsPerPx` = 2): Firefox's screenshots are in device pixels, twice the
 * viewport's CSS size, and the crop must scale by it; at 150 % zoom, by three.
 */
const test = firefoxTest({ devPixelsPerPx: 2 });

test('the window is HiDPI: two device pixels per CSS pixel', async ({ tab, server }) => {
  await showPage(tab, server, '<p>HiDPI</p>');
  expect(await tab.evaluate('window.devicePixelRatio')).toBe(2);
});

test('HiDPI: same-origin image (read directly) and cross-origin image (screenshot crop)', async ({
  firefox,
  tab,
  server,
}) => {
  await showPage(
    tab,
    server,
    `<img id="same" src="${server.qrUrl('hidpi same origin')}" alt="QR">
     <img id="cross" src="${server.qrUrl('hidpi cross origin', { scale: 4 }, server.crossOrigin)}" style="margin-left:60px" alt="QR">`,
  );
  await imagesSettled(tab);
  expectTexts(await readImage(firefox, tab, '#same'), ['hidpi same origin']);
  expectTexts(await readImage(firefox, tab, '#cross'), ['hidpi cross origin']);
});

test('HiDPI: page scan of a canvas and a cross-origin frame', async ({ firefox, tab, server }) => {
  const url = crossOriginFrame(
    server,
    `<img src="${server.qrUrl('hidpi framed', {}, server.crossOrigin)}" alt="QR">`,
  );
  await showPage(
    tab,
    server,
    `<canvas id="c" width="264" height="264"></canvas>${drawIntoCanvas(server.qrUrl('hidpi canvas'), 'c')}
     <iframe src="${url}" width="360" height="360" style="border:0"></iframe>`,
  );
  await tab.waitForSelector('body[data-ready=yes]');
  await frameShowing(tab, url);
  expectTexts(await scanPage(firefox, tab), ['hidpi canvas', 'hidpi framed']);
});

test('HiDPI at 150 % zoom: screenshot crop and page scan', async ({ firefox, tab, server }) => {
  const src = server.qrUrl('hidpi zoomed', {}, server.crossOrigin);
  await showPage(
    tab,
    server,
    `<p>Zoomed page</p><img id="qr" src="${src}" style="margin-left:80px" alt="QR">`,
  );
  await imagesSettled(tab);
  await zoomTo(firefox.setZoom, tab, 1.5);
  expect(await tab.evaluate('window.devicePixelRatio')).toBeCloseTo(3, 1);
  expectTexts(await readImage(firefox, tab, '#qr'), ['hidpi zoomed']);
  expectTexts(await scanPage(firefox, tab), ['hidpi zoomed']);
});
