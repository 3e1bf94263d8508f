import type { TestServer } from '../../e2e/server.ts';
import type { BenchCase } from './cases.ts';
import type { Breakdown } from './stages.ts';

/** One timed scan. */
export interface RunFigure {
  /** From the person's action (menu click, file chosen, popup opened) to the result painted. */
  totalMs: number;
  /** The result the popup showed (`done` expected). */
  state: string;
  points: Breakdown;
  /** CPU time the browser (all its processes) used for this scan, in ms (10 ms ticks). */
  cpuMs: number;
  /**
   * From the menu event reaching the background (its `click` mark) to the key painted: what Chromium's
   * `totalMs` measures (there the bench fires that event), for comparing the browsers. Builds without marks:
   * undefined.
   */
  fromEventMs?: number;
}

/** Which of the decoder's contexts are alive, and the extension's memory. */
export interface DecoderPresence {
  offscreen: boolean;
  workers: number;
  /** Chrome's service worker decodes itself (new builds): it still holds the wasm module it compiled. */
  engineInBackground: boolean;
}

export interface MemoryFigure {
  /** What the figure is, for the printout. */
  what: string;
  mb: number;
}

/** One build of the extension in one browser, driven by the bench. */
export interface BenchBrowser {
  readonly label: string;
  readonly browserName: string;
  /** Whether this browser's bench can time the case (Firefox: no popup-open case). */
  supports(benchCase: BenchCase): boolean;
  /** The round trip of an empty `scripting.executeScript` into the case's page (the browser's own cost). */
  injectionMs(): Promise<number>;
  prepare(benchCase: BenchCase, server: TestServer): Promise<void>;
  run(benchCase: BenchCase, server: TestServer): Promise<RunFigure>;
  presence(): Promise<DecoderPresence>;
  memory(): Promise<MemoryFigure>;
  /** Closes what the bench itself holds open in the extension (its popup window) before the idle wait. */
  releaseBenchPages(): Promise<void>;
  close(): Promise<void>;
}
