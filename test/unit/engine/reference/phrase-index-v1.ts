/**
 * REFERENCE ONLY: the phrase index as it was before the speed work (commit f612d72), kept so the
 * flat-array index can be checked against it on random phrases and texts (phrase-index.test.ts).
 */
/**
 * One dictionary of every phrase the engine looks for (cue words, names, variants, detection
 * terms), compiled once into a word trie. Scanning is a single pass over the article's tokens
 * with one map lookup per token, so the cost barely grows with the size of the fact pack —
 * unlike a regex per claim (DESIGN.md §1; toolchain.md measured 35× between the two).
 */
// The word forms (clitics, ordinals) are the production ones: what this reference checks is the
// scan, not which forms a word has.
import { altForms, mayHaveForms } from '../../../../src/core/match/alt-forms';
import { hashWord, phraseWords, type Tokens } from '../../../../src/core/text/tokens';

interface TrieNode {
  /** The word that leads here from the parent ('' for the root and prefix children). */
  word: string;
  next: Map<string, TrieNode>;
  /** The same children keyed by word hash (as `tokenize` computes it), for lookups without strings. */
  byHash: Map<number, TrieNode[]>;
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

function newNode(word = ''): TrieNode {
  return { word, next: new Map(), byHash: new Map(), prefixNext: null, ends: null };
}

/** Distinct words whose root transitions are remembered; past this the cache starts over. */
const ROOT_CACHE_LIMIT = 200_000;

export class PhraseIndex {
  private readonly root = newNode();
  /**
   * Where each word leads from the root, worked out once per distinct word: articles repeat their
   * words, and re-runs on the same page repeat all of them. Cleared when a phrase is added.
   */
  private readonly fromRoot = new Map<number, { word: string; nodes: TrieNode[] | null }[]>();
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
          child = newNode(word);
          node.next.set(word, child);
          const h = hashWord(word);
          const same = node.byHash.get(h);
          if (same) same.push(child);
          else node.byHash.set(h, [child]);
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
  private step(node: TrieNode, word: string, out: TrieNode[], skipDirect = false): void {
    const direct = skipDirect ? undefined : node.next.get(word);
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
    const { hashes, count } = tokens;
    const fromRoot = this.fromRoot;
    if (fromRoot.size > ROOT_CACHE_LIMIT) fromRoot.clear();
    // Two frontiers reused for the whole scan; sizes kept by hand (setting .length is slow).
    let frontier: TrieNode[] = [];
    let size = 0;
    let next: TrieNode[] = [];
    for (let i = 0; i < count; i++) {
      const first = this.rootStep(tokens, i, hashes[i]!);
      if (first === null) continue;
      size = 0;
      for (const node of first) frontier[size++] = node;
      let t = i;
      while (size > 0) {
        for (let k = 0; k < size; k++) {
          const ends = frontier[k]!.ends;
          if (ends) for (const phrase of ends) hits.push({ phrase, first: i, last: t });
        }
        t++;
        if (t >= count) break;
        let nextSize = 0;
        let word: string | null = null;
        for (let k = 0; k < size; k++) {
          const node = frontier[k]!;
          if (node.next.size === 0 && !node.prefixNext) continue;
          // Common case: look the word up by hash and confirm it, with no string made.
          const same = node.byHash.get(hashes[t]!);
          if (same) for (const child of same) if (tokens.wordEquals(t, child.word)) next[nextSize++] = child;
          if (node.prefixNext || tokens.isFolded(t)) {
            // Prefix children and Hebrew/Arabic clitic forms need the word itself.
            word ??= tokens.wordAt(t);
            const out: TrieNode[] = [];
            this.stepWithForms(node, word, out, true);
            for (const child of out) next[nextSize++] = child;
          }
        }
        const swap = frontier;
        frontier = next;
        next = swap;
        size = nextSize;
      }
    }
    return hits;
  }

  /** Where token `i` leads from the root, remembered per distinct word. */
  private rootStep(tokens: Tokens, i: number, h: number): TrieNode[] | null {
    let entries = this.fromRoot.get(h);
    if (entries) {
      for (const e of entries) if (tokens.wordEquals(i, e.word)) return e.nodes;
    }
    const word = tokens.wordAt(i);
    const out: TrieNode[] = [];
    this.stepWithForms(this.root, word, out);
    const nodes = out.length ? out : null;
    if (!entries) {
      entries = [];
      this.fromRoot.set(h, entries);
    }
    entries.push({ word, nodes });
    return nodes;
  }

  /** `skipDirect`: the caller already followed the exact-word child (by hash). */
  private stepWithForms(node: TrieNode, word: string, out: TrieNode[], skipDirect = false): void {
    this.step(node, word, out, skipDirect);
    if (!mayHaveForms(word.charCodeAt(0))) return;
    const forms = altForms(word);
    if (!forms) return;
    // Each node once, however many of the word's forms lead to it.
    const seen = new Set(out);
    for (const form of forms) {
      const more: TrieNode[] = [];
      this.step(node, form, more);
      for (const n of more) {
        if (seen.has(n)) continue;
        seen.add(n);
        out.push(n);
      }
    }
  }
}
