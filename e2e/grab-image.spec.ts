import { imagesSettled, showPage, test } from './fixtures.ts';
import { expectError, expectTexts, frameIdOf, imageClick, scanWithPopup } from './grab-helpers.ts';

/**
 * The image menu (`read-qr-image`) on every way a page shows a QR image. Runs at device scale factor 1
 * and 2 (projects dpr1, dpr2). Cross-origin images are on the server's second origin without CORS: the
 * page cannot read them, so they are read from a screenshot.
 */

test('same-origin image', async ({ page, server, extension }) => {
  const src = server.qrUrl('same origin');
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['same origin']);
});

test('cross-origin image without CORS (screenshot)', async ({ page, server, extension }) => {
  const src = server.qrUrl('cross origin', {}, server.crossOrigin);
  await showPage(page, server, `<p>Scan this:</p><img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['cross origin']);
});

test('two cross-origin images side by side: each click reads only its own code', async ({
  page,
  server,
  extension,
}) => {
  // The whole screenshot shows both codes; the scan keeps the one whose centre is in the clicked image.
  const left = server.qrUrl('left code', {}, server.crossOrigin);
  const right = server.qrUrl('right code', {}, server.crossOrigin);
  await showPage(page, server, `<img src="${left}" alt="QR"> <img src="${right}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(right)), ['right code']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(left)), ['left code']);
});

test('cross-origin image with CORS (read directly)', async ({ page, server, extension }) => {
  const src = server.qrUrl('cors clean', { cors: true }, server.crossOrigin);
  await showPage(page, server, `<img crossorigin="anonymous" src="${src}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['cors clean']);
});

test('data: URL image', async ({ page, server, extension }) => {
  const QRCode = (await import('qrcode')).default;
  const src = await QRCode.toDataURL('from a data url', { scale: 6 });
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['from a data url']);
});

test('blob: URL image', async ({ page, server, extension }) => {
  const png = server.qrUrl('from a blob');
  await showPage(
    page,
    server,
    `<img id="qr" alt="QR"><script>
      fetch(${JSON.stringify(png)}).then((r) => r.blob()).then((b) => {
        document.getElementById('qr').src = URL.createObjectURL(b);
      });
    </script>`,
  );
  await page.waitForFunction(() => {
    const img = document.getElementById('qr') as HTMLImageElement | null;
    return !!img?.src && img.complete && img.naturalWidth > 0;
  });
  const src = await page.locator('#qr').evaluate((img: HTMLImageElement) => img.currentSrc);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['from a blob']);
});

test('srcset: the candidate the browser chose (currentSrc)', async ({
  page,
  server,
  extension,
}, testInfo) => {
  const one = server.qrUrl('srcset 1x', { scale: 4 }, server.crossOrigin);
  const two = server.qrUrl('srcset 2x', { scale: 8 }, server.crossOrigin);
  await showPage(
    page,
    server,
    `<img src="${server.qrUrl('fallback')}" srcset="${one} 1x, ${two} 2x" width="132" alt="QR">`,
  );
  await imagesSettled(page);
  const dpr = (testInfo.project.use as { deviceScaleFactor?: number }).deviceScaleFactor ?? 1;
  const src = dpr >= 2 ? two : one;
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), [
    dpr >= 2 ? 'srcset 2x' : 'srcset 1x',
  ]);
});

test('<picture> with a <source>', async ({ page, server, extension }) => {
  const chosen = server.qrUrl('picture source');
  await showPage(
    page,
    server,
    `<picture><source srcset="${chosen}" type="image/png"><img src="${server.qrUrl('picture fallback')}" alt="QR"></picture>`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(chosen)), ['picture source']);
});

test('SVG file in <img>, same origin and cross-origin', async ({ page, server, extension }) => {
  const same = server.qrUrl('svg same origin', { format: 'svg' });
  const cross = server.qrUrl('svg cross origin', { format: 'svg' }, server.crossOrigin);
  await showPage(
    page,
    server,
    `<img src="${same}" width="200" alt="QR"> <img src="${cross}" width="200" alt="QR">`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(same)), ['svg same origin']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(cross)), ['svg cross origin']);
});

test('<input type="image">', async ({ page, server, extension }) => {
  const src = server.qrUrl('input image', {}, server.crossOrigin);
  await showPage(page, server, `<form><input type="image" src="${src}" alt="QR"></form>`);
  await page.waitForFunction(() => (document.querySelector('input') as HTMLInputElement).offsetWidth > 100);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['input image']);
});

test('tiny code: about 80 px, 2 px modules', async ({ page, server, extension }) => {
  const same = server.qrUrl('tiny', { scale: 2, margin: 4 });
  const cross = server.qrUrl('tiny x', { scale: 2, margin: 4 }, server.crossOrigin);
  await showPage(page, server, `<img src="${same}" alt="QR"> <img src="${cross}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(same)), ['tiny']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(cross)), ['tiny x']);
});

test('a large code shown scaled down by CSS', async ({ page, server, extension }) => {
  const same = server.qrUrl('downscaled', { scale: 12 });
  const cross = server.qrUrl('downscaled x', { scale: 12 }, server.crossOrigin);
  await showPage(
    page,
    server,
    `<img src="${same}" style="width:150px" alt="QR"> <img src="${cross}" style="width:150px" alt="QR">`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(same)), ['downscaled']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(cross)), ['downscaled x']);
});

test('transparent PNG with light modules on a dark page', async ({ page, server, extension }) => {
  const colours = { dark: 'ffffffff', light: '00000000' };
  const same = server.qrUrl('light on transparent', colours);
  const cross = server.qrUrl('light on transparent x', colours, server.crossOrigin);
  await showPage(
    page,
    server,
    `<style>body{background:#15171c}</style><img src="${same}" alt="QR"> <img src="${cross}" alt="QR">`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(same)), ['light on transparent']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(cross)), ['light on transparent x']);
});

test('transparent PNG with dark modules', async ({ page, server, extension }) => {
  const src = server.qrUrl('dark on transparent', { dark: '000000ff', light: '00000000' });
  await showPage(page, server, `<img src="${src}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['dark on transparent']);
});

test('inverted code (light modules on black)', async ({ page, server, extension }) => {
  const colours = { dark: 'ffffffff', light: '000000ff' };
  const same = server.qrUrl('inverted', colours);
  const cross = server.qrUrl('inverted x', colours, server.crossOrigin);
  await showPage(page, server, `<img src="${same}" alt="QR"> <img src="${cross}" alt="QR">`);
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(same)), ['inverted']);
  await expectTexts(await scanWithPopup(extension, page, imageClick(cross)), ['inverted x']);
});

test('cross-origin image below the fold and one cut by the viewport edge', async ({
  page,
  server,
  extension,
}) => {
  const below = server.qrUrl('below the fold', {}, server.crossOrigin);
  const edge = server.qrUrl('at the edge', {}, server.crossOrigin);
  await showPage(
    page,
    server,
    `<img src="${edge}" style="position:absolute;left:900px;top:20px" alt="QR">
     <div style="height:2400px"></div><img src="${below}" alt="QR"><div style="height:600px"></div>`,
  );
  await imagesSettled(page);
  await expectTexts(await scanWithPopup(extension, page, imageClick(below)), ['below the fold']);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectTexts(await scanWithPopup(extension, page, imageClick(edge)), ['at the edge']);
});

test('a 6000 px image', async ({ page, server, extension }) => {
  const src = server.qrUrl('six thousand', { scale: 207 });
  await showPage(page, server, `<img src="${src}" style="width:300px" alt="QR">`);
  await imagesSettled(page);
  expect6000(await page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth));
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['six thousand']);
});

function expect6000(width: number): void {
  if (width < 5900) throw new Error(`expected a 6000 px image, got ${width}`);
}

test('image in a cross-origin frame', async ({ page, server, extension }) => {
  const src = server.qrUrl('in a cross-origin frame', {}, server.crossOrigin);
  const framePath = `/frame-${Math.random().toString(36).slice(2)}.html`;
  server.serve(framePath, `<!doctype html><body style="margin:30px"><img src="${src}" alt="QR"></body>`);
  const frameUrl = `${server.crossOrigin}${framePath}`;
  await showPage(
    page,
    server,
    `<p>Frame:</p><iframe src="${frameUrl}" style="border:7px solid #888;padding:5px" width="420" height="420"></iframe>`,
  );
  await page.frameLocator('iframe').locator('img').waitFor();
  const frameId = await frameIdOf(extension, page, frameUrl);
  const popup = await scanWithPopup(extension, page, imageClick(src, { frameId, frameUrl }));
  await expectTexts(popup, ['in a cross-origin frame']);
});

test('cross-origin image in a same-origin frame (frame offset)', async ({ page, server, extension }) => {
  const src = server.qrUrl('frame offset', {}, server.crossOrigin);
  const framePath = `/frame-${Math.random().toString(36).slice(2)}.html`;
  server.serve(
    framePath,
    `<!doctype html><body style="margin:0"><div style="height:500px"></div><img src="${src}" style="margin-left:60px" alt="QR"><div style="height:500px"></div></body>`,
  );
  const frameUrl = `${server.origin}${framePath}`;
  await showPage(
    page,
    server,
    `<div style="height:150px"></div><iframe src="${frameUrl}" style="border:9px solid #888;padding:11px;margin-left:40px" width="460" height="320"></iframe>`,
  );
  await page.frameLocator('iframe').locator('img').waitFor();
  await page
    .frameLocator('iframe')
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.decode());
  const frameId = await frameIdOf(extension, page, frameUrl);
  const popup = await scanWithPopup(extension, page, imageClick(src, { frameId, frameUrl }));
  await expectTexts(popup, ['frame offset']);
});

test('an image that fails to load gives a sentence', async ({ page, server, extension }) => {
  const src = `${server.origin}/broken.png`;
  await showPage(page, server, `<img src="${src}" alt="QR" width="100" height="100">`);
  await imagesSettled(page);
  await expectError(await scanWithPopup(extension, page, imageClick(src)), /could not be read/);
});

test('a cross-origin image without a QR code gives a sentence', async ({ page, server, extension }) => {
  server.serve(
    '/plain.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160"><circle cx="80" cy="80" r="70" fill="#c84"/></svg>',
    'image/svg+xml',
  );
  const src = `${server.crossOrigin}/plain.svg`;
  await showPage(page, server, `<img src="${src}" alt="not a code">`);
  await imagesSettled(page);
  await expectError(
    await scanWithPopup(extension, page, imageClick(src)),
    /No QR code was found in this image/,
  );
});

test('an image inside a web component (open shadow root)', async ({ page, server, extension }) => {
  const src = server.qrUrl('in a shadow root', {}, server.crossOrigin);
  await showPage(
    page,
    server,
    `<qr-card></qr-card><script>
      customElements.define('qr-card', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Scan me</p><img src="${src}" alt="QR">';
        }
      });
    </script>`,
  );
  await page.waitForFunction(() => {
    const img = document.querySelector('qr-card')?.shadowRoot?.querySelector('img');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  await expectTexts(await scanWithPopup(extension, page, imageClick(src)), ['in a shadow root']);
});
