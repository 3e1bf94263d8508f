/// <reference lib="webworker" />
import { markStage } from '../shared/stage-marks.ts';
import type { WorkerRequest } from '../shared/worker-protocol.ts';
import { requestServer, startEngine } from './serve-requests.ts';

/**
 * The decoder's dedicated worker (Firefox's event page, the popup and the camera page start one): it has no
 * extension API; requests in, answers out (serve-requests.ts).
 */
declare const self: DedicatedWorkerGlobalScope;

markStage('worker-started');
// The host starts this worker early: the module compiles while the first image is still on its way.
startEngine(new URL('zxing_reader.wasm', self.location.href).href);

const serve = requestServer();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void serve(event.data).then((response) => self.postMessage(response));
};
