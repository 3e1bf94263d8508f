import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's own fixtures in the apps' shapes (test/fixtures/export-formats, see its README). */
export function ownFixture(name: string): string {
  return readFileSync(join('test/fixtures/export-formats', name), 'utf8');
}

/**
 * The folder of Aegis's importer test files (GPL-3.0; read at test time, never copied into the
 * repository): `$AEGIS_IMPORTER_FIXTURES` when set (only it), else `../shared/fixtures/aegis-importers` beside the clone (or
 * beside its worktree folder). Undefined when absent, e.g. in CI's clean clone.
 */
export const AEGIS_FIXTURES: string | undefined = (
  process.env.AEGIS_IMPORTER_FIXTURES
    ? [process.env.AEGIS_IMPORTER_FIXTURES]
    : ['../shared/fixtures/aegis-importers', '../../shared/fixtures/aegis-importers']
).find((dir) => existsSync(join(dir, 'aegis_plain.json')));

/** `skip` option for a test that needs the Aegis fixtures: the reason when they are missing. */
export const NO_AEGIS_FIXTURES: string | false =
  AEGIS_FIXTURES === undefined &&
  'the Aegis importer fixtures (../shared/fixtures/aegis-importers) are not on this machine';

export function aegisFixture(name: string): string {
  if (AEGIS_FIXTURES === undefined) throw new Error(String(NO_AEGIS_FIXTURES));
  return readFileSync(join(AEGIS_FIXTURES, name), 'utf8');
}
