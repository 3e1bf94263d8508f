import type { TextNoticeCode } from './types.ts';

/** The host of an `https://` URL, lowercased, or `undefined` for anything else. */
function httpsHost(text: string): string | undefined {
  return /^https:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(text)?.[1]?.toLowerCase();
}

function isHostUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Microsoft Authenticator enrollment: `phonefactor://activate_account?code=…&url=…` (work or school
 * accounts) and the `https://…microsoftonline…` / `mobileappcommunicator.auth.microsoft.com` links of
 * Microsoft's own sign-in. They register the app with Microsoft's servers; no key is in them.
 */
function isMicrosoftEnrollment(text: string): boolean {
  if (/^phonefactor:/i.test(text)) return true;
  const host = httpsHost(text);
  if (host === undefined) return false;
  return (
    /(^|\.)microsoftonline\.(com|us|de|cn)$/.test(host) ||
    isHostUnder(host, 'mobileappcommunicator.auth.microsoft.com')
  );
}

/** The Duo activation code's second half: base64 of the API host (`api-1234abcd.duosecurity.com`). */
function isDuoApiHost(base64: string): boolean {
  try {
    return /^api-[a-z0-9-]+\.duo(security)?\.com$/i.test(atob(base64));
  } catch {
    return false;
  }
}

/**
 * Duo Mobile activation: the QR text `CODE-BASE64HOST` (optionally `duo://CODE-BASE64HOST`) and the
 * `https://m-….duosecurity.com/activate/…` links. Duo Mobile trades the code for a key with Duo's servers.
 */
function isDuoActivation(text: string): boolean {
  const code = /^(?:duo:\/\/)?[A-Za-z0-9]{8,}-([A-Za-z0-9+/]{8,}={0,2})$/i.exec(text);
  if (code?.[1] !== undefined && isDuoApiHost(code[1])) return true;
  const host = httpsHost(text);
  return host !== undefined && isHostUnder(host, 'duosecurity.com') && /\/activat/i.test(text);
}

/** Which known enrollment code that holds no key this text is, if any. */
export function enrollmentNotice(text: string): TextNoticeCode | undefined {
  if (isMicrosoftEnrollment(text)) return 'microsoft-enrollment';
  if (isDuoActivation(text)) return 'duo-activation';
  return undefined;
}
