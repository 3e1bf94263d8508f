import type { Runtime } from 'webextension-polyfill';
import type { PendingClear } from '../clipboard/pending-clear.ts';

/**
 * The one message protocol between the extension's contexts: each message type with its request fields
 * and its response. Add a message here and every context that must handle it fails to compile until it does.
 */
export interface Protocol {
  /** Popup → background: scan what is visible in this tab (the popup's "Scan this page" button). */
  'scan-tab': { request: { tabId: number; windowId: number }; response: { started: boolean } };
  /** Background → offscreen document (Chrome): empty the clipboard if it still holds the copied key. */
  'clipboard-clear': { request: { pending: PendingClear }; response: { cleared: boolean } };
}

export type MessageType = keyof Protocol;

export type Message = { [K in MessageType]: { type: K } & Protocol[K]['request'] }[MessageType];

export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

/** A context's handlers: exactly the message types `K` it serves, each one typed. */
export type Handlers<K extends MessageType> = {
  [P in K]: (message: MessageOf<P>, sender: Runtime.MessageSender) => Promise<ResponseOf<P>>;
};

const MESSAGE_TYPES: Record<MessageType, true> = {
  'scan-tab': true,
  'clipboard-clear': true,
};

/** Runtime guard for anything arriving through `runtime.onMessage`. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(MESSAGE_TYPES, type);
}

/** Only the extension's own pages may talk to it: no content script, no web page, no other extension. */
export function isTrustedSender(
  sender: Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.tab !== undefined && !sender.url?.startsWith(extensionOrigin)) return false;
  return sender.url === undefined || sender.url.startsWith(extensionOrigin);
}

/**
 * Builds the `runtime.onMessage` listener for one context. It is not async: it returns a promise only for
 * the messages this context serves, and `undefined` for all others so another context can answer.
 */
export function makeListener<K extends MessageType>(
  handlers: Handlers<K>,
  extensionId: string,
  extensionOrigin: string,
): (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined {
  return (message, sender) => {
    if (!isMessage(message) || !isTrustedSender(sender, extensionId, extensionOrigin)) return undefined;
    if (!Object.hasOwn(handlers, message.type)) return undefined;
    const table = handlers as unknown as Record<
      string,
      (m: Message, s: Runtime.MessageSender) => Promise<unknown>
    >;
    const handler = table[message.type];
    return handler?.(message, sender);
  };
}
