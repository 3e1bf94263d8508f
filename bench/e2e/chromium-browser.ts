import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { extensionLaunchArgs } from '../../e2e/launch-args.ts';
import type { TestServer } from '../../e2e/server.ts';
import { findChromium } from '../../scripts/chromium.mjs';
import type { BenchBrowser, DecoderPresence, MemoryFigure, RunFigure } from './bench-browser.ts';
import { type BenchCase, IMAGES_SETTLED, serveCasePage } from './cases.ts';
import { ExtensionContexts, type StageMark } from './extension-contexts.ts';
import { POPUP_PROBE, type PopupProbe } from './popup-probe.ts';
import { browserPid, treeCpuMs } from './process-cpu.ts';
import { extensionProcessMemory } from './process-memory.ts';
import { breakdown } from './stages.ts';

type ProbeWindow = Window & { __qrkrBench?: PopupProbe };

const MARKS_IN_PAGE = () =>
  performance
    .getEntriesByType('mark')
    .filter((m) => m.name.startsWith('qrkr:'))
    .map((m) => ({
      stage: m.name.slice(5),
      at: performance.timeOrigin + m.startTime,
      where: 'popup' as const,
    }));

/** One build of the extension in its own Debian Chromium (headless, its own profile). */
export class ChromiumBrowser implements BenchBrowser {
  readonly browserName = 'Chromium';
  private page!: Page;
  private popup: Page | undefined;
  private popupTargetId: string | undefined;

  private constructor(
    readonly label: string,
    private readonly context: BrowserContext,
    private readonly dir: string,
    private readonly contexts: ExtensionContexts,
    private readonly id: string,
    private readonly pid: number | undefined,
  ) {}

  static async launch(label: string, extensionDir: string): Promise<ChromiumBrowser> {
    const executablePath = await findChromium();
    if (!executablePath)
      throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.');
    const dir = await mkdtemp(join(tmpdir(), 'qrkr-bench-'));
    const context = await chromium.launchPersistentContext(dir, {
      headless: true,
      executablePath,
      viewport: { width: 1000, height: 700 },
      args: extensionLaunchArgs(extensionDir, ['--remote-debugging-port=0']),
    });
    await context.addInitScript(POPUP_PROBE);
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    // Installing opens the onboarding tab: wait for it and close it, so it never comes to the front later.
    const onboarding = await waitFor(
      () => context.pages().find((p) => p.url().endsWith('/onboarding.html')),
      'the onboarding tab',
    );
    await onboarding.close();
    const contexts = await ExtensionContexts.connect(dir, id);
    const browser = new ChromiumBrowser(label, context, dir, contexts, id, await browserPid(dir));
    browser.page = await context.newPage();
    await browser.openBenchPopup();
    return browser;
  }

  private async sw(): Promise<Worker> {
    const live = this.context
      .serviceWorkers()
      .find((w) => w.url().startsWith(`chrome-extension://${this.id}/`));
    return live ?? this.context.waitForEvent('serviceworker');
  }

  /** popup.html in a window of its own, open before the click (as the bench always measured it). */
  private async openBenchPopup(): Promise<Page> {
    const url = `chrome-extension://${this.id}/popup.html?bench`;
    const opened = this.context.waitForEvent('page', (p) => p.url() === url);
    await (await this.sw()).evaluate(
      (u) => chrome.windows.create({ url: u, type: 'popup', width: 420, height: 640 }).then(() => undefined),
      url,
    );
    const popup = await opened;
    await popup.waitForSelector('[data-testid="result"]');
    const cdp = await this.context.newCDPSession(popup);
    const info = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    this.popupTargetId = info.targetInfo.targetId;
    await cdp.detach();
    this.popup = popup;
    return popup;
  }

  private async benchPopup(): Promise<Page> {
    return this.popup ?? this.openBenchPopup();
  }

  supports(): boolean {
    return true;
  }

  async injectionMs(): Promise<number> {
    // As a string: tsx's name-keeping helper would be in the injected function otherwise.
    const answer = await (await this.sw()).evaluate(`(async () => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(this.page.url())});
      if (!tab) return NaN;
      const at = performance.now();
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => 0, injectImmediately: true });
      return performance.now() - at;
    })()`);
    return Number(answer);
  }

  async prepare(benchCase: BenchCase, server: TestServer): Promise<void> {
    if (!benchCase.menu) return;
    await this.page.goto(serveCasePage(server, benchCase.menu));
    await this.page.waitForFunction(IMAGES_SETTLED);
    await this.page.bringToFront();
    // activeTab, as the toolbar click gives it; it lasts until the tab navigates.
    const { targetInfos } = (await this.contexts.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    })) as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url === this.page.url());
    if (!tab) throw new Error('no tab target for the bench page');
    await this.contexts.send('Extensions.triggerAction', { id: this.id, targetId: tab.targetId });
    const sw = await this.sw();
    await waitFor(
      () =>
        sw.evaluate(
          async (u) => (await chrome.tabs.query({})).some((t) => t.url === u) || undefined,
          this.page.url(),
        ),
      'activeTab on the bench page',
    );
    // The toolbar click opens the popup too: wait for it, so it is closed here and not left to open during
    // a later click.
    await waitFor(
      async () => ((await this.otherPopups()).length > 0 ? true : undefined),
      'the popup the toolbar click opened',
    );
    await this.closeOtherPopups();
  }

  /** Closes every popup.html but the bench's own: the toolbar popup and the window a click opened. */
  private async closeOtherPopups(): Promise<void> {
    for (const target of await this.otherPopups()) {
      await this.contexts.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
    }
    await waitFor(
      async () => ((await this.otherPopups()).length === 0 ? true : undefined),
      'the popups to close',
    );
  }

  /** Every popup.html but the bench's own. */
  private async otherPopups() {
    return (await this.contexts.targets()).filter(
      (target) =>
        target.type === 'page' &&
        target.targetId !== this.popupTargetId &&
        target.url.startsWith(`chrome-extension://${this.id}/popup.html`),
    );
  }

  async run(benchCase: BenchCase, server: TestServer): Promise<RunFigure> {
    const popup = await this.benchPopup();
    await popup.evaluate(() => (window as ProbeWindow).__qrkrBench?.arm(true));
    let start: number;
    const marks: StageMark[] = [];
    /** The windows already open before a right-click: whatever else is open after it, the click opened. */
    let before: Set<string> | undefined;
    const openedByClick = async () => (await this.otherPopups()).filter((t) => !before?.has(t.targetId));
    const cpuBefore = this.pid ? await treeCpuMs(this.pid) : Number.NaN;
    if (benchCase.file) {
      await popup.locator('[data-testid="file-input"]').setInputFiles(benchCase.file);
      await waitPainted(popup);
      start = (await popup.evaluate(() => (window as ProbeWindow).__qrkrBench?.chosen)) ?? Number.NaN;
      marks.push(...(await popup.evaluate(MARKS_IN_PAGE)));
      for (const worker of popup.workers()) marks.push(...(await worker.evaluate(MARKS_IN_PAGE)));
    } else if (benchCase.menu) {
      await this.page.bringToFront();
      const sw = await this.sw();
      before = new Set((await this.otherPopups()).map((t) => t.targetId));
      start = await sw.evaluate(
        async ([info, url, keepPopupClosed]) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          if (!tab) throw new Error('tab not found');
          // The case decides whether the click's openPopup opens the toolbar popup; the browser's own
          // function is kept aside once, for the cases that do. Those note when it answered: a popup closed
          // before it finished loading makes it fail, and the extension then opens its fallback window.
          type OpenPopup = (...args: unknown[]) => unknown;
          const held = globalThis as { __qrkrOpenPopup?: OpenPopup; __qrkrPopupAnswered?: boolean };
          held.__qrkrOpenPopup ??= chrome.action.openPopup as OpenPopup;
          held.__qrkrPopupAnswered = false;
          const own = held.__qrkrOpenPopup;
          (chrome.action as unknown as { openPopup: OpenPopup }).openPopup = keepPopupClosed
            ? () => Promise.resolve()
            : (...args: unknown[]) => {
                const callback = args.at(-1);
                // webextension-polyfill passes a callback: called inside it, runtime.lastError stays set.
                if (typeof callback === 'function') {
                  return own.apply(chrome.action, [
                    ...args.slice(0, -1),
                    (...answer: unknown[]) => {
                      held.__qrkrPopupAnswered = true;
                      return callback(...answer);
                    },
                  ]);
                }
                const answer = own.apply(chrome.action, args) as Promise<unknown>;
                void answer.finally(() => {
                  held.__qrkrPopupAnswered = true;
                });
                return answer;
              };
          const at = performance.timeOrigin + performance.now();
          // `dispatch` exists on extension events in Chromium but is not in the public typings.
          (chrome.contextMenus.onClicked as unknown as { dispatch(...a: unknown[]): void }).dispatch(
            { frameId: 0, editable: false, pageUrl: url, ...info },
            tab,
          );
          return at;
        },
        [benchCase.menu.info(server), this.page.url(), benchCase.twinOf !== undefined] as const,
      );
      await waitPainted(popup);
      if (benchCase.twinOf !== undefined && (await openedByClick()).length > 0) {
        throw new Error(
          `${benchCase.id} (${this.label}): the click opened a popup in a case that keeps it closed`,
        );
      }
    } else if (benchCase.popupOpen) {
      return this.openOnStoredResult(cpuBefore);
    } else {
      throw new Error(`case ${benchCase.id} has nothing to do`);
    }
    const cpuMs = (this.pid ? await treeCpuMs(this.pid) : Number.NaN) - cpuBefore;
    const probe = await popup.evaluate(() => {
      const p = (window as ProbeWindow).__qrkrBench;
      return { rendered: p?.rendered, painted: p?.painted, state: p?.state };
    });
    marks.push(...(await this.contexts.allMarks()));
    let toolbar: PopupTimes = {};
    if (before && benchCase.twinOf === undefined) {
      // The toolbar popup is closed only once openPopup answered: closed sooner, it would make openPopup
      // fail, and the extension's fallback window would open during the next click. Its own document, parse,
      // script and first paint are then read from its navigation timing.
      const sw = await this.sw();
      await waitFor(
        () =>
          sw.evaluate(
            () => (globalThis as { __qrkrPopupAnswered?: boolean }).__qrkrPopupAnswered || undefined,
          ),
        'openPopup to answer',
      );
      const [opened] = await openedByClick();
      if (!opened) throw new Error(`${benchCase.id} (${this.label}): the click opened no popup`);
      toolbar = await waitFor(async () => {
        const times = (await this.contexts.evaluate(opened.targetId, POPUP_TIMES)) as PopupTimes | undefined;
        return times?.firstPaint !== undefined ? times : undefined;
      }, "the toolbar popup's first paint");
    }
    await this.closeOtherPopups();
    return {
      totalMs: (probe.painted ?? Number.NaN) - start,
      state: probe.state ?? '?',
      points: breakdown(start, marks, {
        document: toolbar.document,
        parsed: toolbar.parsed,
        scriptRan: toolbar.scriptRan,
        firstPaint: toolbar.firstPaint,
        ...probe,
      }),
      cpuMs,
      fromEventMs: (probe.painted ?? Number.NaN) - start,
    };
  }

  /** A fresh popup.html window on the result a scan left: from asking for it to the key painted. */
  private async openOnStoredResult(cpuBefore: number): Promise<RunFigure> {
    const url = `chrome-extension://${this.id}/popup.html?fresh=${Math.random().toString(36).slice(2)}`;
    const opened = this.context.waitForEvent('page', (p) => p.url() === url);
    const start = await (await this.sw()).evaluate((u) => {
      const at = performance.timeOrigin + performance.now();
      void chrome.windows.create({ url: u, type: 'popup', width: 420, height: 640 });
      return at;
    }, url);
    const fresh = await opened;
    await waitPainted(fresh);
    const cpuMs = (this.pid ? await treeCpuMs(this.pid) : Number.NaN) - cpuBefore;
    const seen = await popupTimes(fresh);
    await fresh.close();
    return {
      totalMs: (seen.painted ?? Number.NaN) - start,
      state: seen.state ?? '?',
      points: breakdown(start, [], seen),
      cpuMs,
    };
  }

  async presence(): Promise<DecoderPresence> {
    const popupWorkers = this.popup?.workers().length ?? 0;
    return {
      offscreen: (await this.contexts.offscreen()) !== undefined,
      workers: (await this.contexts.offscreenWorkers()).length + popupWorkers,
      engineInBackground: await this.contexts.engineHeld(),
    };
  }

  async memory(): Promise<MemoryFigure> {
    const { processInfo } = (await this.contexts.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const pids = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    const memory = await extensionProcessMemory(pids);
    return {
      what: `PSS of the extension's renderer process${memory.processes === 1 ? '' : 'es'} (${memory.processes})`,
      mb: memory.pssMb,
    };
  }

  async releaseBenchPages(): Promise<void> {
    await this.popup?.close();
    this.popup = undefined;
    this.popupTargetId = undefined;
    await this.closeOtherPopups();
  }

  async close(): Promise<void> {
    this.contexts.close();
    await this.context.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

interface PopupTimes {
  rendered?: number;
  painted?: number;
  state?: string;
  document?: number;
  parsed?: number;
  scriptRan?: number;
  firstPaint?: number;
}

/** A popup's own times (ms since the epoch): its document, parsing, script, first paint, the result drawn. */
const POPUP_TIMES = `(() => {
  const p = window.__qrkrBench;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const at = (t) => (t === undefined ? undefined : performance.timeOrigin + t);
  return {
    rendered: p?.rendered,
    painted: p?.painted,
    state: p?.state,
    document: performance.timeOrigin,
    parsed: at(nav?.domInteractive),
    scriptRan: at(nav?.domContentLoadedEventEnd),
    firstPaint: at(fcp?.startTime),
  };
})()`;

async function popupTimes(page: Page): Promise<PopupTimes> {
  // As a string: tsx's name-keeping helper does not exist in the page.
  return (await page.evaluate(POPUP_TIMES)) as PopupTimes;
}

async function waitPainted(popup: Page): Promise<void> {
  await popup.waitForFunction(() => (window as ProbeWindow).__qrkrBench?.painted !== undefined, null, {
    timeout: 60_000,
    polling: 20,
  });
}

/** Asks until `probe` gives a value (bounded). */
async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what = 'a state',
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
