/**
 * What the popup's views are given: the same shapes as src/platform's TabState and Settings,
 * restated structurally so presentational components import nothing from src/platform.
 */
import type { Analysis } from '../../core/match/findings';

export interface HighlightsView {
  supported: boolean;
  placed: number;
  unplaced: number;
}

/** What the background holds for the tab (TabState, minus bookkeeping). */
export interface PageView {
  url: string;
  title: string;
  gate: { hit: boolean; terms: string[] };
  analysis: { analysis: Analysis; highlights: HighlightsView } | null;
}

export interface SettingsView {
  paused: boolean;
  disabledSites: string[];
  highlightStyle: 'background' | 'underline';
}

export type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; page: PageView | null };

export interface SettingsState {
  settings: SettingsView | null;
  status: 'idle' | 'saving' | 'saved' | 'error';
  error: string | null;
}
