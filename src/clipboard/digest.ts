/**
 * A SHA-256 fingerprint (hex) of a copied key: enough to recognise the key on the clipboard later without
 * keeping the key itself anywhere.
 */
export async function digestOf(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
