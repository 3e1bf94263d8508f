import { CdpConnection } from '../../e2e/trust-cdp.ts';

/**
 * The extension's contexts in one Chromium, over a raw DevTools Protocol connection of its own (Playwright
 * does not model an offscreen document, a `background_page` target, nor its dedicated worker): which are
 * alive, evaluating in them (the stage marks, the JS heap), and the renderer processes that host them.
 */

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A User Timing mark of the extension (`qrkr:<stage>`): its stage and its time (ms since the epoch). */
export interface StageMark {
  stage: string;
  at: number;
  /** Which context made it. */
  where: 'background' | 'offscreen' | 'worker' | 'popup';
}

const MARKS_EXPRESSION = `JSON.stringify(performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('qrkr:'))
  .map((m) => [m.name.slice(5), performance.timeOrigin + m.startTime]))`;

export class ExtensionContexts {
  private readonly sessions = new Map<string, Promise<string>>();
  /** Workers auto-attached under a page's session (attaching to a worker target directly drops the connection). */
  private readonly children = new Map<string, Map<string, TargetInfo>>();
  private readonly autoAttached = new Set<string>();

  private constructor(
    private readonly cdp: CdpConnection,
    readonly extensionId: string,
  ) {
    cdp.on('Target.attachedToTarget', (params, parent) => {
      if (!parent) return;
      const info = params.targetInfo as TargetInfo;
      const list = this.children.get(parent) ?? new Map<string, TargetInfo>();
      list.set(String(params.sessionId), info);
      this.children.set(parent, list);
    });
    cdp.on('Target.detachedFromTarget', (params, parent) => {
      this.children.get(parent)?.delete(String(params.sessionId));
    });
  }

  static async connect(userDataDir: string, extensionId: string): Promise<ExtensionContexts> {
    return new ExtensionContexts(await CdpConnection.connect(userDataDir), extensionId);
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
    return this.cdp.send(method, params, sessionId);
  }

  async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos;
  }

  /** The flat session of a page or service worker target (attached once). */
  private session(targetId: string): Promise<string> {
    let session = this.sessions.get(targetId);
    if (!session) {
      session = this.cdp
        .send('Target.attachToTarget', { targetId, flatten: true })
        .then((r) => String(r.sessionId));
      session.catch(() => this.sessions.delete(targetId));
      this.sessions.set(targetId, session);
    }
    return session;
  }

  private async evaluateIn(sessionId: string, expression: string): Promise<unknown> {
    try {
      const answer = (await this.cdp.send(
        'Runtime.evaluate',
        { expression, returnByValue: true, awaitPromise: true },
        sessionId,
      )) as { result?: { value?: unknown }; exceptionDetails?: unknown };
      return answer.exceptionDetails ? undefined : answer.result?.value;
    } catch {
      return undefined;
    }
  }

  /** Runs an expression in a page or service worker target; its JSON value, or undefined if it is gone. */
  async evaluate(targetId: string, expression: string): Promise<unknown> {
    try {
      return await this.evaluateIn(await this.session(targetId), expression);
    } catch {
      return undefined;
    }
  }

  /** The dedicated workers of a page target, as sessions (auto-attached under the page's session). */
  private async workersOf(targetId: string): Promise<string[]> {
    let sessionId: string;
    try {
      sessionId = await this.session(targetId);
    } catch {
      return [];
    }
    if (!this.autoAttached.has(sessionId)) {
      this.autoAttached.add(sessionId);
      await this.cdp
        .send(
          'Target.setAutoAttach',
          { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
          sessionId,
        )
        .catch(() => undefined);
    }
    const workers = [...(this.children.get(sessionId)?.entries() ?? [])];
    return workers.filter(([, info]) => info.type === 'worker').map(([id]) => id);
  }

  /** The offscreen document, if one is open. */
  async offscreen(): Promise<TargetInfo | undefined> {
    return (await this.targets()).find(
      (t) => t.type === 'background_page' && t.url.startsWith(`${this.origin}/offscreen.html`),
    );
  }

  /** The decoder workers of the offscreen document (Chrome's background has no worker of its own). */
  async offscreenWorkers(): Promise<string[]> {
    const offscreen = await this.offscreen();
    return offscreen ? this.workersOf(offscreen.targetId) : [];
  }

  async serviceWorker(): Promise<TargetInfo | undefined> {
    return (await this.targets()).find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`${this.origin}/`),
    );
  }

  private async marksIn(sessionId: string, where: StageMark['where']): Promise<StageMark[]> {
    const json = await this.evaluateIn(sessionId, MARKS_EXPRESSION);
    if (typeof json !== 'string') return [];
    return (JSON.parse(json) as [string, number][]).map(([stage, at]) => ({ stage, at, where }));
  }

  /**
   * Whether the service worker still holds a decoder it started (builds that decode there): it decoded, and
   * no `decoder-released` mark came after its last answer.
   */
  async engineHeld(): Promise<boolean> {
    const sw = await this.serviceWorker();
    if (!sw) return false;
    const marks = await this.marksIn(await this.session(sw.targetId), 'background');
    const at = (stage: string) => Math.max(-1, ...marks.filter((m) => m.stage === stage).map((m) => m.at));
    const used = Math.max(at('wasm-ready'), at('decoder-answered'));
    return used >= 0 && at('decoder-released') < used;
  }

  /** The marks of the background, the offscreen document (older builds) and its decoder worker. */
  async allMarks(): Promise<StageMark[]> {
    const marks: StageMark[] = [];
    const sw = await this.serviceWorker();
    if (sw) marks.push(...(await this.marksIn(await this.session(sw.targetId), 'background')));
    const offscreen = await this.offscreen();
    if (offscreen) {
      marks.push(...(await this.marksIn(await this.session(offscreen.targetId), 'offscreen')));
      for (const worker of await this.workersOf(offscreen.targetId))
        marks.push(...(await this.marksIn(worker, 'worker')));
    }
    return marks;
  }

  close(): void {
    this.cdp.close();
  }
}
