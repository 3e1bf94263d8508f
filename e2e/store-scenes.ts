import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The pages e2e/store-images.spec.ts photographs for the store listing: a fictional site's two-factor
 * enrollment page, the composition that puts the popup over it like a toolbar popup, and the promotional
 * tile. Plain HTML strings; everything a person reads in the extension's own pixels comes from the real
 * popup, so only the fictional site and the browser frame are written here.
 */

const ROOT = resolve(import.meta.dirname, '..');
const THEME = readFileSync(resolve(ROOT, 'src/ui/theme.css'), 'utf8');

export const SITE_HOST = 'accounts.larkspur.example';
export const SITE_PATH = '/security/two-factor';
export const SAMPLE_ISSUER = 'Larkspur';
/** A sample key: it belongs to no account (base32 of "sample key, not real"). */
export const SAMPLE_SECRET = 'ONQW24DMMUQGWZLZFQQG433UEBZGKYLM';

/** What the fictional enrollment page says, in each language the store screenshots show. */
export interface EnrollmentText {
  lang: string;
  dir: 'ltr' | 'rtl';
  account: string;
  nav: [string, string, string, string];
  title: string;
  lead: string;
  scanStep: string;
  codeStep: string;
  codeLabel: string;
  verify: string;
  qrAlt: string;
}

export const ENROLLMENT: readonly EnrollmentText[] = [
  {
    lang: 'en',
    dir: 'ltr',
    account: 'alex.morgan@example.com',
    nav: ['Profile', 'Security', 'Notifications', 'Billing'],
    title: 'Set up two-factor authentication',
    lead: 'Protect your Larkspur account with a second step when you sign in.',
    scanStep: 'Scan this QR code with your authenticator app.',
    codeStep: 'Enter the 6-digit code the app shows.',
    codeLabel: '6-digit code',
    verify: 'Verify and turn on',
    qrAlt: 'QR code for your authenticator app',
  },
  {
    lang: 'de',
    dir: 'ltr',
    account: 'lena.schmidt@example.com',
    nav: ['Profil', 'Sicherheit', 'Benachrichtigungen', 'Zahlungen'],
    title: 'Zwei-Faktor-Anmeldung einrichten',
    lead: 'Schützen Sie Ihr Larkspur-Konto mit einem zweiten Schritt bei der Anmeldung.',
    scanStep: 'Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.',
    codeStep: 'Geben Sie den 6-stelligen Code ein, den die App zeigt.',
    codeLabel: '6-stelliger Code',
    verify: 'Bestätigen und aktivieren',
    qrAlt: 'QR-Code für Ihre Authenticator-App',
  },
  {
    lang: 'ja',
    dir: 'ltr',
    account: 'yuki.tanaka@example.com',
    nav: ['プロフィール', 'セキュリティ', '通知', 'お支払い'],
    title: '2 要素認証を設定する',
    lead: 'サインイン時の確認を 1 段階増やして、Larkspur アカウントを保護しましょう。',
    scanStep: '認証アプリでこの QR コードをスキャンしてください。',
    codeStep: 'アプリに表示された 6 桁のコードを入力してください。',
    codeLabel: '6 桁のコード',
    verify: '確認して有効にする',
    qrAlt: '認証アプリ用の QR コード',
  },
  {
    lang: 'ar',
    dir: 'rtl',
    account: 'layla.haddad@example.com',
    nav: ['الملف الشخصي', 'الأمان', 'الإشعارات', 'الفواتير'],
    title: 'إعداد المصادقة الثنائية',
    lead: 'احمِ حسابك في Larkspur بخطوة ثانية عند تسجيل الدخول.',
    scanStep: 'امسح رمز QR هذا باستخدام تطبيق المصادقة.',
    codeStep: 'أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق.',
    codeLabel: 'الرمز المكوّن من 6 أرقام',
    verify: 'تحقّق وفعّل',
    qrAlt: 'رمز QR لتطبيق المصادقة',
  },
];

export function sampleUri(text: EnrollmentText): string {
  const label = encodeURIComponent(`${SAMPLE_ISSUER}:${text.account}`);
  return `otpauth://totp/${label}?secret=${SAMPLE_SECRET}&issuer=${SAMPLE_ISSUER}`;
}

/** A base64 data: URL of a PNG, to put screenshots and the icon into a page without a server. */
export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

export const ICON = pngDataUrl(readFileSync(resolve(ROOT, 'icons/icon-128.png')));

function page(lang: string, dir: string, title: string, css: string, body: string): string {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>
<style>${THEME}
:root { color-scheme: light; font: 15px / 1.5 var(--sans); }
${css}</style></head><body>${body}</body></html>`;
}

/** The fictional site's enrollment page, with the QR code at `qrSrc`. */
export function enrollmentPage(text: EnrollmentText, qrSrc: string): string {
  const css = `
html, body { background: #f6f4ef; color: #23201b; min-block-size: 100%; }
.site { display: flex; align-items: center; gap: 10px; padding: 14px 32px; background: #2f5d50; color: #fff; }
.site .mark { width: 28px; height: 28px; border-radius: 50%; background: #e9c46a; }
.site .brand { font-weight: 700; font-size: 19px; }
.site .user { margin-inline-start: auto; opacity: 0.9; font-size: 14px; }
.layout { display: flex; gap: 32px; padding: 28px 32px; }
nav { flex: 0 0 190px; display: flex; flex-direction: column; gap: 4px; }
nav a { color: inherit; text-decoration: none; padding: 8px 12px; border-radius: 8px; }
nav a.here { background: #e3ece8; color: #2f5d50; font-weight: 700; }
.card { flex: 0 1 560px; background: #fff; border: 1px solid #e2ddd3; border-radius: 14px; padding: 28px 32px; }
h1 { margin: 0 0 6px; font-size: 26px; }
.lead { margin: 0 0 20px; color: #5a544a; }
ol { margin: 0; padding-inline-start: 22px; display: grid; gap: 14px; }
.qr { display: block; margin-block: 10px 0; border: 1px solid #e2ddd3; border-radius: 8px; }
.row { display: flex; gap: 10px; margin-block-start: 8px; align-items: end; }
label { display: grid; gap: 4px; font-size: 13px; color: #5a544a; }
input { font: 20px var(--mono); letter-spacing: 4px; inline-size: 170px; padding: 8px 10px;
  border: 1px solid #c9c2b4; border-radius: 8px; }
button { font: inherit; font-weight: 700; padding: 10px 18px; border: 0; border-radius: 8px;
  background: #2f5d50; color: #fff; }`;
  const nav = text.nav.map((item, i) => `<a href="#"${i === 1 ? ' class="here"' : ''}>${item}</a>`).join('');
  return page(
    text.lang,
    text.dir,
    text.title,
    css,
    `<header class="site"><span class="mark"></span><span class="brand">Larkspur</span>
<span class="user" dir="ltr">${text.account}</span></header>
<div class="layout"><nav>${nav}</nav>
<main class="card"><h1>${text.title}</h1><p class="lead">${text.lead}</p>
<ol><li>${text.scanStep}<img class="qr" src="${qrSrc}" alt="${text.qrAlt}"></li>
<li>${text.codeStep}<div class="row"><label>${text.codeLabel}<input inputmode="numeric" placeholder="••• •••"></label>
<button type="button">${text.verify}</button></div></li></ol></main></div>`,
  );
}

export const SCREEN = { width: 1280, height: 800 } as const;
export const TOOLBAR_HEIGHT = 52;

/**
 * A browser window, 1280×800: a toolbar with the site's address and the extension's button at the inline
 * end (the left in a right-to-left browser), the page below it, and the popup hanging from the button.
 */
export function composition(text: EnrollmentText, pageShot: string, popupShot: string): string {
  const css = `
body { inline-size: ${SCREEN.width}px; block-size: ${SCREEN.height}px; overflow: hidden; position: relative;
  background: #fff; }
.toolbar { block-size: ${TOOLBAR_HEIGHT}px; display: flex; align-items: center; gap: 14px; padding-inline: 16px;
  background: #dfe3e8; border-block-end: 1px solid #c4cad1; }
.nav { display: flex; gap: 14px; color: #4a5460; }
.nav svg { inline-size: 18px; block-size: 18px; }
[dir="rtl"] .nav .mirror { transform: scaleX(-1); }
.omnibox { flex: 1; display: flex; align-items: center; gap: 8px; block-size: 34px; padding-inline: 14px;
  border-radius: 17px; background: #fff; color: #1b1f24; font-size: 14px; }
.omnibox .host { color: #1b1f24; }
.omnibox .path { color: #6b7480; }
.button { inline-size: 34px; block-size: 34px; display: grid; place-items: center; border-radius: 50%;
  background: #c9d6e6; }
.button img { inline-size: 20px; block-size: 20px; }
.shot { display: block; }
.popup { position: absolute; inset-block-start: ${TOOLBAR_HEIGHT - 6}px; inset-inline-end: 10px;
  border-radius: 10px; box-shadow: 0 8px 28px rgb(16 24 40 / 28%), 0 0 0 1px rgb(16 24 40 / 12%); }`;
  const arrow = (d: string) =>
    `<svg class="mirror" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"><path d="${d}"/></svg>`;
  const reload =
    '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"><path d="M20 12a8 8 0 1 1-2.3-5.6M20 4v5h-5"/></svg>';
  const lock =
    '<svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="#4a5460" stroke-width="2.4"><rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>';
  return page(
    text.lang,
    text.dir,
    'store screenshot',
    css,
    `<div class="toolbar"><span class="nav">${arrow('M19 12H5m6-6-6 6 6 6')}${arrow('M5 12h14m-6-6 6 6-6 6')}${reload}</span>
<span class="omnibox">${lock}<span dir="ltr"><span class="host">${SITE_HOST}</span><span class="path">${SITE_PATH}</span></span></span>
<span class="button"><img src="${ICON}" alt=""></span></div>
<img class="shot" src="${pageShot}" alt="">
<img class="popup" src="${popupShot}" alt="">`,
  );
}

export const TILE = { width: 440, height: 280 } as const;

/** The 440×280 promotional tile: icon, name, tagline, and a key grouped for typing as the popup shows it. */
export function promoTile(lang: string, name: string, tagline: string): string {
  const groups = SAMPLE_SECRET.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
  const css = `
body { inline-size: ${TILE.width}px; block-size: ${TILE.height}px; overflow: hidden; background: var(--hero);
  color: #fff; display: flex; flex-direction: column; justify-content: center; gap: 18px; padding-inline: 30px; }
.head { display: flex; align-items: center; gap: 18px; }
.icon { inline-size: 84px; block-size: 84px; padding: 10px; border-radius: 20px; background: #fff;
  box-shadow: 0 4px 14px rgb(0 0 0 / 25%); }
h1 { margin: 0; font-size: 34px; line-height: 1.1; }
p { margin: 6px 0 0; font-size: 16px; line-height: 1.35; opacity: 0.95; }
.key { align-self: flex-start; font: 700 22px var(--mono); letter-spacing: 1px; padding: 8px 16px;
  border-radius: 10px; background: rgb(255 255 255 / 16%); border: 1px solid rgb(255 255 255 / 35%); }`;
  return page(
    lang,
    'ltr',
    name,
    css,
    `<div class="head"><img class="icon" src="${ICON}" alt=""><div><h1>${name}</h1><p>${tagline}</p></div></div>
<div class="key" dir="ltr">${groups}</div>`,
  );
}
