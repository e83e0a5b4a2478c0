/**
 * Localised UI strings from _locales/<lang>/messages.json through browser.i18n. Keys are typed from the
 * English catalogue so a typo fails the typecheck.
 */
import browser from './browser';

export type MessageKey = keyof typeof import('../../_locales/en/messages.json');

/** The localised string for `key`, with `$1`… replaced by `substitutions`; the key itself if missing. */
export function t(key: MessageKey, substitutions: string[] = []): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language the browser uses for our strings (for `<html lang>`). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
