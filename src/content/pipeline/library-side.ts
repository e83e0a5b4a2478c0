/**
 * The researcher library's part in the page (issue 7), wired to the extension: saving passages
 * (saving.ts) and finding saved ones again (saved-anchoring.ts), with the background's requests
 * ('save-selection' from the context menu or shortcut, 'saved-changed' after edits elsewhere), the
 * UI strings and the reader's settings. The pipeline starts it once and calls `anchor` after each run.
 */
import type { Outlet } from '../../core/facts/types';
import { nsoPack } from '../../data/pack';
import { t, uiLanguage } from '../../platform/i18n';
import { onBackgroundRequest, sendFromContent } from '../../platform/runtime';
import { isActiveOn, readSettings, type Settings } from '../../platform/settings';
import { onLocalChange } from '../../platform/storage';
import { mountSavedNote } from '../../ui/overlay/index';
import { createSavedAnchoring } from './saved-anchoring';
import { watchSavedNotes } from './saved-notes';
import { createSaving, type LastRun } from './saving';

export interface LibrarySide {
  /** Anchors this page's saved passages again (after a pipeline run). */
  anchor(): Promise<void>;
  /** Removes the saved highlights (NSO Lens is off on this page now). */
  clear(): void;
}

export interface LibrarySideOptions {
  settings: () => Settings;
  lastRun: () => LastRun | null;
}

export function startLibrarySide(
  doc: Document,
  signal: AbortSignal,
  options: LibrarySideOptions,
): LibrarySide {
  const win = doc.defaultView ?? window;
  const active = () => isActiveOn(options.settings(), win.location.href);
  const outlets = new Map<string, Outlet>(nsoPack.outlets.map((o) => [o.id, o]));
  const claimOrder = new Map<string, number>(nsoPack.claims.map((c, i) => [c.id, i]));

  const anchoring = createSavedAnchoring(doc, signal, {
    send: sendFromContent,
    active,
    style: () => options.settings().highlightStyle,
  });
  const saving = createSaving(doc, signal, {
    t,
    send: sendFromContent,
    active,
    lastRun: options.lastRun,
    outlets,
    claimOrder,
    onSaved: () => void anchoring.refresh(),
  });

  const notes = mountSavedNote(doc, signal, { t, locale: uiLanguage() });
  watchSavedNotes(doc, signal, { placed: anchoring.placed, ui: notes });

  onBackgroundRequest((message) => {
    if (message.type === 'save-selection') saving.saveSelection();
    else if (message.type === 'saved-changed') void anchoring.refresh();
  }, signal);

  onLocalChange(
    'settings',
    (value) => {
      const next = readSettings(value);
      anchoring.setStyle(next.highlightStyle);
      if (!isActiveOn(next, win.location.href)) {
        anchoring.clear();
        notes.hide();
      }
    },
    signal,
  );

  return {
    anchor: anchoring.refresh,
    clear() {
      anchoring.clear();
      notes.hide();
    },
  };
}
