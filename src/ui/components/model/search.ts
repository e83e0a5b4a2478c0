/**
 * Browsing the fact pack without a page (the Search view): entities with their aliases and other
 * spellings, cases, claims and events, found case- and diacritic-insensitively (core's foldText and
 * foldWord, the same folding the matcher uses). The index is built on the first search, not on open.
 */
import type { EntityKind, FactPack, Verdict } from '../../../core/facts/types';
import { foldText, foldWord } from '../../../core/text/normalize';

export type ResultKind = EntityKind | 'case' | 'claim' | 'event';

export interface SearchResult {
  kind: ResultKind;
  id: string;
  title: string;
  /** One short line: a description, a verdict's note, a date. */
  line: string;
  /** When the hit was an alias or another spelling rather than the name. */
  alsoWritten: string | null;
  verdict: Verdict | null;
  date: string | null;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** All hits, of which `results` are the best. */
  total: number;
}

interface Entry {
  result: Omit<SearchResult, 'alsoWritten'>;
  title: string;
  names: { text: string; folded: string }[];
  body: string;
}

/** Lower case, no diacritics, punctuation as spaces, one space between words, a space either side. */
export function foldForSearch(text: string): string {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(foldWord);
  return ` ${words.join(' ')} `;
}

export function shorten(text: string, max = 140): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function buildEntries(pack: FactPack): Entry[] {
  const entries: Entry[] = [];
  const add = (result: Entry['result'], others: string[], body: string) =>
    entries.push({
      result,
      title: foldForSearch(result.title),
      names: others.map((text) => ({ text, folded: foldForSearch(text) })),
      body: foldForSearch(body),
    });
  const base = { verdict: null, date: null };
  for (const e of pack.entities) {
    const others = [...e.aliases.map((a) => a.text), ...e.variants.map((v) => v.text)];
    add(
      { ...base, kind: e.kind, id: e.id, title: e.name, line: shorten(e.description) },
      others,
      e.description,
    );
  }
  for (const c of pack.cases) {
    add(
      { ...base, kind: 'case', id: c.id, title: c.title, line: shorten(c.description) },
      [c.number],
      c.description,
    );
  }
  for (const c of pack.claims) {
    const line = shorten(c.verdictNote ?? '');
    add(
      { kind: 'claim', id: c.id, title: c.text, line, verdict: c.verdict, date: c.when?.date ?? null },
      [],
      '',
    );
  }
  for (const e of pack.events) {
    const result = { kind: 'event' as const, id: e.id, title: e.title, line: shorten(e.description) };
    add({ ...result, verdict: e.verdict, date: e.date }, [], e.description);
  }
  return entries;
}

/** How well one folded token fits a folded field: at a word's start beats inside a word. */
function fitOf(field: string, token: string): number {
  if (field.includes(` ${token} `)) return 3;
  if (field.includes(` ${token}`)) return 2;
  return field.includes(token) ? 1 : 0;
}

export interface FactSearch {
  search(query: string, limit?: number): SearchAnswer;
}

export function createFactSearch(pack: FactPack): FactSearch {
  let entries: Entry[] | null = null;
  return {
    search(query, limit = 30) {
      const tokens = foldForSearch(query).trim().split(' ').filter(Boolean);
      if (tokens.length === 0) return { results: [], total: 0 };
      entries ??= buildEntries(pack);
      const hits: { score: number; order: number; result: SearchResult }[] = [];
      entries.forEach((entry, order) => {
        let score = 0;
        let alsoWritten: string | null = null;
        for (const token of tokens) {
          const inTitle = fitOf(entry.title, token);
          const name = entry.names.find((n) => fitOf(n.folded, token) > 0);
          const inBody = fitOf(entry.body, token);
          if (inTitle === 0 && !name && inBody === 0) return;
          if (inTitle === 0 && name) alsoWritten ??= name.text;
          score += inTitle * 10 + (name ? fitOf(name.folded, token) * 8 : 0) + inBody;
        }
        hits.push({ score, order, result: { ...entry.result, alsoWritten } });
      });
      hits.sort((a, b) => b.score - a.score || a.order - b.order);
      return { results: hits.slice(0, limit).map((h) => h.result), total: hits.length };
    },
  };
}
