import browser from '../shared/browser.ts';
import { SCAN_PAGE_COMMAND } from '../shared/commands.ts';
import { t } from './i18n.ts';

/** The key combination the person (or the browser's default) set for the page scan; '' when none is set. */
export async function scanPageShortcut(): Promise<string> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === SCAN_PAGE_COMMAND)?.shortcut ?? '';
}

/**
 * Fills a hint with the shortcut as the browser reports it (the key combination isolated left to right),
 * and how to change it in this browser's own shortcut settings.
 */
export function showShortcutHint(hint: HTMLElement, shortcut: string): void {
  const change = ` ${t(`shortcutChange_${__BROWSER__}`)}`;
  if (!shortcut) {
    hint.replaceChildren(t('shortcutNone'), change);
    return;
  }
  const keys = document.createElement('kbd');
  keys.dir = 'ltr';
  keys.textContent = shortcut;
  const [before = '', after = ''] = t('shortcutHint', '\uE000').split('\uE000');
  hint.replaceChildren(before, keys, after, change);
}
