import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BaselineBuild {
  ref: string;
  commit: string;
  /** dist/chrome and dist/firefox of that commit. */
  chromeDir: string;
  firefoxDir: string;
  /** How its dependencies were set up: a link to this checkout's node_modules, or its own `npm ci`. */
  dependencies: 'linked' | 'npm ci';
  remove(): Promise<void>;
}

/**
 * Builds `ref` in a temporary git worktree, for a side-by-side run. Its dependencies are this checkout's
 * node_modules (a link) when its package-lock.json is byte-identical, else its own `npm ci`.
 */
export async function buildBaseline(ref: string): Promise<BaselineBuild> {
  const git = (...args: string[]) => run('git', args, { cwd: ROOT }).then((r) => r.stdout.trim());
  const commit = await git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = await mkdtemp(join(tmpdir(), 'qrkr-baseline-'));
  await git('worktree', 'add', '--detach', dir, commit);
  const remove = async () => {
    await git('worktree', 'remove', '--force', dir).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const theirs = await git('show', `${commit}:package-lock.json`);
    const ours = (await readFile(join(ROOT, 'package-lock.json'), 'utf8')).trim();
    let dependencies: BaselineBuild['dependencies'];
    if (theirs === ours) {
      await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      dependencies = 'linked';
    } else {
      await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
      dependencies = 'npm ci';
    }
    await run(process.execPath, ['build.mjs'], { cwd: dir });
    return {
      ref,
      commit,
      chromeDir: join(dir, 'dist', 'chrome'),
      firefoxDir: join(dir, 'dist', 'firefox'),
      dependencies,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
