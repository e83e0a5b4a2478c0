/**
 * Saving passages from the page (issue 7): the Save button next to the reader's selection, the
 * background's 'save-selection' request (context menu, keyboard shortcut), and the note editor shown
 * right after. A draft is built from the page text (passage-draft.ts) and sent as 'save-passage'; the
 * editor then edits note and tags through 'edit-saved-passage'. A click on the button saves only when
 * it is the reader's own, on a button they could see (click-guard.ts). The UI lives in the cards'
 * shadow root (src/ui/overlay/save). Everything ends with the signal.
 */
import type { Outlet } from '../../core/facts/types';
import { PASSAGE_LIMITS, type PassageDraft, type SavedPassage } from '../../core/library/types';
import { cleanTags } from '../../core/library/validate';
import type { Analysis } from '../../core/match/findings';
import type { ContentToBackground } from '../../platform/messages';
import type { Result } from '../../platform/result';
import { type ButtonState, mountSaveUi, type SaveUi } from '../../ui/overlay/index';
import type { Translate } from '../../ui/overlay/strings';
import { capturedProbe } from './captured-dom';
import { type ClickFacts, checkSaveClick, type Refusal } from './click-guard';
import { buildDraft, type ClaimRange } from './passage-draft';
import { pageSelection, watchSelection } from './selection-watch';

/** The pipeline's last run, as far as saving needs it: the analysis and its placed highlights. */
export interface LastRun {
  analysis: Analysis;
  items: readonly { kind: 'claim' | 'conflict'; index: number; range: Range }[];
}

type Send = <K extends 'save-passage' | 'edit-saved-passage'>(
  type: K,
  payload: ContentToBackground[K]['request'],
) => Promise<Result<ContentToBackground[K]['response']>>;

export interface SavingOptions {
  t: Translate;
  send: Send;
  /** NSO Lens is on for this page (not paused, site not disabled). */
  active: () => boolean;
  lastRun: () => LastRun | null;
  outlets: ReadonlyMap<string, Outlet>;
  claimOrder: ReadonlyMap<string, number>;
  /** A passage was stored or its note changed: anchor this page's passages again. */
  onSaved: (passage: SavedPassage) => void;
  /** The click check (tests substitute a layout); default: click-guard.ts with the captured DOM. */
  checkClick?: (event: ClickFacts, button: ButtonState, now: number) => Refusal | null;
  now?: () => number;
  /** How long a selection must rest before the button follows it, in ms. */
  selectionDelay?: number;
}

export interface Saving {
  /** Saves the page's selection (the background's request; also where NSO Lens is off), or says none. */
  saveSelection(): void;
}

function rectsOf(range: Range): () => DOMRect[] {
  return () => Array.from(range.getClientRects());
}

function claimRanges(run: LastRun | null): ClaimRange[] {
  if (!run) return [];
  const out: ClaimRange[] = [];
  for (const item of run.items) {
    const match = item.kind === 'claim' ? run.analysis.matches[item.index] : undefined;
    if (match) out.push({ claimId: match.claimId, range: item.range });
  }
  return out;
}

export function createSaving(doc: Document, signal: AbortSignal, options: SavingOptions): Saving {
  const win = doc.defaultView ?? window;
  const { t } = options;
  const now = options.now ?? (() => win.performance.now());
  const ui: SaveUi = mountSaveUi(doc, signal, { t, now });
  const check =
    options.checkClick ?? ((event, button, at) => checkSaveClick(event, button, at, capturedProbe));
  let selected: Range | null = null;

  const refusedText = (reason: 'empty' | 'too-long' | 'invalid', message?: string) =>
    reason === 'too-long'
      ? t('saveTooLong', [PASSAGE_LIMITS.quote.toLocaleString('en')])
      : reason === 'invalid'
        ? t('saveNotPossible', [message ?? ''])
        : t('saveSelectFirst');

  /** Saves `range`; opens the editor at once (saving…), then shows the outcome there. */
  const save = (range: Range) => {
    if (signal.aborted) return;
    const run = options.lastRun();
    const outcome = buildDraft(doc, range, {
      url: win.location.href,
      analysis: run?.analysis ?? null,
      claimRanges: claimRanges(run),
      outlets: options.outlets,
      claimOrder: options.claimOrder,
      host: ui.host(),
    });
    if (!outcome.ok) {
      if (outcome.reason !== 'ignored') ui.toast(refusedText(outcome.reason, outcome.message));
      return;
    }
    const draft: PassageDraft = outcome.draft;
    let stored: SavedPassage | null = null;
    let pending = false;

    const store = async (note: string, tags: string[]) => {
      pending = true;
      ui.updateEditor({ status: 'saving', error: null });
      const sent = await options.send('save-passage', { ...draft, note, tags });
      pending = false;
      if (sent.ok) {
        stored = sent.value;
        ui.updateEditor({ status: 'saved', error: null });
        options.onSaved(sent.value);
      } else ui.updateEditor({ status: 'failed', error: sent.error });
    };

    const edit = async (passage: SavedPassage, note: string, tags: string[]) => {
      pending = true;
      ui.updateEditor({ status: 'updating', error: null });
      const sent = await options.send('edit-saved-passage', { id: passage.id, note, tags });
      pending = false;
      if (sent.ok) {
        stored = sent.value;
        ui.closeEditor();
        ui.toast(t('saveNoteSaved'));
        options.onSaved(sent.value);
      } else ui.updateEditor({ status: 'saved', error: sent.error });
    };

    ui.openEditor(
      rectsOf(range),
      { status: 'saving', quote: draft.quote.exact, error: null },
      {
        onSubmit(note, rawTags) {
          if (pending) return;
          const tags = cleanTags(rawTags.split(','));
          if (!tags.ok) {
            ui.updateEditor({ error: tags.error });
            return;
          }
          if (note.length > PASSAGE_LIMITS.note) {
            ui.updateEditor({ error: t('saveNoteTooLong', [PASSAGE_LIMITS.note.toLocaleString('en')]) });
            return;
          }
          if (stored) void edit(stored, note, tags.value);
          else void store(note, tags.value);
        },
      },
    );
    void store('', []);
  };

  const onActivate = (event: MouseEvent, button: ButtonState) => {
    const range = selected;
    const refusal = check(event, button, now());
    if (refusal || !range) {
      // Covered or hidden: say why nothing happened (a too-early click is simply ignored).
      if (refusal === 'covered' || refusal === 'hidden') ui.toast(t('saveRefusedHidden'));
      return;
    }
    selected = null;
    save(range);
  };

  watchSelection(doc, signal, {
    host: () => ui.host(),
    delay: options.selectionDelay,
    onChange(range, byReader) {
      if (!range || !options.active()) {
        selected = null;
        ui.hideButton();
        return;
      }
      if (!byReader && !ui.buttonShown()) return;
      selected = range;
      ui.showButton(rectsOf(range), onActivate);
    },
  });

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && ui.buttonShown()) ui.hideButton();
    },
    { signal, passive: true },
  );

  return {
    // The reader asked explicitly (menu or shortcut): this works where NSO Lens is paused or off too.
    saveSelection() {
      if (signal.aborted) return;
      const range = pageSelection(win, ui.host());
      if (!range) {
        ui.toast(t('saveSelectFirst'));
        return;
      }
      selected = null;
      save(range);
    },
  };
}
