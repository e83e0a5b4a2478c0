/** The overlay's contract with the content side (src/content/pipeline/cards.ts). */
import type { ClaimMatch, ConflictMatch } from '../../core/match/findings';
import type { ArticleInfo } from './model/card-model';
import type { StepDirection } from './view/Card';

export type { ArticleInfo, StepDirection };

/** One highlight the overlay can open a card for: the engine's finding and its live range. */
export type OverlayItem =
  | { kind: 'claim'; match: ClaimMatch; range: Range }
  | { kind: 'conflict'; match: ConflictMatch; range: Range };

export interface OpenOptions {
  /** A pinned card stays until closed; an unpinned (hover) card closes when the pointer leaves. */
  pinned: boolean;
  /** Move focus into the card (keyboard use); Escape then returns it. */
  focus: boolean;
}

export interface OpenCard {
  index: number;
  pinned: boolean;
  /** Focus is inside the card. */
  focused: boolean;
}

export interface Overlay {
  /** The one element the overlay adds to the page: events whose target is it came from a card. */
  readonly host: HTMLElement;
  /** Replaces the highlights (in document order). An open card stays open if its finding is still there. */
  update(items: readonly OverlayItem[], article: ArticleInfo): void;
  /** Opens the card of `items[index]`; false when there is no such item. */
  open(index: number, how: OpenOptions): boolean;
  /** Closes the card; with `restoreFocus`, focus goes back to where it was before the card took it. */
  close(restoreFocus?: boolean): void;
  current(): OpenCard | null;
  /** Places the open card again (after the page scrolled or resized). */
  reposition(): void;
  /** Removes the host and everything in it. Also runs when the mount's signal aborts. */
  destroy(): void;
}
