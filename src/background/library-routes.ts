/**
 * The library's message handlers (issue 7). Content scripts run in hostile pages, so each content
 * request is held to the sender's own page: a page saves only passages whose address is its own (by
 * page key, so AMP and tracking variants count as the same page), edits only passages saved on it, and
 * reads only its own passages — a canonical link counts only on the same site. Everything that reads
 * or changes the whole library is for extension pages only (the router checks the sender first), and
 * so is the health report, which carries quarantined records as they were stored.
 */
import { exportLibrary } from '../core/library/export';
import { parseImport } from '../core/library/import';
import type { ImportProblem } from '../core/library/types';
import { pageKey, sameSite } from '../core/library/url-key';
import { type ContentMessage, LIMITS, type PopupMessage } from '../platform/messages';
import { fail, ok, type Result } from '../platform/result';
import type { SenderInfo } from '../platform/runtime';
import { pageKeysOf } from './library-db';
import type { LibraryStore } from './library-store';
import type { TabStateStore } from './tab-state';

export interface LibraryRouteDeps {
  library: LibraryStore;
  store: TabStateStore;
  /** Tells open pages (except `exceptTabId`) that passages changed: they fetch and anchor theirs again. */
  notify: (ids: string[], exceptTabId?: number) => Promise<void>;
  now: () => number;
}

type LibraryContent = Extract<
  ContentMessage,
  { type: 'save-passage' | 'edit-saved-passage' | 'get-page-passages' | 'anchoring-report' }
>;
type LibraryPopup = Extract<
  PopupMessage,
  {
    type:
      | 'get-page-saved'
      | 'list-passages'
      | 'update-passage'
      | 'delete-passages'
      | 'restore-passages'
      | 'export-library'
      | 'import-library'
      | 'library-health';
  }
>;

const LIBRARY_CONTENT = new Set([
  'save-passage',
  'edit-saved-passage',
  'get-page-passages',
  'anchoring-report',
]);

export function isLibraryContent(message: ContentMessage): message is LibraryContent {
  return LIBRARY_CONTENT.has(message.type);
}

const NOT_THIS_PAGE = 'a page can only save, edit and read passages of its own address';

/** Content requests about the sender's own page. */
export async function handleLibraryContent(
  message: LibraryContent,
  tabId: number,
  sender: SenderInfo,
  deps: LibraryRouteDeps,
): Promise<Result<unknown>> {
  const { library, store } = deps;
  const own = sender.url === undefined ? null : pageKey(sender.url);
  if (own === null) return fail('sender has no page address');
  switch (message.type) {
    case 'save-passage': {
      const draft = message.payload;
      if (pageKey(draft.url) !== own) return fail(NOT_THIS_PAGE);
      // A canonical link on another site is the page's claim, not ours to file the passage under.
      const canonicalUrl =
        draft.canonicalUrl !== null && sameSite(draft.url, draft.canonicalUrl) ? draft.canonicalUrl : null;
      const saved = await library.save({ ...draft, canonicalUrl });
      if (saved.ok) await deps.notify([saved.value.id], tabId);
      return saved;
    }
    case 'edit-saved-passage': {
      const { id, note, tags } = message.payload;
      const edited = await library.edit(id, { note, tags }, (p) => pageKeysOf(p).includes(own));
      if (edited.ok) await deps.notify([id], tabId);
      return edited;
    }
    case 'get-page-passages': {
      const { url, canonicalUrl } = message.payload;
      if (pageKey(url) !== own) return fail(NOT_THIS_PAGE);
      const canonical = canonicalUrl !== null && sameSite(url, canonicalUrl) ? canonicalUrl : null;
      const previous = await store.getSaved(tabId);
      const anchoring = previous?.url === url ? previous.anchoring : null;
      await store.putSaved(tabId, { url, canonicalUrl: canonical, anchoring });
      return library.forPage(url, canonical);
    }
    case 'anchoring-report': {
      const report = message.payload;
      if (pageKey(report.url) !== own) return fail(NOT_THIS_PAGE);
      const previous = await store.getSaved(tabId);
      const canonicalUrl = previous !== null && pageKey(previous.url) === own ? previous.canonicalUrl : null;
      await store.putSaved(tabId, { url: report.url, canonicalUrl, anchoring: report });
      return ok(null);
    }
  }
}

export function isLibraryPopup(message: PopupMessage): message is LibraryPopup {
  return !['get-tab-state', 'get-settings', 'set-settings'].includes(message.type);
}

/** One line per refused record, so the reader can fix the file (the list is bounded by the parser). */
function importProblems(problems: ImportProblem[]): string {
  const lines = problems.map((p) => {
    const where = p.record < 0 ? 'the file' : `record ${p.record + 1}${p.id ? ` (${p.id})` : ''}`;
    return `${where}: ${p.message}`;
  });
  return `Nothing was imported. ${lines.join('; ')}`;
}

/** Extension-page requests (the router has checked the sender). */
export async function handleLibraryPopup(
  message: LibraryPopup,
  deps: LibraryRouteDeps,
): Promise<Result<unknown>> {
  const { library } = deps;
  switch (message.type) {
    case 'get-page-saved': {
      const { tabId } = message.payload;
      const saved = await deps.store.getSaved(tabId);
      const url = saved?.url ?? (await deps.store.get(tabId))?.url ?? null;
      if (url === null) return ok({ passages: [], anchoring: null });
      const passages = await library.forPage(url, saved?.canonicalUrl ?? null);
      return passages.ok ? ok({ passages: passages.value, anchoring: saved?.anchoring ?? null }) : passages;
    }
    case 'list-passages':
      return library.list();
    case 'update-passage': {
      const { id, note, tags } = message.payload;
      const edited = await library.edit(id, { note, tags });
      if (edited.ok) await deps.notify([id]);
      return edited;
    }
    case 'delete-passages': {
      const deleted = await library.delete(message.payload.ids);
      if (deleted.ok && deleted.value.length > 0) await deps.notify(deleted.value.map((p) => p.id));
      return deleted;
    }
    case 'restore-passages': {
      const restored = await library.restore(message.payload.passages);
      if (restored.ok) await deps.notify(message.payload.passages.map((p) => p.id));
      return restored;
    }
    case 'export-library': {
      const all = await library.list();
      return all.ok ? ok(exportLibrary(all.value, message.payload.format, new Date(deps.now()))) : all;
    }
    case 'import-library': {
      const parsed = parseImport(message.payload.text);
      if (!parsed.ok) return fail(importProblems(parsed.problems));
      const imported = await library.importPlan(parsed.format, parsed.passages);
      if (!imported.ok) return imported;
      if (imported.value.ids.length > 0) await deps.notify(imported.value.ids);
      return ok(imported.value.summary);
    }
    case 'library-health':
      return library.health();
  }
}

/** Splits a change notice into messages the content side accepts (at most LIMITS.ids ids each). */
export function noticeChunks(ids: string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += LIMITS.ids) chunks.push(ids.slice(i, i + LIMITS.ids));
  return chunks;
}
