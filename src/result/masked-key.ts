import { groupKey } from '../core/otp/format.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/i18n.ts';
import { maskKey } from './display-format.ts';
import type { KeyMask } from './key-mask.ts';

/**
 * The key, large and grouped in fours. While `mask` is masked it shows `•••• ••••` and a `reveal` button
 * that puts the key into the same element; "Hide key" masks it again.
 */
export function keyView(secret: string, mask: KeyMask, labelId: string): HTMLElement {
  const block = el('div', { class: 'key-block' });
  const head = el('div', { class: 'key-head' });
  const value = el('output', {
    'data-testid': 'secret',
    class: 'secret',
    dir: 'ltr',
    'aria-labelledby': labelId,
  });
  head.append(el('span', { class: 'label', id: labelId }, t('fieldKey')));
  block.append(head, value);
  const toggle = el('button', { type: 'button', class: 'link-button' });
  head.append(toggle);
  const show = (masked: boolean): void => {
    value.textContent = masked ? maskKey(secret) : groupKey(secret);
    value.dataset.masked = String(masked);
    value.setAttribute('aria-label', masked ? t('keyHiddenLabel') : secret.split('').join(' '));
    toggle.textContent = masked ? t('revealKey') : t('hideKey');
    toggle.dataset.testid = masked ? 'reveal' : 'hide-key';
  };
  toggle.addEventListener('click', () => {
    mask.set(!mask.masked);
    toggle.focus();
  });
  mask.onChange(show);
  show(mask.masked);
  return block;
}
