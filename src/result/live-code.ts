import { currentCode } from '../core/otp/format.ts';
import type { OtpAccount } from '../core/otp/types.ts';
import { el } from '../ui/dom.ts';
import { t, tCount } from '../ui/i18n.ts';
import { groupCode } from './display-format.ts';

/**
 * The code an app shows now, with the seconds it stays valid as text and as a shrinking bar. The element
 * listens for `tick` events (the popup sends one a second) and then recomputes from the clock.
 */
export function liveCode(account: OtpAccount, labelId: string): HTMLElement {
  const block = el('div', { class: 'code-block', 'data-live': 'true' });
  const value = el('span', { 'data-testid': 'code', class: 'code', dir: 'ltr', 'aria-labelledby': labelId });
  const countdown = el('span', { class: 'countdown' });
  const bar = el('span', { class: 'countdown-bar', 'aria-hidden': 'true' });
  const fill = el('span', { class: 'countdown-fill' });
  bar.append(fill);
  const head = el('div', { class: 'code-head' });
  head.append(el('span', { class: 'label', id: labelId }, t('fieldCode')), countdown);
  block.append(head, value);
  if (account.type === 'HOTP') {
    block.append(el('p', { class: 'hint' }, t('codeHintHotp', String(account.counter))));
  } else {
    block.append(bar, el('p', { class: 'hint' }, t('codeHint')));
  }
  const tick = (): void => {
    const now = currentCode(account, Date.now());
    value.textContent = groupCode(now.code);
    if (now.secondsLeft === undefined) return;
    countdown.textContent = tCount('secondsLeft', now.secondsLeft);
    fill.style.width = `${(100 * now.secondsLeft) / account.period}%`;
    block.dataset.urgent = String(now.secondsLeft <= 5);
  };
  block.addEventListener('tick', tick);
  tick();
  return block;
}
