import { readFile } from 'node:fs/promises';

/**
 * The memory of the extension's renderer process(es) in Chromium: every renderer the browser reports
 * (`SystemInfo.getProcessInfo`) whose command line says `--extension-process`. That process hosts the
 * service worker, the offscreen document, its decoder worker (and the wasm heap) and any extension page
 * (the bench's popup window). PSS counts shared pages once per sharer, so it adds up across processes.
 */
export interface ProcessMemory {
  processes: number;
  rssMb: number;
  pssMb: number;
}

export async function extensionProcessMemory(
  pids: readonly number[],
  { anyProcess = false }: { anyProcess?: boolean } = {},
): Promise<ProcessMemory> {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of pids) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      // Chromium rewrites its process title: the arguments may be split by NULs or by spaces.
      if (!anyProcess && !cmdline.split(/[\0 ]/).includes('--extension-process')) continue;
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += kilobytes(rollup, 'Rss');
      pss += kilobytes(rollup, 'Pss');
      processes++;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { processes, rssMb: rss / 1024, pssMb: pss / 1024 };
}

function kilobytes(rollup: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup);
  return match ? Number(match[1]) : 0;
}
