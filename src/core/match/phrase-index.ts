/**
 * One dictionary of every phrase the engine looks for (cue words, names, variants, detection
 * terms), compiled once into a word trie. Scanning is a single pass over the article's tokens
 * with one table probe per token, so the cost barely grows with the size of the fact pack —
 * unlike a regex per claim (DESIGN.md §1; toolchain.md measured 35× between the two).
 *
 * Words are interned (`WordTable`): the tokeniser numbers every word as it reads it, and the scan
 * follows the trie (word-trie.ts, flat arrays) by numbers. What a word does from the root, or
 * through prefix children ("licen*") and Hebrew/Arabic clitics, is worked out once per word.
 * Hits come out as parallel typed arrays, so a scan allocates nothing per token or hit.
 */
import { growTo, type TokenSink } from '../text/token-list.js';
import { phraseWords, type Tokens, tokenize } from '../text/tokens.js';
import { WordTable } from '../text/word-table.js';
import { EMPTY, kidSlot, WordTrie } from './word-trie.js';

export interface PhraseHit {
  phrase: number;
  /** First and last token index (inclusive). */
  first: number;
  last: number;
}

/** Every hit of a scan as parallel arrays: entry `h < count` is `phrase[h]` over tokens `first[h]..last[h]`. */
export interface Hits {
  phrase: Int32Array;
  first: Int32Array;
  last: Int32Array;
  count: number;
}

/**
 * Imported values the scan loop reads, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const FREE = EMPTY;
const slotOf = kidSlot;

/** Distinct words whose root transitions are remembered; past this the cache starts over. */
const ROOT_CACHE_LIMIT = 200_000;
/** `rootAt` entries: not worked out yet, leads nowhere, and (at or below) leads to several nodes. */
const UNKNOWN = -2;
const NOWHERE = -1;
const POOLED = -3;
/**
 * `nodeFlags` bits: the node has children; a word may lead on from it by another form than its
 * own (prefix children: "licen*"; a day's number, which an ordinal also stands for: "8th").
 */
const HAS_KIDS = 1;
const HAS_FORMS = 2;

export class PhraseIndex {
  /** Interned words; those of the trie are always present. Starts over past ROOT_CACHE_LIMIT words. */
  private words = new WordTable();
  /** The trie of every phrase's words. */
  private readonly trie: WordTrie;

  /** Whether the scan tables below describe the trie as it is (false after `add`). */
  private ready = false;
  /** Phrases ending at node `n`: `endsList[endsAt[n]]` to `endsList[endsAt[n + 1] - 1]`. */
  private endsAt = new Int32Array(2);
  private endsList = new Int32Array(0);
  /** Per node, HAS_KIDS and HAS_FORMS: what a walk needs of a node in one byte. */
  private nodeFlags = new Uint8Array(0);
  /** Where each word leads from the root, by word number: see `rootStep`. */
  private rootAt = new Int32Array(0);
  private rootPool = new Int32Array(256);
  private rootUsed = 0;
  /** Per node, where each word leads through prefix children and clitic forms, by word number. */
  private viaForms: (Map<number, Int32Array | null> | undefined)[] = [];

  private readonly ids = new Map<string, number>();
  /** Each phrase as written → its id (-1: no words), so a spelling met again is not tokenised again. */
  private readonly byText = new Map<string, number>();
  /** The phrases, by id, as first added. */
  readonly phrases: string[] = [];

  constructor() {
    this.trie = new WordTrie(this.words);
  }

  /** Adds a phrase (idempotent) and returns its id; an empty phrase returns -1. */
  add(phrase: string): number {
    // A pack names the same phrase in many places ("nso" in dozens of groups): each spelling is
    // tokenised once.
    const seen = this.byText.get(phrase);
    if (seen !== undefined) return seen;
    const raw = phraseWords(phrase.replace(/\*\s*$/, ''));
    const isPrefix = /\*\s*$/.test(phrase);
    let id = -1;
    if (raw.length > 0) {
      const key = raw.join(' ') + (isPrefix ? '*' : '');
      const known = this.ids.get(key);
      if (known !== undefined) id = known;
      else {
        id = this.phrases.length;
        this.ready = false;
        this.phrases.push(phrase);
        this.ids.set(key, id);
        this.trie.insert(raw, isPrefix, id);
      }
    }
    this.byText.set(phrase, id);
    return id;
  }

  get size(): number {
    return this.phrases.length;
  }

  /**
   * Where word number `word` leads from the root: the node itself when it leads to one (most do),
   * `POOLED - offset` when to several (`rootPool[offset]` is their number, the nodes follow), or
   * NOWHERE. Worked out on first use.
   */
  private rootStep(word: number): number {
    const known = this.rootAt[word]!;
    if (known !== UNKNOWN) return known;
    const out: number[] = [];
    this.trie.stepWithForms(0, this.words.text[word]!, out);
    let at = NOWHERE;
    if (out.length === 1) at = out[0]!;
    else if (out.length > 1) {
      at = POOLED - this.rootUsed;
      const used = this.rootUsed;
      if (used + out.length + 1 > this.rootPool.length)
        this.rootPool = growTo(this.rootPool, (used + out.length + 1) * 2);
      this.rootPool[used] = out.length;
      this.rootPool.set(out, used + 1);
      this.rootUsed += out.length + 1;
    }
    this.rootAt[word] = at;
    return at;
  }

  /** Where word number `word` leads from `node` other than to its exact child. */
  private formStep(node: number, word: number): Int32Array | null {
    let memo = this.viaForms[node];
    if (!memo) {
      memo = new Map();
      this.viaForms[node] = memo;
    }
    let nodes = memo.get(word);
    if (nodes === undefined) {
      const out: number[] = [];
      this.trie.stepWithForms(node, this.words.text[word]!, out, true);
      nodes = out.length ? Int32Array.from(out) : null;
      memo.set(word, nodes);
    }
    return nodes;
  }

  /**
   * Builds the scan tables after phrases were added; starts the word table over when it grew too
   * big (`mayRestart`: not between tokenising a text against it and scanning that text).
   */
  private prepare(mayRestart: boolean): void {
    if (mayRestart && this.words.size > ROOT_CACHE_LIMIT) {
      this.words = new WordTable();
      this.trie.renumber(this.words);
      this.ready = false;
    }
    if (this.ready) return;
    const nodes = this.trie.size;
    this.endsAt = new Int32Array(nodes + 1);
    const list: number[] = [];
    for (let n = 0; n < nodes; n++) {
      this.endsAt[n] = list.length;
      for (const phrase of this.trie.nodeEnds[n] ?? []) list.push(phrase);
    }
    this.endsAt[nodes] = list.length;
    this.endsList = Int32Array.from(list);
    this.nodeFlags = Uint8Array.from(
      { length: nodes },
      (_, n) =>
        (this.trie.nodeHasKids[n] ? HAS_KIDS : 0) |
        (this.trie.nodePrefix[n] || this.trie.nodeHasDay[n] ? HAS_FORMS : 0),
    );
    this.rootAt = new Int32Array(0);
    this.rootUsed = 0;
    this.viaForms = [];
    this.ready = true;
  }

  /** Every occurrence of every phrase, overlapping ones included, ordered by start then length. */
  scan(tokens: Tokens): PhraseHit[] {
    const hits = this.scanFlat(tokens);
    const out: PhraseHit[] = [];
    for (let h = 0; h < hits.count; h++)
      out.push({ phrase: hits.phrase[h]!, first: hits.first[h]!, last: hits.last[h]! });
    return out;
  }

  /**
   * Tokenises `text` with its words numbered in this index's table, ready for `scanFlat`; into
   * `sink`'s arrays when given (which invalidates the tokens last made there).
   */
  tokenize(text: string, sink: TokenSink | null = null): Tokens {
    this.prepare(true);
    return tokenize(text, this.words, sink);
  }

  /**
   * `scan` as parallel arrays, without an object per hit. Given `into` (a `Hits` made by an earlier
   * scan, whose hits are no longer needed), its arrays are reused when big enough.
   */
  scanFlat(tokens: Tokens, into: Hits | null = null): Hits {
    const numbered = tokens.wordTable === this.words && tokens.ids !== null;
    this.prepare(!numbered);
    const { count } = tokens;
    const words = this.words;
    // Every token's word number: from the tokeniser, or looked up here.
    let ids = tokens.ids;
    if (!numbered || ids === null) {
      const hashes = tokens.hashes;
      ids = new Int32Array(count);
      for (let i = 0; i < count; i++) ids[i] = words.idOfToken(tokens, i, hashes[i]!);
    }
    if (this.rootAt.length < words.size) {
      const more = new Int32Array(Math.max(words.size, this.rootAt.length * 2)).fill(UNKNOWN);
      more.set(this.rootAt);
      this.rootAt = more;
    }

    // Pass 2: walk the trie from every token.
    let cap = Math.max(16, count >> 1);
    let hp: Int32Array;
    let hf: Int32Array;
    let hl: Int32Array;
    if (into !== null && into.phrase.length >= cap) {
      cap = into.phrase.length;
      hp = into.phrase;
      hf = into.first;
      hl = into.last;
    } else {
      hp = new Int32Array(cap);
      hf = new Int32Array(cap);
      hl = new Int32Array(cap);
    }
    let n = 0;
    const { endsAt, endsList, nodeFlags } = this;
    const { kidParent, kidWord, kidNode } = this.trie;
    const mask = kidParent.length - 1;
    // Two frontiers reused for the whole scan; sizes kept by hand (setting .length is slow).
    let frontier: number[] = [];
    let next: number[] = [];
    // Filled in as words are first met (`rootStep`); never reallocated during the scan.
    const rootAt = this.rootAt;
    for (let i = 0; i < count; i++) {
      const word = ids[i]!;
      let first = rootAt[word]!;
      if (first === UNKNOWN) first = this.rootStep(word);
      if (first === NOWHERE) continue;
      let size = 0;
      let t = i;
      if (first >= 0) {
        // Most walks follow one path: no frontier, until a prefix or clitic form branches it.
        for (let node = first; ; ) {
          for (let e = endsAt[node]!, end = endsAt[node + 1]!; e < end; e++) {
            if (n === cap) {
              cap *= 2;
              hp = growTo(hp, cap);
              hf = growTo(hf, cap);
              hl = growTo(hl, cap);
            }
            hp[n] = endsList[e]!;
            hf[n] = i;
            hl[n] = t;
            n++;
          }
          const flags = nodeFlags[node]!;
          if ((flags & HAS_KIDS) === 0 || ++t >= count) break;
          const word = ids[t]!;
          let kid = FREE;
          for (let s = slotOf(node, word, mask); kidParent[s] !== FREE; s = (s + 1) & mask) {
            if (kidParent[s] === node && kidWord[s] === word) {
              kid = kidNode[s]!;
              break;
            }
          }
          if ((flags & HAS_FORMS) !== 0 || tokens.isFolded(t)) {
            const more = this.formStep(node, word);
            if (more) {
              // Branched: the frontier loop below goes on from here, the exact child first.
              if (kid !== FREE) frontier[size++] = kid;
              for (let m = 0; m < more.length; m++) frontier[size++] = more[m]!;
              break;
            }
          }
          if (kid === FREE) break;
          node = kid;
        }
      } else {
        const pool = this.rootPool;
        const at = POOLED - first;
        size = pool[at]!;
        for (let k = 0; k < size; k++) frontier[k] = pool[at + 1 + k]!;
      }
      while (size > 0) {
        for (let k = 0; k < size; k++) {
          const node = frontier[k]!;
          for (let e = endsAt[node]!, end = endsAt[node + 1]!; e < end; e++) {
            if (n === cap) {
              cap *= 2;
              hp = growTo(hp, cap);
              hf = growTo(hf, cap);
              hl = growTo(hl, cap);
            }
            hp[n] = endsList[e]!;
            hf[n] = i;
            hl[n] = t;
            n++;
          }
        }
        t++;
        if (t >= count) break;
        let nextSize = 0;
        const word = ids[t]!;
        for (let k = 0; k < size; k++) {
          const node = frontier[k]!;
          const flags = nodeFlags[node]!;
          if ((flags & HAS_KIDS) === 0) continue;
          for (let s = slotOf(node, word, mask); kidParent[s] !== FREE; s = (s + 1) & mask) {
            if (kidParent[s] === node && kidWord[s] === word) {
              next[nextSize++] = kidNode[s]!;
              break;
            }
          }
          if ((flags & HAS_FORMS) !== 0 || tokens.isFolded(t)) {
            // Prefix children, ordinals and Hebrew/Arabic clitic forms: worked out once per node and word.
            const more = this.formStep(node, word);
            if (more) for (let m = 0; m < more.length; m++) next[nextSize++] = more[m]!;
          }
        }
        const swap = frontier;
        frontier = next;
        next = swap;
        size = nextSize;
      }
    }
    return { phrase: hp, first: hf, last: hl, count: n };
  }
}
