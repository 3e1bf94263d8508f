import { el } from '../ui/dom.ts';
import { t } from '../ui/i18n.ts';

const FEEDBACK_MS = 2000;

/**
 * A button that copies `text()` and says so on itself ("Copied") and to screen readers (the button's
 * polite live region), or that it failed. `onCopied` runs after a successful copy.
 */
export function copyButton(
  testId: string,
  label: string,
  text: () => string,
  onCopied?: (copied: string) => void,
): HTMLButtonElement {
  const button = el('button', { type: 'button', 'data-testid': testId, class: 'copy' });
  const caption = el('span', { 'aria-live': 'polite' }, label);
  button.append(caption);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (state: 'copied' | 'failed' | undefined, message: string): void => {
    caption.textContent = message;
    if (state) button.dataset.feedback = state;
    else delete button.dataset.feedback;
  };
  button.addEventListener('click', () => {
    const value = text();
    navigator.clipboard.writeText(value).then(
      () => {
        show('copied', t('copied'));
        onCopied?.(value);
      },
      () => show('failed', t('copyFailed')),
    );
    clearTimeout(timer);
    timer = setTimeout(() => show(undefined, label), FEEDBACK_MS);
  });
  return button;
}
