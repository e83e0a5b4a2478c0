/**
 * Strings for presentational components without a browser API: the popup provides the real
 * `browser.i18n`-backed `t` through this context; tests provide one that reads the English catalogue.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Keys of the English catalogue, so a typo fails the typecheck (as in src/platform/i18n.ts). */
export type MessageKey = keyof typeof import('../../../_locales/en/messages.json');

export type Translate = (key: MessageKey, substitutions?: string[]) => string;

export const I18nContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18nContext);
}
