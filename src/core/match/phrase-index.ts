/**
 * One dictionary of every phrase the engine looks for (cue words, names, variants, detection
 * terms), compiled once into a word trie. Scanning is a single pass over the article's tokens
 * with one table probe per token, so the cost barely grows with the size of the fact pack —
 * unlike a regex per claim (DESIGN.md §1; toolchain.md measured 35× between the two).
 *
 * The trie lives in flat arrays. Words are interned (`WordTable`): a scan first numbers every
 * token's word, one probe each, and then follows the trie by numbers — exact-word children come
 * from one open-addressing table keyed by (node, word number), and what a word does from the root,
 * or through prefix children ("licen*") and Hebrew/Arabic clitics, is worked out once per word.
 * Hits come out as parallel typed arrays, so a scan allocates nothing per token or hit.
 */
import { phraseWords, type Tokens, tokenize } from '../text/tokens.js';
import { WordTable } from '../text/word-table.js';
import { altForms } from './alt-forms.js';

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

/** Distinct words whose root transitions are remembered; past this the cache starts over. */
const ROOT_CACHE_LIMIT = 200_000;
const EMPTY = -1;
/** `rootAt` entries: not worked out yet, and leads nowhere. */
const UNKNOWN = -2;
const NOWHERE = -1;

/** Slot of (node, word number) in a table of `mask + 1` slots. */
const kidSlot = (node: number, word: number, mask: number) =>
  (Math.imul(word, 0x85ebca6b) ^ Math.imul(node, 0x9e3779b1)) & mask;

export class PhraseIndex {
  /** Interned words; those of the trie are always present. Starts over past ROOT_CACHE_LIMIT words. */
  private words = new WordTable();
  /** The word that leads to each node from its parent ('' for the root and prefix children). */
  private readonly nodeText: string[] = [''];
  private readonly nodeParent: number[] = [EMPTY];
  /** The interned number of `nodeText` (EMPTY for the root and prefix children). */
  private readonly nodeWord: number[] = [EMPTY];
  /** Phrase ids that end at each node. */
  private readonly nodeEnds: (number[] | null)[] = [null];
  /** Children reached by a word prefix ("licen*"), keyed by prefix. */
  private readonly nodePrefix: (Map<string, number> | null)[] = [null];
  /** 1 when the node has any child (exact or prefix): a walk stops at a node without. */
  private nodeHasKids = new Uint8Array(64);
  /** Exact-word children: slot → parent node (EMPTY if free), the child's word number, the child. */
  private kidParent = new Int32Array(256).fill(EMPTY);
  private kidWord = new Int32Array(256);
  private kidNode = new Int32Array(256);
  private kidCount = 0;
  /** Prefix lengths in the order first added: prefix children are tried in this order. */
  private readonly prefixLengths: number[] = [];

  /** Whether the scan tables below describe the trie as it is (false after `add`). */
  private ready = false;
  /** Phrases ending at node `n`: `endsList[endsAt[n]]` to `endsList[endsAt[n + 1] - 1]`. */
  private endsAt = new Int32Array(2);
  private endsList = new Int32Array(0);
  /** Where each word leads from the root, by word number: see `rootStep`. */
  private rootAt = new Int32Array(0);
  private rootPool = new Int32Array(256);
  private rootUsed = 0;
  /** Per node, where each word leads through prefix children and clitic forms, by word number. */
  private viaForms: (Map<number, Int32Array | null> | undefined)[] = [];

  private readonly ids = new Map<string, number>();
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
    this.ready = false;
    this.phrases.push(phrase);
    this.ids.set(key, id);
    let node = 0;
    raw.forEach((word, i) => {
      if (i === raw.length - 1 && isPrefix) {
        let prefix = this.nodePrefix[node] ?? null;
        if (!prefix) {
          prefix = new Map();
          this.nodePrefix[node] = prefix;
        }
        let child = prefix.get(word);
        if (child === undefined) {
          child = this.newNode('', node);
          prefix.set(word, child);
        }
        if (!this.prefixLengths.includes(word.length)) this.prefixLengths.push(word.length);
        node = child;
      } else {
        let child = this.exactChild(node, this.words.idOf(word));
        if (child === EMPTY) {
          child = this.newNode(word, node);
          this.insertKid(node, this.nodeWord[child]!, child);
        }
        node = child;
      }
    });
    const ends = this.nodeEnds[node] ?? [];
    ends.push(id);
    this.nodeEnds[node] = ends;
    return id;
  }

  get size(): number {
    return this.phrases.length;
  }

  private newNode(text: string, parent: number): number {
    const id = this.nodeText.length;
    this.nodeText.push(text);
    this.nodeParent.push(parent);
    this.nodeWord.push(text === '' ? EMPTY : this.words.idOf(text));
    this.nodeEnds.push(null);
    this.nodePrefix.push(null);
    if (id >= this.nodeHasKids.length) {
      const more = new Uint8Array(this.nodeHasKids.length * 2);
      more.set(this.nodeHasKids);
      this.nodeHasKids = more;
    }
    this.nodeHasKids[parent] = 1;
    return id;
  }

  private insertKid(parent: number, word: number, child: number): void {
    // Grown before `child` goes in: the rebuild refills the children made before it.
    if ((this.kidCount + 1) * 2 > this.kidParent.length) this.rebuildKids(this.kidParent.length * 2, child);
    const mask = this.kidParent.length - 1;
    let s = kidSlot(parent, word, mask);
    while (this.kidParent[s] !== EMPTY) s = (s + 1) & mask;
    this.kidParent[s] = parent;
    this.kidWord[s] = word;
    this.kidNode[s] = child;
    this.kidCount++;
  }

  /** Refills the children table (`size` slots) from the nodes before `upTo`, in creation order. */
  private rebuildKids(size: number, upTo = this.nodeText.length): void {
    this.kidParent = new Int32Array(size).fill(EMPTY);
    this.kidWord = new Int32Array(size);
    this.kidNode = new Int32Array(size);
    this.kidCount = 0;
    for (let child = 1; child < upTo; child++) {
      // Prefix children ('' words) live in their parent's prefix map, not here.
      if (this.nodeWord[child] !== EMPTY)
        this.insertKid(this.nodeParent[child]!, this.nodeWord[child]!, child);
    }
  }

  /** The exact-word child of `node` for word number `word`, or EMPTY. */
  private exactChild(node: number, word: number): number {
    const mask = this.kidParent.length - 1;
    for (let s = kidSlot(node, word, mask); this.kidParent[s] !== EMPTY; s = (s + 1) & mask) {
      if (this.kidParent[s] === node && this.kidWord[s] === word) return this.kidNode[s]!;
    }
    return EMPTY;
  }

  /** Children of `node` that `word` leads to: the exact child (unless `skipDirect`), then prefix children. */
  private step(node: number, word: string, out: number[], skipDirect = false): void {
    if (!skipDirect) {
      // A word that was never interned is no trie word, so it has no exact child.
      const id = this.words.find(word);
      const direct = id === EMPTY ? EMPTY : this.exactChild(node, id);
      if (direct !== EMPTY) out.push(direct);
    }
    const prefix = this.nodePrefix[node];
    if (prefix) {
      for (const len of this.prefixLengths) {
        if (word.length < len) continue;
        const child = prefix.get(word.slice(0, len));
        if (child !== undefined) out.push(child);
      }
    }
  }

  /** `skipDirect`: the caller already followed the exact-word child. */
  private stepWithForms(node: number, word: string, out: number[], skipDirect = false): void {
    const before = out.length;
    this.step(node, word, out, skipDirect);
    if (out.length > before || word.charCodeAt(0) < 0x0590) return;
    const forms = altForms(word);
    if (forms) for (const form of forms) this.step(node, form, out);
  }

  /**
   * Where word number `word` leads from the root: an offset into `rootPool` (the number of nodes,
   * then the nodes), or NOWHERE. Worked out on first use.
   */
  private rootStep(word: number): number {
    const known = this.rootAt[word]!;
    if (known !== UNKNOWN) return known;
    const out: number[] = [];
    this.stepWithForms(0, this.words.text[word]!, out);
    let at = NOWHERE;
    if (out.length > 0) {
      at = this.rootUsed;
      if (at + out.length + 1 > this.rootPool.length)
        this.rootPool = growTo(this.rootPool, (at + out.length + 1) * 2);
      this.rootPool[at] = out.length;
      this.rootPool.set(out, at + 1);
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
      this.stepWithForms(node, this.words.text[word]!, out, true);
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
      for (let n = 1; n < this.nodeText.length; n++) {
        if (this.nodeText[n] !== '') this.nodeWord[n] = this.words.idOf(this.nodeText[n]!);
      }
      this.rebuildKids(this.kidParent.length);
      this.ready = false;
    }
    if (this.ready) return;
    const nodes = this.nodeText.length;
    this.endsAt = new Int32Array(nodes + 1);
    const list: number[] = [];
    for (let n = 0; n < nodes; n++) {
      this.endsAt[n] = list.length;
      for (const phrase of this.nodeEnds[n] ?? []) list.push(phrase);
    }
    this.endsAt[nodes] = list.length;
    this.endsList = Int32Array.from(list);
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

  /** Tokenises `text` with its words numbered in this index's table, ready for `scanFlat`. */
  tokenize(text: string): Tokens {
    this.prepare(true);
    return tokenize(text, this.words);
  }

  /** `scan` as parallel arrays, without an object per hit. */
  scanFlat(tokens: Tokens): Hits {
    const numbered = tokens.wordTable === this.words && tokens.ids !== null;
    this.prepare(!numbered);
    const { hashes, count } = tokens;
    const words = this.words;
    // Every token's word number: from the tokeniser, or looked up here.
    let ids = tokens.ids;
    if (!numbered || ids === null) {
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
    let hp = new Int32Array(cap);
    let hf = new Int32Array(cap);
    let hl = new Int32Array(cap);
    let n = 0;
    const { endsAt, endsList, nodePrefix, nodeHasKids, kidParent, kidWord, kidNode } = this;
    const mask = kidParent.length - 1;
    // Two frontiers reused for the whole scan; sizes kept by hand (setting .length is slow).
    let frontier: number[] = [];
    let next: number[] = [];
    for (let i = 0; i < count; i++) {
      const first = this.rootStep(ids[i]!);
      if (first === NOWHERE) continue;
      const pool = this.rootPool;
      let size = pool[first]!;
      for (let k = 0; k < size; k++) frontier[k] = pool[first + 1 + k]!;
      let t = i;
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
          if (nodeHasKids[node] === 0) continue;
          for (let s = kidSlot(node, word, mask); kidParent[s] !== EMPTY; s = (s + 1) & mask) {
            if (kidParent[s] === node && kidWord[s] === word) {
              next[nextSize++] = kidNode[s]!;
              break;
            }
          }
          if (nodePrefix[node] || tokens.isFolded(t)) {
            // Prefix children and Hebrew/Arabic clitic forms: worked out once per node and word.
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

function growTo(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
