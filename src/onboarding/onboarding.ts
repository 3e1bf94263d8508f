import { currentCode } from '../core/otp/format.ts';
import { readQrText } from '../core/otp/read-qr-text.ts';
import { groupCode } from '../result/display-format.ts';
import { tCount, translatePage } from '../ui/i18n.ts';
import { scanPageShortcut, showShortcutHint } from '../ui/shortcut.ts';
import practice from './practice-account.json';

/** The onboarding page: translated text, and the practice code's live code to compare with a phone. */
translatePage(document);

const [entry] = readQrText(practice.uri);
const code = document.querySelector<HTMLElement>('[data-testid="practice-code"]');
const countdown = document.querySelector<HTMLElement>('[data-testid="practice-countdown"]');

function tick(): void {
  if (entry?.kind !== 'otp' || !code || !countdown) return;
  const now = currentCode(entry.account, Date.now());
  code.textContent = groupCode(now.code);
  countdown.textContent = now.secondsLeft === undefined ? '' : tCount('secondsLeft', now.secondsLeft);
}

tick();
setInterval(tick, 1000);

const shortcutHint = document.querySelector<HTMLElement>('[data-testid="shortcut-hint"]');
if (shortcutHint) void scanPageShortcut().then((shortcut) => showShortcutHint(shortcutHint, shortcut));
