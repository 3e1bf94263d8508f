import type { OtpWarning } from '../core/otp/types.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';

/** The OTP core's message name for a warning code: hyphens become underscores. */
export function warningKey(code: string): string {
  return `otpWarning_${code.replace(/-/g, '_')}`;
}

/** Each warning as a prominent sentence; `params` fill `$1`, `$2`… of its message. */
export function warningList(warnings: OtpWarning[]): HTMLElement | undefined {
  if (warnings.length === 0) return undefined;
  const list = el('ul', { class: 'warnings', 'aria-label': t('warningsLabel') });
  for (const warning of warnings) {
    const item = el('li', { 'data-testid': 'warning', class: 'warning' });
    item.append(
      el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
      el('span', { class: 'warning-text' }, t(warningKey(warning.code), ...warning.params)),
    );
    list.append(item);
  }
  return list;
}
