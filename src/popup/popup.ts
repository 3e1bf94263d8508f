import browser from '../shared/browser.ts';
import { SCAN_KEY, visibleScan } from '../shared/scan-state.ts';
import { clearScan, readStoredScan } from '../shared/scan-store.ts';
import { prepareClipboardClear, scheduleClipboardClear } from './clipboard-clear.ts';
import { t, translatePage } from './i18n.ts';
import { wireImageInput } from './image-input.ts';
import { ResultView } from './result-view.ts';
import { scanThisPage } from './scan-this-page.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { wireSettingsPanel } from './settings-panel.ts';
import { loadSettings } from './settings-store.ts';

const result = document.querySelector<HTMLElement>('[data-testid="result"]');
const statusLine = document.querySelector<HTMLElement>('.status-line');

translatePage(document);

let settings: Settings = DEFAULT_SETTINGS;
const view = result ? new ResultView(result) : undefined;

/** A short sentence under the result (why "Scan this page" did nothing, a pasted non-image). */
function say(key: string | undefined): void {
  if (statusLine) statusLine.textContent = key ? t(key) : '';
}

async function refresh(): Promise<void> {
  const scan = visibleScan(await readStoredScan(), Date.now());
  view?.render(scan, {
    hideKeys: settings.hideKeys,
    onKeyCopied: (key) => {
      if (settings.clearClipboard) void scheduleClipboardClear(key);
    },
  });
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && SCAN_KEY in changes) {
    say(undefined);
    void refresh();
  }
});

/** Live codes and countdowns; expiry of the shown result. */
setInterval(() => {
  view?.tick();
  void refresh();
}, 1000);

void loadSettings().then((loaded) => {
  settings = loaded;
  const panel = document.querySelector<HTMLElement>('.settings');
  if (panel) {
    wireSettingsPanel(
      panel,
      settings,
      (changed) => {
        settings = changed;
        void refresh();
      },
      async (name) => {
        if (name !== 'clearClipboard') return true;
        const granted = await prepareClipboardClear();
        say(granted ? undefined : 'clipboardNeedsPermission');
        return granted;
      },
    );
  }
  return refresh();
});

const fileInput = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
if (fileInput) wireImageInput(fileInput, () => say('notAnImage'));

document.querySelector('[data-testid="scan-page"]')?.addEventListener('click', () => {
  say(undefined);
  void scanThisPage().then((outcome) => {
    if (outcome === 'no-page') say('scanNoPage');
    if (outcome === 'failed') say('scanFailed');
  });
});

document.querySelector('[data-testid="clear"]')?.addEventListener('click', () => {
  void clearScan().then(() => {
    say('cleared');
    document.querySelector<HTMLElement>('[data-testid="scan-page"]')?.focus();
  });
});

document.querySelector('[data-testid="open-onboarding"]')?.addEventListener('click', (event) => {
  event.preventDefault();
  void browser.tabs.create({ url: browser.runtime.getURL('onboarding.html') }).then(() => window.close());
});
