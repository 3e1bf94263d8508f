import browser from '../shared/browser.ts';
import { outcomeOfDecode, type ScanOutcome } from '../shared/scan-outcome.ts';
import { finishScan, writeScan } from '../shared/scan-store.ts';
import { WorkerDecoder } from '../shared/worker-decoder.ts';
import { combineFileOutcomes, type FileOutcome } from './files-outcome.ts';

let decoder: WorkerDecoder | undefined;
/** Reads are numbered: choosing new files stops an older read between two files, and it records nothing. */
let latestRead = 0;

/** Whether a file is worth decoding: an image, or a file the system gave no type (often a screenshot). */
export function isImageFile(file: File): boolean {
  return file.type.startsWith('image/') || file.type === '';
}

/** Told which file is being read (1-based, of `total`), and `undefined` once the read is over. */
export type OnProgress = (reading: { index: number; total: number } | undefined) => void;

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

async function readOne(file: File): Promise<ScanOutcome> {
  if (!isImageFile(file)) return { ok: false, error: 'image-unreadable' };
  return outcomeOfDecode(await imageDecoder().decodeBlob(file), 'file');
}

/**
 * Reads the QR codes in image files the person chose, pasted or dropped, one after another in their
 * order, through the same worker and result view: one result with the codes of every file, and a line for
 * each file without a code. One scan for all of them, so they gather as one result.
 */
export async function readImageFiles(files: readonly File[], onProgress: OnProgress): Promise<void> {
  if (files.length === 0) return;
  const read = ++latestRead;
  const scanId = crypto.randomUUID();
  const several = files.length > 1 ? { files: files.length } : {};
  // The first decode does not wait for `scanning` to be stored; the result is stored after it, in that order.
  const scanning = writeScan({
    state: 'scanning',
    scanId,
    source: 'file',
    startedAt: Date.now(),
    owner: 'popup',
    ...several,
  });
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    if (read !== latestRead) return;
    if (files.length > 1) onProgress({ index: index + 1, total: files.length });
    outcomes.push({ name: file.name, outcome: await readOne(file) });
  }
  if (read !== latestRead) return;
  onProgress(undefined);
  await scanning;
  await finishScan(scanId, 'file', combineFileOutcomes(outcomes));
}
