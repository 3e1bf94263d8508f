/// <reference lib="webworker" />
import { markStage } from '../shared/stage-marks.ts';
import type { WorkerNotice, WorkerRequest } from '../shared/worker-protocol.ts';
import { QuietWatch, WORKER_ASK_AFTER_MS, WORKER_CLOSE_AFTER_MS } from './quiet-watch.ts';
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

const notify = (notice: WorkerNotice) => self.postMessage(notice);
// Left running by a host that did not end it (see quiet-watch.ts), the worker asks, then ends itself.
const watch = new QuietWatch(
  WORKER_ASK_AFTER_MS,
  WORKER_CLOSE_AFTER_MS,
  () => notify({ type: 'quiet' }),
  () => {
    notify({ type: 'closing' });
    self.close();
  },
);
watch.begin();
watch.end();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  watch.begin();
  void serve(event.data)
    .then((response) => self.postMessage(response))
    .finally(() => watch.end());
};
