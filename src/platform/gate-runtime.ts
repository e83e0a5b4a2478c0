/**
 * Messaging for the always-injected gate, on the browsers' own promise-based APIs (`browser.*` in
 * Firefox, `chrome.*` in Chrome MV3) rather than webextension-polyfill: the gate runs on every page,
 * and the polyfill alone would triple its size. Replies go through `sendResponse`, which both browsers
 * support, instead of returned promises, which older Chrome versions ignore.
 */
import type { ContentToBackground } from './messages';
import { fail, type Result } from './result';

interface NativeEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
type MessageListener = (
  raw: unknown,
  sender: { id?: string; tab?: unknown },
  respond: (r: unknown) => void,
) => undefined;
interface NativeApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: NativeEvent<MessageListener>;
  };
  storage: { onChanged: NativeEvent<(changes: Record<string, unknown>, area: string) => void> };
}

const api = (): NativeApi => {
  const g = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  return (g.browser ?? g.chrome)!;
};

/** Sends a content message; any failure (no background, extension reloaded) is a `{ok: false}`. */
export async function sendFromGate<K extends keyof ContentToBackground>(
  type: K,
  payload: ContentToBackground[K]['request'],
): Promise<Result<ContentToBackground[K]['response']>> {
  try {
    const response = (await api().runtime.sendMessage({ channel: 'content', type, payload })) as Result<
      ContentToBackground[K]['response']
    > | null;
    return response && typeof response === 'object' && 'ok' in response
      ? response
      : fail('the background gave no answer');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Calls back on the background's "report again" request (from our background only, never a tab). */
export function onReportAgain(callback: () => void, signal: AbortSignal): void {
  const runtime = api().runtime;
  const listener: MessageListener = (raw, sender, respond) => {
    const m = raw as { channel?: unknown; type?: unknown } | null;
    if (sender.id !== runtime.id || sender.tab !== undefined) return undefined;
    if (m?.channel !== 'background' || m.type !== 'report-again') return undefined;
    callback();
    respond({ ok: true, value: null });
    return undefined;
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}

/** Calls back when the reader's settings change (pause, per-site disable). */
export function onSettingsChange(callback: () => void, signal: AbortSignal): void {
  const onChanged = api().storage.onChanged;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, 'settings')) callback();
  };
  onChanged.addListener(listener);
  signal.addEventListener('abort', () => onChanged.removeListener(listener), { once: true });
}
