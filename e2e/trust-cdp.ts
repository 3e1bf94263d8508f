import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * A raw DevTools Protocol connection of its own (flat sessions). Playwright's CDPSession cannot talk to
 * child sessions, and Playwright detaches from targets it does not model (an offscreen document is a
 * `background_page`), so the trust tests open a second connection through `--remote-debugging-port`.
 */

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string) => void;

interface Pending {
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  method: string;
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Listener[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => {
      for (const { reject, method } of this.pending.values())
        reject(new Error(`${method}: connection closed`));
      this.pending.clear();
    });
  }

  /** Connects to the browser started with `--remote-debugging-port=0` on `userDataDir`. */
  static async connect(userDataDir: string): Promise<CdpConnection> {
    const [port, path] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
    if (!port || !path) throw new Error('DevToolsActivePort is incomplete');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpConnection(socket);
  }

  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    const id = this.nextId++;
    const message: Params = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise<Params>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify(message), (error) => {
        if (error) reject(error);
      });
    });
  }

  on(method: string, listener: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  close(): void {
    this.socket.close();
  }

  private receive(raw: string): void {
    const message = JSON.parse(raw) as {
      id?: number;
      method?: string;
      params?: Params;
      result?: Params;
      error?: { message: string };
      sessionId?: string;
    };
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) return;
      if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (!message.method) return;
    for (const listener of this.listeners.get(message.method) ?? []) {
      listener(message.params ?? {}, message.sessionId ?? '');
    }
  }
}
