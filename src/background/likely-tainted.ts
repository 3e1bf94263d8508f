/**
 * Whether the page will probably not let the grab read an image's pixels: an http(s) image from another
 * origin than the document showing it (without CORS, the usual case, the canvas is tainted). Only a hint
 * to start the screenshot early, in parallel with the grab: a wrong guess costs a discarded screenshot or
 * the usual wait, never a wrong result. Pure: unit-tested in Node.
 */
export function likelyTainted(srcUrl: string | undefined, documentUrl: string | undefined): boolean {
  if (!srcUrl || !documentUrl) return false;
  try {
    const image = new URL(srcUrl);
    if (image.protocol !== 'http:' && image.protocol !== 'https:') return false;
    return image.origin !== new URL(documentUrl).origin;
  } catch {
    return false;
  }
}
