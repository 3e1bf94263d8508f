import browser from './browser.ts';
import type { MessageOf, MessageType, ResponseOf } from './messages.ts';

/** Sends a protocol message to the extension's other contexts and returns its typed response. */
export function sendMessage<K extends MessageType>(message: MessageOf<K>): Promise<ResponseOf<K>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<K>>;
}
