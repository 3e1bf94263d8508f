import { warningMessage } from '../core/otp/message-keys.ts';
import type { OtpWarning } from '../core/otp/types.ts';
import { el } from '../ui/dom.ts';
import { t, tCount } from '../ui/i18n.ts';

/** Each warning as a prominent sentence; `params` fill `$1`, `$2`… of its message. */
export function warningList(warnings: OtpWarning[]): HTMLElement | undefined {
  if (warnings.length === 0) return undefined;
  const list = el('ul', { class: 'warnings', 'aria-label': t('warningsLabel') });
  for (const warning of warnings) {
    const item = el('li', { 'data-testid': 'warning', class: 'warning' });
    const { key, substitutions, count } = warningMessage(warning);
    const sentence =
      count === undefined ? t(key, ...substitutions) : tCount(key, count, ...substitutions.slice(1));
    item.append(
      el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
      el('span', { class: 'warning-text' }, sentence),
    );
    list.append(item);
  }
  return list;
}
