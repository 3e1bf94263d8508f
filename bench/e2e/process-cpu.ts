import { readdir, readFile } from 'node:fs/promises';

/**
 * CPU time used by a browser and every process it started (renderers, GPU, utilities), from /proc: the work
 * a scan costs the machine, which a loaded machine does not stretch the way it stretches waiting time.
 * Clock ticks of 10 ms: compare means over many runs, not single runs.
 */
const TICK_MS = 10;

interface Stat {
  pid: number;
  ppid: number;
  ticks: number;
}

async function stats(): Promise<Stat[]> {
  const found: Stat[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const raw = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces: the fields after it follow its closing parenthesis.
      const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      const num = (i: number) => Number(fields[i - 3] ?? 0);
      // utime, stime, and the children the process waited for (cutime, cstime).
      found.push({ pid: Number(name), ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17) });
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** The CPU time (ms) of the process `rootPid` and all its descendants. */
export async function treeCpuMs(rootPid: number): Promise<number> {
  const all = await stats();
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const root = all.find((s) => s.pid === rootPid);
  const queue = root ? [root] : [];
  for (let s = queue.shift(); s; s = queue.shift()) {
    ticks += s.ticks;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return ticks * TICK_MS;
}

/** The browser's own process: the one started with this profile that is not a child process type. */
export async function browserPid(userDataDir: string): Promise<number | undefined> {
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replace(/\0/g, ' ');
      if (cmdline.includes(`--user-data-dir=${userDataDir}`) && !cmdline.includes('--type='))
        return Number(name);
    } catch {
      // The process ended meanwhile.
    }
  }
  return undefined;
}
