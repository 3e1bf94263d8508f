import { isDecoderPortOffer } from '../shared/decoder-port-offer.ts';
import { type Answer, DecoderRequests, type MakeRequest } from '../shared/decoder-requests.ts';
import { DECODE_TIMEOUT_MS } from '../shared/worker-decoder.ts';
import type { WorkerResponse } from '../shared/worker-protocol.ts';

/** How long the decoder worker has to acknowledge a request on the port before it is asked another way. */
const ACK_MS = 2000;

/**
 * Chrome's service worker side of the direct line to the decoder worker (`DecoderPortOffer`). The port is
 * kept only in this run's memory (a restarted service worker asks the document for a new one) and given up
 * when the document may have closed; a request the worker does not acknowledge in time is sent the usual
 * way, through the document.
 */
let line: { port: MessagePort; requests: DecoderRequests } | undefined;

/** Registered at top level by index.ts (Chrome only): takes the port the offscreen document offers. */
export function listenForDecoderPort(ownOrigin: string): void {
  const scope = globalThis as unknown as ServiceWorkerGlobalScope;
  scope.addEventListener('message', (event: ExtendableMessageEvent) => {
    const source = event.source;
    // Only the extension's own offscreen document (no page can reach this service worker, but still).
    if (!source || !('url' in source) || !source.url.startsWith(`${ownOrigin}/offscreen.html`)) return;
    const [port] = event.ports;
    if (!isDecoderPortOffer(event.data) || !port) return;
    dropDecoderPort();
    const requests = new DecoderRequests(DECODE_TIMEOUT_MS, () => dropDecoderPort());
    port.onmessage = (message: MessageEvent<WorkerResponse>) => requests.receive(message.data);
    line = { port, requests };
  });
}

/** Sends a request on the port; undefined when there is none (ask through the document). */
export function sendOnDecoderPort(make: MakeRequest): Promise<Answer> | undefined {
  const current = line;
  if (!current) return undefined;
  return current.requests
    .send((request, transfer) => current.port.postMessage(request, transfer), make, ACK_MS)
    .catch((error: unknown) => {
      if (line === current) dropDecoderPort();
      throw error;
    });
}

export function hasDecoderPort(): boolean {
  return line !== undefined;
}

export function dropDecoderPort(): void {
  line?.port.close();
  line = undefined;
}
