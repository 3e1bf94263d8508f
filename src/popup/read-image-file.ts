import browser from '../shared/browser.ts';
import { outcomeOfDecode } from '../shared/scan-outcome.ts';
import { finishScan, writeScan } from '../shared/scan-store.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';

let decoder: WorkerDecoder | undefined;

const imageDecoder = (): WorkerDecoder => {
  decoder ??= new WorkerDecoder(browser.runtime.getURL('decoder-worker.js'));
  return decoder;
};

/**
 * An image is probably coming (the file dialog opens, a file is dragged in): the worker starts and its wasm
 * compiles while the person picks the file. Unused, it ends again after the usual quiet time.
 */
export function prepareImageDecoder(): void {
  imageDecoder().prepare();
}

/** Reads a QR code from an image file the person chose, pasted or dropped: same worker, same result view. */
export async function readImageFile(file: Blob): Promise<void> {
  const decoder = imageDecoder();
  const scanId = crypto.randomUUID();
  // The decode does not wait for `scanning` to be stored; the result is stored after it, in that order.
  const scanning = writeScan({
    state: 'scanning',
    scanId,
    source: 'file',
    startedAt: Date.now(),
    owner: 'popup',
  });
  const result = await decoder.decodeBlob(file);
  await scanning;
  await finishScan(scanId, 'file', outcomeOfDecode(result, 'file'));
}
