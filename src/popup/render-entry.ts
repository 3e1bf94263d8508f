import { currentCode, groupKey } from '../core/otp/format.ts';
import type { Entry, OtpAccount } from '../core/otp/types.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';

/** Copies text and shows, on the button, that it worked. */
function copyButton(testId: string, label: string, text: () => string): HTMLButtonElement {
  const button = el('button', { type: 'button', 'data-testid': testId, class: 'copy' }, label);
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(text()).then(
      () => {
        button.textContent = t('copied');
        setTimeout(() => {
          button.textContent = label;
        }, 1500);
      },
      () => {
        button.textContent = t('copyFailed');
      },
    );
  });
  return button;
}

function field(testId: string, label: string, value: string): HTMLElement {
  const row = el('div', { class: 'field' });
  row.append(
    el('span', { class: 'label' }, label),
    el('span', { 'data-testid': testId, class: 'value' }, value),
  );
  return row;
}

function renderAccount(account: OtpAccount): HTMLElement {
  const card = el('article', { 'data-testid': 'entry', 'data-kind': 'otp', class: 'entry' });
  card.append(
    field('issuer', t('fieldIssuer'), account.issuer),
    field('account', t('fieldAccount'), account.account),
    field('secret', t('fieldKey'), groupKey(account.secret)),
    field('type', t('fieldType'), account.type),
    field('algorithm', t('fieldAlgorithm'), account.algorithm),
    field('digits', t('fieldDigits'), String(account.digits)),
  );
  if (account.type === 'HOTP') card.append(field('counter', t('fieldCounter'), String(account.counter)));
  else card.append(field('period', t('fieldPeriod'), String(account.period)));
  const code = field('code', t('fieldCode'), '');
  const codeValue = code.querySelector<HTMLElement>('[data-testid="code"]');
  const countdown = el('span', { class: 'countdown' });
  code.append(countdown);
  const tick = (): void => {
    const now = currentCode(account, Date.now());
    if (codeValue) codeValue.textContent = now.code;
    countdown.textContent = now.secondsLeft === undefined ? '' : t('secondsLeft', String(now.secondsLeft));
  };
  tick();
  card.dataset.live = 'true';
  card.addEventListener('tick', tick);
  card.append(code);
  const actions = el('div', { class: 'actions' });
  actions.append(
    copyButton('copy-secret', t('copyKey'), () => account.secret),
    copyButton('copy-account', t('copyAccount'), () => account.account),
  );
  card.append(actions);
  return card;
}

function renderText(text: string): HTMLElement {
  const card = el('article', { 'data-testid': 'entry', 'data-kind': 'text', class: 'entry' });
  card.append(el('pre', { 'data-testid': 'text', class: 'text' }, text));
  return card;
}

export function renderEntry(entry: Entry): HTMLElement {
  return entry.kind === 'otp' ? renderAccount(entry.account) : renderText(entry.text);
}
