// `npm run demo`: builds the extension, serves a local page of sample enrollment QR codes (plain,
// cross-origin, canvas, a Google Authenticator export, non-default settings, Steam, plain text) and starts
// Chromium with dist/chrome loaded, in a throwaway profile, on that page. Without a display it serves the
// page and says how to look at it. Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { build } from '../build.mjs';
import { findChromium, INSTALL_COMMAND } from './chromium.mjs';

const EXTENSION = new URL('../dist/chrome', import.meta.url).pathname;
const PORT = Number(process.env.DEMO_PORT ?? 8765);
const SAME = `http://127.0.0.1:${PORT}`;
/** A second origin on the same server: the browser treats localhost and 127.0.0.1 as different sites. */
const CROSS = `http://localhost:${PORT}`;

const SAMPLES = {
  plain:
    'otpauth://totp/Demo%20Shop:alex%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Demo%20Shop',
  cross: 'otpauth://totp/Cloud%20Drive:alex?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Cloud%20Drive',
  canvas: 'otpauth://totp/Forum:alex_99?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forum',
  settings:
    'otpauth://totp/Northwind%20Bank:alex?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Northwind%20Bank&algorithm=SHA256&digits=8&period=60',
  steam: 'otpauth://totp/Steam:alex?secret=NB2W45DFOIZA2LLB&issuer=Steam&encoder=steam',
  text: 'https://example.com/welcome?ref=qr',
};

// A Google Authenticator export (otpauth-migration), written the way the app's protobuf encoder does.
const varint = (n) => {
  const out = [];
  let rest = BigInt.asUintN(64, BigInt(n));
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return out;
};
const field = (number, bytes) => [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
const int = (number, value) => [...varint(number * 8), ...varint(value)];
const utf8 = (text) => [...new TextEncoder().encode(text)];
function exportUri(accounts, batchIndex, batchSize) {
  const bytes = [];
  for (const { secret, name, issuer } of accounts) {
    const account = [...field(1, utf8(secret)), ...field(2, utf8(name)), ...field(3, utf8(issuer))];
    bytes.push(...field(1, [...account, ...int(4, 1), ...int(5, 1), ...int(6, 2)]));
  }
  bytes.push(...int(2, 1), ...int(3, batchSize), ...int(4, batchIndex), ...int(5, 42));
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}
SAMPLES.export = exportUri(
  [
    { secret: 'demo-mail-key-01', name: 'alex@example.com', issuer: 'Mailbox' },
    { secret: 'demo-code-host-2', name: 'alex', issuer: 'CodeHost' },
    { secret: 'demo-chat-key-03', name: 'alex', issuer: 'Chat' },
  ],
  0,
  1,
);

const card = (title, what, body) => `<section><h2>${title}</h2><p>${what}</p>${body}</section>`;

function page() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QR Key Reader demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f5f8; color: #1b1f24; }
  header { background: #0b5cad; color: #fff; padding: 24px 32px; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 18px; padding: 24px 32px; }
  section { background: #fff; border: 1px solid #d0d7de; border-radius: 12px; padding: 16px 20px; }
  h2 { margin: 0 0 4px; font-size: 18px; } p { margin: 0 0 12px; color: #444; }
  .bg { width: 200px; height: 200px; background-size: contain; }
</style></head><body>
<header><h1>QR Key Reader demo</h1><p>Right-click a code and choose “Read QR code”, or right-click beside it and choose “Scan this page for QR codes”. All keys here are samples.</p></header>
<main>
${card('Plain image', 'A same-origin PNG, as most sites show it.', `<img src="${SAME}/qr.png?s=plain" width="200" height="200" alt="Demo Shop enrollment QR code">`)}
${card('Cross-origin image', 'Served from another origin without CORS: read from a screenshot of the tab.', `<img src="${CROSS}/qr.png?s=cross" width="200" height="200" alt="Cloud Drive enrollment QR code">`)}
${card('Canvas', 'Drawn by a script into a &lt;canvas&gt;: use “Scan this page for QR codes”.', '<canvas id="canvas" width="200" height="200"></canvas>')}
${card('Google Authenticator export', 'Three accounts in one code: each gets its card.', `<img src="${SAME}/qr.png?s=export" width="220" height="220" alt="Google Authenticator export QR code">`)}
${card('Non-default settings', 'SHA256, 8 digits, 60 seconds: the popup warns before you type the key.', `<img src="${SAME}/qr.png?s=settings" width="200" height="200" alt="Northwind Bank enrollment QR code">`)}
${card('Steam Guard', 'Five-character codes most apps cannot make.', `<img src="${SAME}/qr.png?s=steam" width="200" height="200" alt="Steam QR code">`)}
${card('Plain text', 'Not an account: shown as inert text, never opened.', `<div class="bg" style="background-image:url('${SAME}/qr.png?s=text')" role="img" aria-label="QR code with a web address"></div>`)}
</main>
<script>
  const image = new Image();
  image.onload = () => document.getElementById('canvas').getContext('2d').drawImage(image, 0, 0, 200, 200);
  image.src = '/qr.png?s=canvas';
</script>
</body></html>`;
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', SAME);
  if (url.pathname === '/qr.png') {
    const text = SAMPLES[url.searchParams.get('s') ?? ''];
    if (!text) return res.writeHead(404).end();
    const png = await QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4 });
    return res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(png);
  }
  if (url.pathname === '/')
    return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page());
  res.writeHead(404).end();
}

await build({ targets: ['chrome'] });
const server = createServer((req, res) => {
  handle(req, res).catch((error) => res.writeHead(500).end(String(error)));
});
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve));
// localhost must reach the same server for the cross-origin sample.
const crossServer = createServer((req, res) => {
  handle(req, res).catch((error) => res.writeHead(500).end(String(error)));
});
await new Promise((resolve) => crossServer.listen(PORT, '::1', resolve)).catch(() => undefined);
console.log(`Demo page: ${SAME}/  (cross-origin samples from ${CROSS})`);

let profile;
let browser;
const stop = () => {
  browser?.kill();
  server.close();
  crossServer.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const chromium = await findChromium();
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display here ($DISPLAY is not set), so no browser window can open. The page is served anyway:
  - on a machine with a desktop, run \`npm run demo\` there; or
  - run it under a virtual display: \`xvfb-run npm run demo\` (apt-get install -y xvfb); or
  - load ${EXTENSION} in your own Chromium (chrome://extensions → Developer mode → Load unpacked)
    and open ${SAME}/ (forward port ${PORT} when this machine is remote).
Ctrl+C stops the server.`);
} else if (!chromium) {
  console.log(`No Chromium found: ${INSTALL_COMMAND} (or set CHROMIUM_PATH). Ctrl+C stops the server.`);
} else {
  profile = mkdtempSync(join(tmpdir(), 'qrkr-demo-'));
  browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-first-run',
      '--no-default-browser-check',
      `${SAME}/`,
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', stop);
  console.log(`Chromium started with the extension (profile ${profile}). Close it or press Ctrl+C to stop.`);
}
