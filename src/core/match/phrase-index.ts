/**
 * One dictionary of every phrase the engine looks for (cue words, names, variants, detection
 * terms), compiled once into a word trie. Scanning is a single pass over the article's tokens
 * with one map lookup per token, so the cost barely grows with the size of the fact pack —
 * unlike a regex per claim (DESIGN.md §1; toolchain.md measured 35× between the two).
 */
import { phraseWords, type Tokens } from '../text/tokens.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Children reached by a word prefix ("licen*"), keyed by prefix. */
  prefixNext: Map<string, TrieNode> | null;
  /** Phrase ids that end at this node. */
  ends: number[] | null;
}

export interface PhraseHit {
  phrase: number;
  /** First and last token index (inclusive). */
  first: number;
  last: number;
}

function newNode(): TrieNode {
  return { next: new Map(), prefixNext: null, ends: null };
}

/** Hebrew one-letter prefixes (and, the, in, to, from, that, as) and Arabic clitics. */
const HEBREW_PREFIX = /^[והבלמשכ]{1,2}/;
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)/;

/**
 * Other forms a word may stand for: Hebrew and Arabic attach prepositions and articles to the
 * next word ("בפגסוס", "والعفو"), so the bare form is tried too.
 */
function altForms(word: string): string[] | null {
  const c = word.charCodeAt(0);
  if (c >= 0x05d0 && c <= 0x05ea) {
    const m = HEBREW_PREFIX.exec(word);
    if (!m) return null;
    const out: string[] = [];
    for (let k = 1; k <= m[0].length; k++) if (word.length - k >= 2) out.push(word.slice(k));
    return out.length ? out : null;
  }
  if (c >= 0x0620 && c <= 0x064a) {
    const m = ARABIC_PREFIX.exec(word);
    if (!m || word.length - m[0].length < 2) return null;
    const rest = word.slice(m[0].length);
    // "والعفو" → "العفو" as well as "عفو": aliases may be written with or without the article.
    return m[0].endsWith('ال') ? [`ال${rest}`, rest] : [rest];
  }
  return null;
}

/** Distinct words whose root transitions are remembered; past this the cache starts over. */
const ROOT_CACHE_LIMIT = 200_000;

export class PhraseIndex {
  private readonly root = newNode();
  /**
   * Where each word leads from the root, worked out once per distinct word: articles repeat their
   * words, and re-runs on the same page repeat all of them. Cleared when a phrase is added.
   */
  private readonly fromRoot = new Map<string, TrieNode[] | null>();
  private readonly ids = new Map<string, number>();
  private readonly prefixLengths = new Set<number>();
  /** The phrases, by id, as first added. */
  readonly phrases: string[] = [];

  /** Adds a phrase (idempotent) and returns its id; an empty phrase returns -1. */
  add(phrase: string): number {
    const raw = phraseWords(phrase.replace(/\*\s*$/, ''));
    const isPrefix = /\*\s*$/.test(phrase);
    if (raw.length === 0) return -1;
    const key = raw.join(' ') + (isPrefix ? '*' : '');
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.phrases.length;
    this.fromRoot.clear();
    this.phrases.push(phrase);
    this.ids.set(key, id);
    let node = this.root;
    raw.forEach((word, i) => {
      const last = i === raw.length - 1;
      if (last && isPrefix) {
        node.prefixNext ??= new Map();
        let child = node.prefixNext.get(word);
        if (!child) {
          child = newNode();
          node.prefixNext.set(word, child);
        }
        this.prefixLengths.add(word.length);
        node = child;
      } else {
        let child = node.next.get(word);
        if (!child) {
          child = newNode();
          node.next.set(word, child);
        }
        node = child;
      }
    });
    node.ends = node.ends ?? [];
    node.ends.push(id);
    return id;
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Children of `node` that the word at token `t` leads to. */
  private step(node: TrieNode, word: string, out: TrieNode[]): void {
    const direct = node.next.get(word);
    if (direct) out.push(direct);
    if (node.prefixNext) {
      for (const len of this.prefixLengths) {
        if (word.length < len) continue;
        const child = node.prefixNext.get(word.slice(0, len));
        if (child) out.push(child);
      }
    }
  }

  /** Every occurrence of every phrase, overlapping ones included, ordered by start then length. */
  scan(tokens: Tokens): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const { words, count } = tokens;
    const fromRoot = this.fromRoot;
    if (fromRoot.size > ROOT_CACHE_LIMIT) fromRoot.clear();
    let frontier: TrieNode[] = [];
    let nextFrontier: TrieNode[] = [];
    for (let i = 0; i < count; i++) {
      const word = words[i]!;
      let first = fromRoot.get(word);
      if (first === undefined) {
        const out: TrieNode[] = [];
        this.stepWithForms(this.root, word, out);
        first = out.length ? out : null;
        fromRoot.set(word, first);
      }
      if (first === null) continue;
      frontier.length = 0;
      for (const node of first) frontier.push(node);
      let t = i;
      while (frontier.length > 0) {
        for (const node of frontier) {
          if (node.ends) for (const phrase of node.ends) hits.push({ phrase, first: i, last: t });
        }
        t++;
        if (t >= count) break;
        nextFrontier.length = 0;
        const next = words[t]!;
        for (const node of frontier) {
          if (node.next.size > 0 || node.prefixNext) this.stepWithForms(node, next, nextFrontier);
        }
        const swap = frontier;
        frontier = nextFrontier;
        nextFrontier = swap;
      }
    }
    return hits;
  }

  private stepWithForms(node: TrieNode, word: string, out: TrieNode[]): void {
    const before = out.length;
    this.step(node, word, out);
    if (out.length > before || word.charCodeAt(0) < 0x0590) return;
    const forms = altForms(word);
    if (forms) for (const form of forms) this.step(node, form, out);
  }
}
