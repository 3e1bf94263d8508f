import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionLaunchArgs } from './e2e/launch-args.ts';
import { findChromium } from './scripts/chromium.mjs';
import { startServer } from './e2e/server.ts';
import { ExtensionContexts } from './bench/e2e/extension-contexts.ts';
const ext = resolve('dist/chrome');
const dir = await mkdtemp(join(tmpdir(), 'exp-'));
const server = await startServer();
const context = await chromium.launchPersistentContext(dir, { headless: true, executablePath: await findChromium(), viewport: { width: 1000, height: 700 }, args: extensionLaunchArgs(ext, ['--remote-debugging-port=0']) });
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
const page = await context.newPage();
server.serve('/x.html', `<!doctype html><h1>Enrol</h1><p>Some text here</p><img src="${server.qrUrl('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP')}">`);
await page.goto(server.origin + '/x.html');
await page.bringToFront();
const contexts = await ExtensionContexts.connect(dir, id);
const { targetInfos } = (await contexts.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as any;
const tab = targetInfos.find((t: any) => t.url === page.url());
await contexts.send('Extensions.triggerAction', { id, targetId: tab.targetId });
for (const p of context.pages()) if (p.url().includes('popup.html') || p.url().includes('onboarding')) await p.close();
await page.bringToFront();
const r = await sw.evaluate(`(async () => {
  const out = {};
  const w = (await chrome.tabs.query({active: true, lastFocusedWindow: true}))[0].windowId;
  for (const [name, opts] of [['png', {format:'png'}], ['jpeg92', {format:'jpeg', quality: 92}], ['jpeg100', {format:'jpeg', quality: 100}], ['png2', {format:'png'}], ['jpeg92b', {format:'jpeg', quality: 92}]]) {
    const ts = [];
    let len = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise(r => setTimeout(r, 600));
      const t = performance.now();
      const d = await chrome.tabs.captureVisibleTab(w, opts);
      ts.push(performance.now() - t); len = d.length;
    }
    ts.sort((a,b)=>a-b);
    out[name] = { median: ts[2].toFixed(1), len };
  }
  return out;
})()`);
console.log(r);
const enc = await page.evaluate(`(() => {
  const out = {};
  for (const side of [430, 2262]) {
    const c = document.createElement('canvas'); c.width = side; c.height = side;
    const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0,0,side,side); g.fillStyle = '#000';
    const m = side / 29; for (let y = 0; y < 29; y++) for (let x = 0; x < 29; x++) if ((x*7+y*13)%3===0) g.fillRect(x*m, y*m, m, m);
    for (const [t, q] of [['image/png'], ['image/jpeg', 0.92], ['image/webp', 1]]) {
      const ts = []; let len = 0;
      for (let i = 0; i < 5; i++) { const s = performance.now(); const d = c.toDataURL(t, q); ts.push(performance.now() - s); len = d.length; }
      ts.sort((a,b)=>a-b); out[side + ' ' + t] = { median: ts[2].toFixed(1), len };
    }
  }
  return out;
})()`);
console.log(enc);
contexts.close();
await context.close(); await server.close();
