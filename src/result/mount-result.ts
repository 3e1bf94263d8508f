import { scheduleClipboardClear } from '../clipboard/schedule-clear.ts';
import type { Settings } from '../settings/settings.ts';
import { loadSettings } from '../settings/settings-store.ts';
import browser from '../shared/browser.ts';
import { isScanState, SCAN_KEY, type ScanState, visibleScan } from '../shared/scan-state.ts';
import { readStoredScan } from '../shared/scan-store.ts';
import { prepareFormats } from '../ui/i18n.ts';
import { ResultView } from './result-view.ts';

export interface MountedResult {
  /** The person's settings, once loaded (nothing is drawn before: a hidden key never flashes). */
  readonly settings: Promise<Settings>;
  /** The settings changed (the popup's settings panel): redraw with them. */
  useSettings(settings: Settings): void;
}

export interface MountOptions {
  /** A new scan started (another tab's menu click, a file): the page may clear its own status line. */
  onScanStarted?: () => void;
}

/**
 * Shows the latest scan of this browser session in `root` (the `result` element) and keeps it current: it
 * follows `storage.session`, ticks the live codes once a second, forgets an expired result, hides keys as
 * the settings say and schedules the clipboard clearing after "Copy key". The popup and the camera page
 * both show their result through this, so they cannot drift apart.
 */
export function mountResult(root: HTMLElement, { onScanStarted }: MountOptions = {}): MountedResult {
  const view = new ResultView(root);
  let settings: Settings | undefined;
  /** Reads are numbered: a slow read never draws over what a newer one found. */
  let latestRead = 0;

  const show = (stored: ScanState): void => {
    if (!settings) return;
    view.render(visibleScan(stored, Date.now()), {
      hideKeys: settings.hideKeys,
      onKeyCopied: (key) => {
        if (settings?.clearClipboard) void scheduleClipboardClear(key);
      },
    });
  };

  const refresh = async (): Promise<void> => {
    const read = ++latestRead;
    const stored = await readStoredScan();
    if (read === latestRead) show(stored);
  };

  // Each change is drawn from the change itself, in the order they happen: a `scanning` followed at once by
  // its result is shown too, and a read still on its way (started before the change) is dropped.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' || !(SCAN_KEY in changes)) return;
    const next = changes[SCAN_KEY]?.newValue;
    if (isScanState(next) && next.state === 'scanning') onScanStarted?.();
    latestRead++;
    show(isScanState(next) ? next : { state: 'idle' });
  });

  setInterval(() => {
    view.tick();
    void refresh();
  }, 1000);

  // Settings and the scan are read together: the popup draws its result one storage round trip sooner.
  const first = ++latestRead;
  const stored = readStoredScan();
  const loaded = loadSettings().then(async (found) => {
    settings = found;
    const scan = await stored.catch((): ScanState => ({ state: 'idle' }));
    if (first === latestRead) show(scan);
    else void refresh();
    // After the first frame, while a scan may still be on its way: the formatters its result needs.
    requestAnimationFrame(() => setTimeout(prepareFormats, 0));
    return found;
  });

  return {
    settings: loaded,
    useSettings(changed) {
      settings = changed;
      void refresh();
    },
  };
}
