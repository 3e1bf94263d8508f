import { toOtpauthUri } from '../core/otp/format.ts';
import type { OtpAccount } from '../core/otp/types.ts';
import { tCount } from '../ui/i18n.ts';
import { copyButton } from './copy-button.ts';

/**
 * "Copy all": every account's normalised `otpauth://` link (as `copy-uri` copies it), one a line, in the
 * order shown, for a password manager's or an app's import. The links hold the keys, so this copy counts
 * as copying a key: `onCopied` may schedule the clipboard's emptying.
 */
export function copyAllButton(
  accounts: readonly OtpAccount[],
  onCopied: (text: string) => void,
): HTMLElement {
  return copyButton(
    'copy-all',
    tCount('copyAll', accounts.length),
    () => accounts.map(toOtpauthUri).join('\n'),
    onCopied,
  );
}
