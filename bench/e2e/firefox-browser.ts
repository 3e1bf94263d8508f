import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { inBackground, workersRunning } from '../../e2e/firefox/chrome-scripts.ts';
import { type FirefoxExtension, launchFirefox } from '../../e2e/firefox/driver.ts';
import type { TestServer } from '../../e2e/server.ts';
import type { BenchBrowser, DecoderPresence, MemoryFigure, RunFigure } from './bench-browser.ts';
import { type BenchCase, IMAGES_SETTLED, serveCasePage } from './cases.ts';
import type { StageMark } from './extension-contexts.ts';
import { POPUP_PROBE, type PopupProbe } from './popup-probe.ts';
import { treeCpuMs } from './process-cpu.ts';
import { extensionProcessMemory } from './process-memory.ts';
import { breakdown } from './stages.ts';

/**
 * One build of the extension in its own Firefox ESR, through the Firefox e2e driver (e2e/firefox/driver.ts):
 * the real right-click and menu item. Where the time goes is read from the same User Timing marks: the
 * event page's through a frame script (BiDi lists no event page realm; it lists the decoder worker's realm
 * but cannot evaluate in it, so the worker's own stages show in Chromium only, same code). The time counts from the right-click (the bench's clock, Firefox's own menu included: the
 * same for every build); the stages, and the comparison with Chromium (where the bench fires the menu event
 * itself), count from the background's `click` mark, the menu event reaching the extension.
 */

type ProbeWindow = Window & { __qrkrBench?: PopupProbe };

const MARKS = `(() => JSON.stringify(Array.from(performance.getEntriesByType('mark'))
  .filter((m) => m.name.startsWith('qrkr:'))
  .map((m) => [m.name.slice(5), performance.timeOrigin + m.startTime])))()`;

const BACKGROUND_MARKS = `const w = content.wrappedJSObject;
  reply(JSON.stringify(Array.from(w.performance.getEntriesByType('mark'))
    .filter((m) => m.name.startsWith('qrkr:'))
    .map((m) => [m.name.slice(5), w.performance.timeOrigin + m.startTime])));`;

export class FirefoxBrowser implements BenchBrowser {
  readonly browserName = 'Firefox';
  private popup: Page | undefined;
  private page!: Page;
  private readonly files: string;

  private constructor(
    readonly label: string,
    private readonly firefox: FirefoxExtension,
    files: string,
  ) {
    this.files = files;
  }

  static async launch(label: string, extensionDir: string): Promise<FirefoxBrowser> {
    const firefox = await launchFirefox({ extensionDir });
    const browser = new FirefoxBrowser(label, firefox, await mkdtemp(join(tmpdir(), 'qrkr-bench-ff-')));
    browser.page = await firefox.newPage();
    await browser.benchPopup();
    return browser;
  }

  private async benchPopup(): Promise<Page> {
    if (this.popup) return this.popup;
    const popup = await this.firefox.openPopup();
    await popup.evaluate(POPUP_PROBE);
    this.popup = popup;
    return popup;
  }

  /** Not the popup-open case, nor one whose click keeps the popup closed: Firefox's click is a real one. */
  supports(benchCase: BenchCase): boolean {
    return !benchCase.popupOpen && benchCase.twinOf === undefined;
  }

  /** Not measured in Firefox: its background is reached only through the menu. */
  async injectionMs(): Promise<number> {
    return Number.NaN;
  }

  async prepare(benchCase: BenchCase, server: TestServer): Promise<void> {
    if (!benchCase.menu) return;
    await this.page.goto(serveCasePage(server, benchCase.menu));
    await this.page.waitForFunction(IMAGES_SETTLED);
  }

  private async backgroundMarks(): Promise<StageMark[]> {
    try {
      const json = await this.firefox.chrome<string>(inBackground(this.firefox.geckoId, BACKGROUND_MARKS));
      return (JSON.parse(json) as [string, number][]).map(([stage, at]) => ({
        stage,
        at,
        where: 'background',
      }));
    } catch {
      return [];
    }
  }

  private async cpu(): Promise<number> {
    const pid = this.firefox.browser.process()?.pid;
    return pid ? treeCpuMs(pid) : Number.NaN;
  }

  async run(benchCase: BenchCase, server: TestServer): Promise<RunFigure> {
    void server;
    const popup = await this.benchPopup();
    await this.firefox.closePanels();
    await popup.evaluate(() => (window as ProbeWindow).__qrkrBench?.arm(true));
    const cpuBefore = await this.cpu();
    let start: number | undefined;
    const marks: StageMark[] = [];
    if (benchCase.file) {
      const path = join(this.files, benchCase.file.name);
      await writeFile(path, benchCase.file.buffer);
      const input = await popup.$('[data-testid="file-input"]');
      if (!input) throw new Error('no file input');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
      await waitPainted(popup);
      start = await popup.evaluate(() => (window as ProbeWindow).__qrkrBench?.chosen);
      const own = await popup.evaluate(MARKS);
      for (const [stage, at] of JSON.parse(String(own)) as [string, number][])
        marks.push({ stage, at, where: 'popup' });
    } else if (benchCase.menu) {
      const id = String(benchCase.menu.info(server).menuItemId);
      // The bench's own clock, the same for every build: the right-click (Firefox's menu included).
      start = Date.now();
      await this.firefox.rightClick(this.page, id === 'scan-qr-page' ? 'h1' : 'img', id);
      await waitPainted(popup);
    }
    const cpuMs = (await this.cpu()) - cpuBefore;
    const probe = await popup.evaluate(() => {
      const p = (window as ProbeWindow).__qrkrBench;
      return { rendered: p?.rendered, painted: p?.painted, state: p?.state };
    });
    const background = await this.backgroundMarks();
    marks.push(...background);
    // The menu event reaching the background: the background forgets older scans' marks.
    const clicks = background.filter((m) => m.stage === 'click' && m.at >= (start ?? 0) - 1).map((m) => m.at);
    const event = benchCase.file ? start : clicks.length > 0 ? Math.max(...clicks) : undefined;
    await this.firefox.closePanels();
    const painted = probe.painted ?? Number.NaN;
    return {
      totalMs: painted - (start ?? Number.NaN),
      state: probe.state ?? '?',
      points: event === undefined ? {} : breakdown(event, marks, probe),
      cpuMs,
      ...(event === undefined ? {} : { fromEventMs: painted - event }),
    };
  }

  async presence(): Promise<DecoderPresence> {
    let workers = 0;
    try {
      workers = await this.firefox.chrome<number>(workersRunning(this.firefox.geckoId, 'decoder-worker.js'));
    } catch (error) {
      // The event page is not running (Firefox suspended it): it holds no worker.
      if (!/not running/.test(String(error))) throw error;
    }
    return { offscreen: false, workers, engineInBackground: false };
  }

  async memory(): Promise<MemoryFigure> {
    const processes = await this.firefox.chrome<{ pid: number; type: string }[]>(
      `const info = await ChromeUtils.requestProcInfo(); return info.children.map((c) => ({ pid: c.pid, type: c.type }));`,
    );
    const pids = processes.filter((p) => p.type === 'extension').map((p) => p.pid);
    const memory = await extensionProcessMemory(pids, { anyProcess: true });
    return { what: `PSS of Firefox's extension process (${memory.processes})`, mb: memory.pssMb };
  }

  async releaseBenchPages(): Promise<void> {
    await this.popup?.close();
    this.popup = undefined;
    await this.firefox.closePanels();
  }

  async close(): Promise<void> {
    await this.firefox.close().catch(() => undefined);
    await rm(this.files, { recursive: true, force: true });
  }
}

async function waitPainted(popup: Page): Promise<void> {
  await popup.waitForFunction(() => (window as ProbeWindow).__qrkrBench?.painted !== undefined, {
    timeout: 60_000,
    polling: 20,
  });
}
