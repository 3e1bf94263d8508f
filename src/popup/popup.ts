import {
  cancelClipboardClear,
  hasClipboardPermission,
  prepareClipboardClear,
} from '../clipboard/schedule-clear.ts';
import { mountResult } from '../result/mount-result.ts';
import browser from '../shared/browser.ts';
import { clearScan } from '../shared/scan-store.ts';
import { t, translatePage } from '../ui/i18n.ts';
import { scanPageShortcut, showShortcutHint } from '../ui/shortcut.ts';
import { wireImageInput } from './image-input.ts';
import { readProgress } from './read-progress.ts';
import { scanThisPage } from './scan-this-page.ts';
import { wireSettingsPanel } from './settings-panel.ts';

const result = document.querySelector<HTMLElement>('[data-testid="result"]');
const statusLine = document.querySelector<HTMLElement>('.status-line');

translatePage(document);

/** A short sentence under the result (why "Scan this page" did nothing, a pasted non-image). */
function say(key: string | undefined): void {
  if (statusLine) statusLine.textContent = key ? t(key) : '';
}

// A new scan replaces whatever the status line said about the previous one.
const mounted = result ? mountResult(result, { onScanStarted: () => say(undefined) }) : undefined;

void mounted?.settings.then((loaded) => {
  const panel = document.querySelector<HTMLElement>('.settings');
  if (panel) {
    wireSettingsPanel(
      panel,
      loaded,
      (changed) => {
        if (!changed.clearClipboard) void cancelClipboardClear();
        mounted.useSettings(changed);
      },
      async (name) => {
        if (name !== 'clearClipboard') return true;
        const granted = await prepareClipboardClear();
        say(granted ? undefined : 'clipboardNeedsPermission');
        return granted;
      },
    );
  }
  if (loaded.clearClipboard) {
    // On, but the permission was refused after the popup closed (Firefox): say why it cannot work yet.
    void hasClipboardPermission().then((granted) => {
      if (!granted) say('clipboardNeedsPermission');
    });
  }
});

const fileInput = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
if (fileInput && result) wireImageInput(fileInput, () => say('notAnImage'), readProgress(result));

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

/** Opens one of the extension's pages in a tab; the toolbar popup gets out of the way, a popup tab stays. */
function openPage(page: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(page) }).then(async () => {
    if ((await browser.tabs.getCurrent()) === undefined) window.close();
  });
}

document.querySelector('[data-testid="open-onboarding"]')?.addEventListener('click', (event) => {
  event.preventDefault();
  openPage('onboarding.html');
});

document
  .querySelector('[data-testid="camera-open"]')
  ?.addEventListener('click', () => openPage('camera.html'));

void scanPageShortcut().then((shortcut) => {
  const hint = document.querySelector<HTMLElement>('[data-testid="shortcut-hint"]');
  if (hint) showShortcutHint(hint, shortcut);
  const button = document.querySelector<HTMLElement>('[data-testid="scan-page"]');
  if (button && shortcut) button.title = t('scanThisPageWithShortcut', shortcut);
});
