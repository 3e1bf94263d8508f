import { expect } from '@playwright/test';

/**
 * The live code on screen is the code of the current period. A page redraws its codes once a second, so
 * just after a period begins it may still show the last one: this waits (for that state, bounded by the
 * expect timeout) until the code read between two clock readings is the code of one of them. A wrong code
 * never becomes current, and fails.
 */
export async function expectCurrentCode(
  read: () => Promise<string | null | undefined>,
  generate: (timestamp: number) => string,
): Promise<void> {
  await expect
    .poll(async () => {
      const before = Date.now();
      const shown = (await read())?.replace(/\s/g, '');
      const after = Date.now();
      if (shown === generate(before) || shown === generate(after)) return 'the current code';
      return `${shown}, while the current code is ${generate(after)}`;
    })
    .toBe('the current code');
}
