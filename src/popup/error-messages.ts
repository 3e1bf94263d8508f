import type { ScanErrorCode } from '../shared/scan-state.ts';
import { t } from './i18n.ts';

/** The one table of sentences a person reads when a scan fails: what happened and what to try. */
const ERROR_KEYS: Record<ScanErrorCode, string> = {
  'no-qr-in-image': 'errorNoQrInImage',
  'no-qr-on-page': 'errorNoQrOnPage',
  'image-not-found': 'errorImageNotFound',
  'image-unreadable': 'errorImageUnreadable',
  'protected-page': 'errorProtectedPage',
  'store-page': 'errorStorePage',
  'extension-page': 'errorExtensionPage',
  'pdf-viewer': 'errorPdfViewer',
  'file-access-needed': 'errorFileAccessNeeded',
  'capture-failed': 'errorCaptureFailed',
  'decoder-failed': 'errorDecoderFailed',
  'image-too-large': 'errorImageTooLarge',
  interrupted: 'errorInterrupted',
  timeout: 'errorTimeout',
};

export function errorSentence(code: ScanErrorCode): string {
  return t(ERROR_KEYS[code]);
}
