import type { DecodeResult } from '../core/qr/types.ts';
import type { Decoder } from '../shared/decoder.ts';
import type { EncodedImage } from '../shared/encoded-image.ts';
import { sendMessage } from '../shared/send.ts';
import { markStage } from '../shared/stage-marks.ts';

const OFFSCREEN_PATH = 'offscreen.html';

let creating: Promise<void> | undefined;

/** Creates the offscreen document once; concurrent callers share one promise. */
export async function ensureOffscreenDocument(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS, chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Decode QR codes in a Web Worker; empty the clipboard a minute after a key was copied.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Chrome: the service worker cannot start a Worker, so the decoder lives in an offscreen document. */
export class OffscreenDecoder implements Decoder {
  async decode(image: EncodedImage): Promise<DecodeResult> {
    markStage('decode-sent');
    await ensureOffscreenDocument();
    return sendMessage<'decode'>({ type: 'decode', image });
  }
}
