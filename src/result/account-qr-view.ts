import { toOtpauthUri } from '../core/otp/format.ts';
import type { OtpAccount } from '../core/otp/types.ts';
import { qrSide, qrSvgPath } from '../core/qr/draw.ts';
import { tryEncodeQr } from '../core/qr/encode.ts';
import { el } from '../ui/dom.ts';
import { t } from '../ui/i18n.ts';
import type { KeyMask } from './key-mask.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Width of the drawn code in CSS pixels, quiet zone included: large enough for any phone to scan off a screen. */
const QR_CSS_PX = 264;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/**
 * The `account-qr`: a fresh QR code of the account's normalised `otpauth://` link (the one `copy-uri`
 * copies), drawn locally as an SVG: black modules on white whatever the colour scheme (phone apps need
 * dark on light), with the 4-module quiet zone inside the white.
 */
function drawQr(account: OtpAccount): HTMLElement | SVGSVGElement {
  const matrix = tryEncodeQr(toOtpauthUri(account));
  if (!matrix.ok) return el('p', { class: 'hint', role: 'note' }, t('accountQrTooLong'));
  const side = String(qrSide(matrix.value));
  const image = svg('svg', {
    'data-testid': 'account-qr',
    class: 'account-qr',
    viewBox: `0 0 ${side} ${side}`,
    width: String(QR_CSS_PX),
    height: String(QR_CSS_PX),
    role: 'img',
    'aria-label': t('accountQrLabel'),
    'shape-rendering': 'crispEdges',
  });
  image.append(
    svg('rect', { width: side, height: side, fill: '#fff' }),
    svg('path', { d: qrSvgPath(matrix.value), fill: '#000' }),
  );
  return image;
}

/**
 * The "Show QR code" button (for the card's actions) and its panel: once pressed, that one account as a QR code any phone app scans. The code follows the
 * key's mask: while the key is masked (keys hidden by the setting and not revealed, or hidden again with
 * "Hide key") the code is not drawn at all (no `account-qr` element) and a sentence says why; revealing
 * the key draws it, hiding the key removes it again. It is part of the account's card, so it is gone with
 * the result.
 */
export function accountQrView(
  account: OtpAccount,
  mask: KeyMask,
  panelId: string,
): { button: HTMLButtonElement; panel: HTMLElement } {
  const toggle = el('button', {
    type: 'button',
    'data-testid': 'show-qr',
    class: 'show-qr',
    'aria-expanded': 'false',
    'aria-controls': panelId,
  });
  const panel = el('div', { class: 'account-qr-panel', id: panelId, hidden: '' });
  let open = false;
  const draw = (): void => {
    toggle.textContent = open ? t('hideQr') : t('showQr');
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open) {
      panel.replaceChildren();
      return;
    }
    panel.replaceChildren(
      mask.masked
        ? el('p', { class: 'hint account-qr-masked', role: 'note' }, t('accountQrMasked'))
        : drawQr(account),
    );
    if (!mask.masked) panel.append(el('p', { class: 'hint' }, t('accountQrHint')));
  };
  toggle.addEventListener('click', () => {
    open = !open;
    draw();
  });
  mask.onChange(draw);
  draw();
  return { button: toggle, panel };
}
