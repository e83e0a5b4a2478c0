/**
 * Hover timing for the cards: a card opens when the pointer rests on a highlight for a moment (not
 * while it sweeps across the article), and an unpinned card closes a moment after the pointer left
 * both the highlight and the card, so the pointer can travel from the text to the card.
 */

export interface HoverTarget {
  /** The open card, if any: its index, whether pinned, whether focus is inside. */
  current(): { index: number; pinned: boolean; focused: boolean } | null;
  open(index: number): void;
  close(): void;
}

export interface HoverIntent {
  /** The pointer is over highlight `index`, or over no highlight (null). */
  over(index: number | null): void;
  /** The pointer entered (true) or left (false) the card. */
  onCard(inside: boolean): void;
  /** Forget pending opens and closes (a click, a keyboard step, teardown). */
  cancel(): void;
}

export function createHoverIntent(target: HoverTarget, openMs = 300, closeMs = 400): HoverIntent {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: number | null = null;
  let onCard = false;

  /** A card the pointer alone may close: not pinned, no focus inside, pointer not on it. */
  const loose = () => {
    const current = target.current();
    return current !== null && !current.pinned && !current.focused && !onCard;
  };
  const cancelOpen = () => {
    clearTimeout(openTimer);
    pending = null;
  };
  const cancelClose = () => clearTimeout(closeTimer);
  const closeSoon = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      if (loose()) target.close();
    }, closeMs);
  };

  return {
    over(index) {
      if (index === null) {
        cancelOpen();
        if (loose()) closeSoon();
        return;
      }
      cancelClose();
      const current = target.current();
      // A pinned or focused card stays until closed; hovering other text does not replace it.
      if (current?.index === index || current?.pinned || current?.focused || pending === index) return;
      cancelOpen();
      pending = index;
      openTimer = setTimeout(() => {
        pending = null;
        const now = target.current();
        if (!now?.pinned && !now?.focused) target.open(index);
      }, openMs);
    },
    onCard(inside) {
      onCard = inside;
      if (inside) {
        cancelOpen();
        cancelClose();
      } else if (loose()) closeSoon();
    },
    cancel() {
      cancelOpen();
      cancelClose();
    },
  };
}
