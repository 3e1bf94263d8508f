import type { CdpConnection } from './trust-cdp.ts';

/**
 * Records every request made by every target of the browser: pages, the extension's service worker, its
 * offscreen document (a `background_page` target), dedicated workers, popups. It auto-attaches at browser
 * level with `waitForDebuggerOnStart`, enables the Network domain and auto-attach on each new session, then
 * lets it run, so nothing a context does before the recorder sees it can slip through.
 */

export interface TargetRecord {
  sessionId: string;
  targetId: string;
  type: string;
  /** The target's URL, kept current through `Target.targetInfoChanged`. */
  url: string;
  /** Every URL the target has had (a tab navigates from about:blank to its page). */
  urls: string[];
  parentSessionId: string;
}

export interface RequestRecord {
  url: string;
  /** The document (or worker script) the request was made for. */
  documentUrl: string;
  /** An extension script in the request's initiator stack (a content script's fetch), else ''. */
  initiator?: string;
  /** The target that made it, as it was at the time. */
  targetType: string;
  targetUrl: string;
  sessionId: string;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

export interface ConsoleRecord {
  text: string;
  targetType: string;
  targetUrl: string;
}

export class ContextRecorder {
  /** Live sessions, by session id. */
  readonly targets = new Map<string, TargetRecord>();
  /** Sessions that have ended (a closed popup, a stopped service worker), kept to attribute their requests. */
  private readonly ended = new Map<string, TargetRecord>();
  readonly requests: RequestRecord[] = [];
  /** Everything any context logged (console API calls and uncaught exceptions), as text. */
  readonly logs: ConsoleRecord[] = [];

  private constructor(private readonly cdp: CdpConnection) {}

  static async start(cdp: CdpConnection): Promise<ContextRecorder> {
    const recorder = new ContextRecorder(cdp);
    cdp.on('Target.attachedToTarget', (params, parent) => recorder.attached(params, parent));
    cdp.on('Target.targetInfoChanged', (params) => recorder.changed(params.targetInfo as TargetInfo));
    cdp.on('Target.detachedFromTarget', (params) => recorder.detached(String(params.sessionId)));
    cdp.on('Network.requestWillBeSent', (params, sessionId) => recorder.request(params, sessionId));
    cdp.on('Runtime.consoleAPICalled', (params, sessionId) => recorder.log(params.args, sessionId));
    cdp.on('Runtime.exceptionThrown', (params, sessionId) =>
      recorder.log([params.exceptionDetails], sessionId),
    );
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    await cdp.send('Target.setAutoAttach', AUTO_ATTACH);
    return recorder;
  }

  /** Runs `expression` (awaited) in the target behind `sessionId`; returns its JSON value. */
  async evaluate(sessionId: string, expression: string): Promise<unknown> {
    const result = (await this.cdp.send(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    )) as { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    if (result.exceptionDetails) throw new Error(`evaluate: ${result.exceptionDetails.text}`);
    return result.result?.value;
  }

  /** The live targets whose type and URL match. */
  find(type: string, urlPrefix: string): TargetRecord[] {
    return [...this.targets.values()].filter((t) => t.type === type && t.url.startsWith(urlPrefix));
  }

  private attached(params: Record<string, unknown>, parentSessionId: string): void {
    const info = params.targetInfo as TargetInfo;
    const sessionId = String(params.sessionId);
    this.targets.set(sessionId, {
      sessionId,
      targetId: info.targetId,
      type: info.type,
      url: info.url,
      urls: [info.url],
      parentSessionId,
    });
    // Sent back to back: the target handles them in order, so Network is on before it runs.
    const ignore = (): undefined => undefined;
    void this.cdp.send('Network.enable', {}, sessionId).catch(ignore);
    void this.cdp.send('Runtime.enable', {}, sessionId).catch(ignore);
    void this.cdp.send('Target.setAutoAttach', AUTO_ATTACH, sessionId).catch(ignore);
    void this.cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(ignore);
  }

  private detached(sessionId: string): void {
    const target = this.targets.get(sessionId);
    if (!target) return;
    this.targets.delete(sessionId);
    this.ended.set(sessionId, target);
  }

  private changed(info: TargetInfo): void {
    for (const target of this.targets.values()) {
      if (target.targetId !== info.targetId) continue;
      target.url = info.url;
      if (!target.urls.includes(info.url)) target.urls.push(info.url);
    }
  }

  private log(values: unknown, sessionId: string): void {
    const target = this.targets.get(sessionId) ?? this.ended.get(sessionId);
    this.logs.push({
      text: JSON.stringify(values),
      targetType: target?.type ?? 'unknown',
      targetUrl: target?.url ?? '',
    });
  }

  private request(params: Record<string, unknown>, sessionId: string): void {
    const target = this.targets.get(sessionId) ?? this.ended.get(sessionId);
    const request = params.request as { url: string };
    this.requests.push({
      url: request.url,
      documentUrl: String(params.documentURL ?? ''),
      initiator: injectedInitiator(params.initiator),
      targetType: target?.type ?? 'unknown',
      targetUrl: target?.url ?? '',
      sessionId,
    });
  }
}

interface StackTrace {
  callFrames?: { url?: string }[];
  parent?: StackTrace;
}

/**
 * The extension script behind a request made inside a page: a `chrome-extension://` URL in the initiator's
 * stack (a file injected with `scripting.executeScript({ files })`), or `injected` when every frame of a
 * script initiator has no URL (a function injected with `executeScript({ func })`; the test pages run no
 * such script). '' for anything else.
 */
function injectedInitiator(initiator: unknown): string {
  const { type, url, stack } = (initiator ?? {}) as { type?: string; url?: string; stack?: StackTrace };
  const urls = url ? [url] : [];
  let frames = 0;
  for (let trace = stack; trace; trace = trace.parent) {
    for (const frame of trace.callFrames ?? []) {
      frames++;
      if (frame.url) urls.push(frame.url);
    }
  }
  const extension = urls.find((u) => u.startsWith('chrome-extension://'));
  if (extension) return extension;
  return type === 'script' && frames > 0 && urls.length === 0 ? 'injected' : '';
}

/**
 * True when the request was made by one of the extension's own contexts, or by its script running in a
 * page (the injected grab function).
 */
export function isExtensionContext(request: RequestRecord, extensionId: string): boolean {
  if (request.initiator === 'injected') return true;
  const prefix = `chrome-extension://${extensionId}/`;
  return [request.targetUrl, request.documentUrl, request.initiator ?? ''].some((url) =>
    url.startsWith(prefix),
  );
}

/**
 * The requests that break the promise: an extension context asking for anything but its own files, inline
 * data, or a resource the page itself loaded; or any page reaching an origin outside the test. The browser's
 * own UI (`browser_ui` targets such as the omnibox popup, loading chrome:// resources) is not in scope.
 */
export function forbiddenRequests(
  requests: readonly RequestRecord[],
  extensionId: string,
  testOrigins: readonly string[],
): RequestRecord[] {
  const own = `chrome-extension://${extensionId}/`;
  const inline = (url: string): boolean => /^(data|blob|about):/.test(url);
  const inScope = (r: RequestRecord): boolean => r.targetType !== 'browser_ui';
  const pageResources = new Set(
    requests.filter((r) => !isExtensionContext(r, extensionId)).map((r) => r.url),
  );
  return requests.filter(inScope).filter((r) => {
    if (r.url.startsWith(own) || inline(r.url)) return false;
    if (isExtensionContext(r, extensionId)) return !pageResources.has(r.url);
    return !testOrigins.some((origin) => r.url.startsWith(`${origin}/`));
  });
}
