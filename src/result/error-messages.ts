import type { ScanErrorCode, ScanSource } from '../shared/scan-state.ts';
import { hasMessage, t } from '../ui/i18n.ts';
import { errorMessageKey } from './error-message-key.ts';

/**
 * The sentence a person reads when a scan fails: what happened and what to try. A code without a sentence
 * of its own yet (a new grab error, say) still gets a general one rather than a message name.
 */
export function errorSentence(code: ScanErrorCode, source: ScanSource): string {
  const specific = errorMessageKey(code, source);
  if (hasMessage(specific)) return t(specific);
  const general = errorMessageKey(code, 'page');
  return hasMessage(general) ? t(general) : t('errorUnknown');
}
