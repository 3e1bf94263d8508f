import { noticeMessages } from '../core/otp/message-keys.ts';
import type { TextNotice } from '../core/otp/types.ts';
import { el } from '../ui/dom.ts';
import { hasMessage, t } from '../ui/i18n.ts';
import { copyButton } from './copy-button.ts';
import { looksLikeLink } from './display-format.ts';

/** The sentence for a text that looked like something else: why it is not an account, and what to do. */
function noticeSentence(notice: TextNotice): string {
  return noticeMessages(notice)
    .filter(({ key }) => hasMessage(key))
    .map(({ key, substitutions }) => t(key, ...substitutions))
    .join(' ');
}

/** Anything that is not an account: inert text (never a link, never opened) with a copy button. */
export function renderText(text: string, notice?: TextNotice): HTMLElement {
  const card = el('article', { 'data-testid': 'entry', 'data-kind': 'text', class: 'entry entry-text' });
  card.append(el('h2', { class: 'entry-title' }, t('textTitle')));
  if (notice) card.append(el('p', { class: 'notice', role: 'note' }, noticeSentence(notice)));
  card.append(el('pre', { 'data-testid': 'text', class: 'text', dir: 'auto', tabindex: '0' }, text));
  if (looksLikeLink(text)) card.append(el('p', { class: 'hint' }, t('linkNotOpened')));
  const actions = el('div', { class: 'actions' });
  actions.append(copyButton('copy-text', t('copyText'), () => text));
  card.append(actions);
  return card;
}
