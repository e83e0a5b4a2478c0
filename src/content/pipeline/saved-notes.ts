/**
 * A click on a saved passage's highlight shows the reader's note and tags for it (issue 7). Passages
 * without either show nothing. A click elsewhere, Escape, or the passage leaving the page closes it.
 * The click also reaches the cards' controller, which may open a claim card: that one goes below the
 * text, the note above.
 */
import { type SavedNoteUi, sharedHost } from '../../ui/overlay/index';
import { type HitTarget, targetAt } from './hit-test';
import type { PlacedPassage } from './saved-anchoring';

export interface SavedNotesOptions {
  placed: () => readonly PlacedPassage[];
  ui: SavedNoteUi;
}

export function watchSavedNotes(doc: Document, signal: AbortSignal, options: SavedNotesOptions): void {
  const win = doc.defaultView ?? window;
  const { ui } = options;
  const on = { signal, passive: true } as const;

  doc.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0) return;
      const host = sharedHost(doc);
      if (host && event.target === host) return;
      // A drag that selected text is a selection (the Save button's), not a request for the note.
      if (win.getSelection()?.isCollapsed === false) return;
      const placed = options.placed();
      const targets: HitTarget[] = placed.map((p) => ({
        kind: 'claim',
        range: p.range,
        length: p.passage.quote.exact.length,
      }));
      const index = placed.length ? targetAt(doc, targets, event.clientX, event.clientY) : null;
      const passage = index === null ? undefined : placed[index]?.passage;
      if (passage && (passage.note !== '' || passage.tags.length > 0)) {
        const range = placed[index!]!.range;
        ui.show(() => Array.from(range.getClientRects()), {
          note: passage.note,
          tags: passage.tags,
          savedAt: passage.savedAt,
        });
      } else ui.hide();
    },
    on,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') ui.hide();
    },
    on,
  );
}
