/**
 * Typed sending and receiving of protocol messages (see messages.ts). Senders get a `Result` back
 * whatever happens — a missing receiver or a dead worker becomes `{ok: false}`, never a throw.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from './browser';
import {
  type BackgroundMessage,
  type ContentToBackground,
  type PopupToBackground,
  parseBackgroundMessage,
} from './messages';
import { errorMessage, fail, ok, type Result } from './result';

/** The parts of a message's sender the background decides on (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** Who we are: the extension id and the base URL of our own pages (ends with "/"). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}

async function send(message: unknown): Promise<Result<unknown>> {
  try {
    const response: unknown = await browser.runtime.sendMessage(message);
    return isResult(response) ? response : fail('the background gave no answer');
  } catch (error) {
    return fail(errorMessage(error));
  }
}

/** content script → background. */
export function sendFromContent<K extends keyof ContentToBackground>(
  type: K,
  payload: ContentToBackground[K]['request'],
): Promise<Result<ContentToBackground[K]['response']>> {
  return send({ channel: 'content', type, payload }) as Promise<Result<ContentToBackground[K]['response']>>;
}

/** popup → background. */
export function sendFromPopup<K extends keyof PopupToBackground>(
  type: K,
  payload: PopupToBackground[K]['request'],
): Promise<Result<PopupToBackground[K]['response']>> {
  return send({ channel: 'popup', type, payload }) as Promise<Result<PopupToBackground[K]['response']>>;
}

/**
 * Registers the background's single message handler. Every message gets an answer (a `Result`), so a
 * sender never waits on a message nobody handles.
 */
export function onMessage(handler: (raw: unknown, sender: SenderInfo) => Promise<Result<unknown>>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    handler(raw, sender).catch((error: unknown) => fail(errorMessage(error))),
  );
}

/**
 * Registers the content script's handler for requests from the background. Only messages from our own
 * extension that do not come from a tab (that is, from the background) and that parse are handled.
 */
export function onBackgroundRequest(
  handler: (message: BackgroundMessage) => void,
  signal: AbortSignal,
): void {
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const parsed = parseBackgroundMessage(raw);
    if (!parsed.ok) return undefined;
    handler(parsed.value);
    return Promise.resolve(ok(null));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
