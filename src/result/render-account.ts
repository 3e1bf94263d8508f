import { toOtpauthUri } from '../core/otp/format.ts';
import type { OtpAccount } from '../core/otp/types.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/i18n.ts';
import { accountQrView } from './account-qr-view.ts';
import { copyButton } from './copy-button.ts';
import { KeyMask } from './key-mask.ts';
import { liveCode } from './live-code.ts';
import { keyView } from './masked-key.ts';
import { warningList } from './warning-list.ts';

export interface AccountOptions {
  /** Mask the key until the person reveals it. */
  hideKey: boolean;
  /** Runs after the key (not the URI or the account) was copied. */
  onKeyCopied: (key: string) => void;
}

let nextId = 0;

function setting(testId: string, label: string, value: string): HTMLElement[] {
  return [el('dt', {}, label), el('dd', { 'data-testid': testId, dir: 'ltr' }, value)];
}

/** One card per account: who it is for, warnings first, then the key, the live code and its settings. */
export function renderAccount(account: OtpAccount, options: AccountOptions): HTMLElement {
  const id = `entry-${++nextId}`;
  const card = el('article', {
    'data-testid': 'entry',
    'data-kind': 'otp',
    class: 'entry entry-otp',
    'aria-labelledby': `${id}-title`,
  });
  const title = el('h2', { class: 'entry-title', id: `${id}-title` });
  const issuer = el('span', { 'data-testid': 'issuer', class: 'issuer', dir: 'auto' }, account.issuer);
  title.append(issuer);
  if (!account.issuer) title.append(el('span', { class: 'muted' }, t('noIssuer')));
  const who = el('p', { class: 'account-line' });
  who.append(
    el('span', { class: 'label' }, t('fieldAccount')),
    el('span', { 'data-testid': 'account', class: 'account', dir: 'auto' }, account.account),
  );
  card.append(title, who);
  const warnings = warningList(account.warnings);
  if (warnings) card.append(warnings);
  const mask = new KeyMask(options.hideKey);
  card.append(keyView(account.secret, mask, `${id}-key`), liveCode(account, `${id}-code`));
  const settings = el('dl', { class: 'otp-settings', 'aria-label': t('settingsOfCode') });
  settings.append(
    ...setting('type', t('fieldType'), account.type),
    ...setting('algorithm', t('fieldAlgorithm'), account.algorithm),
    ...setting('digits', t('fieldDigits'), String(account.digits)),
    ...(account.type === 'HOTP'
      ? setting('counter', t('fieldCounter'), String(account.counter))
      : setting('period', t('fieldPeriod'), String(account.period))),
  );
  card.append(settings);
  const actions = el('div', { class: 'actions' });
  actions.append(
    copyButton('copy-secret', t('copyKey'), () => account.secret, options.onKeyCopied),
    copyButton('copy-uri', t('copyUri'), () => toOtpauthUri(account)),
    copyButton('copy-account', t('copyAccount'), () => account.account),
  );
  const qr = accountQrView(account, mask, `${id}-qr`);
  actions.append(qr.button);
  card.append(actions, qr.panel);
  return card;
}
