/**
 * The phrase index's word trie in flat arrays. Node ids index each node's word, phrase ends and
 * prefix children; the exact-word children of every node share one open-addressing table keyed
 * by (node, word number), the numbers of a `WordTable` every trie word is interned in.
 */
import type { WordTable } from '../text/word-table.js';
import { altForms, mayHaveForms } from './alt-forms.js';

export const EMPTY = -1;

/** A word that is a day's number, as date cues write it ("november 8 2021"). */
const DAY_NUMBER = /^[0-9]{1,2}$/;

/** Slot of (node, word number) in a table of `mask + 1` slots. */
export const kidSlot = (node: number, word: number, mask: number) =>
  (Math.imul(word, 0x85ebca6b) ^ Math.imul(node, 0x9e3779b1)) & mask;

export class WordTrie {
  /** The word that leads to each node from its parent ('' for the root and prefix children). */
  private readonly nodeText: string[] = [''];
  private readonly nodeParent: number[] = [EMPTY];
  /** The interned number of `nodeText` (EMPTY for the root and prefix children). */
  private readonly nodeWord: number[] = [EMPTY];
  /** Phrase ids that end at each node. */
  readonly nodeEnds: (number[] | null)[] = [null];
  /** Children reached by a word prefix ("licen*"), keyed by prefix. */
  readonly nodePrefix: (Map<string, number> | null)[] = [null];
  /** 1 when the node has any child (exact or prefix): a walk stops at a node without. */
  nodeHasKids = new Uint8Array(64);
  /** 1 when a child of the node is a day's number ("8"), which an ordinal ("8th") also leads to. */
  nodeHasDay = new Uint8Array(64);
  /** Exact-word children: slot → parent node (EMPTY if free), the child's word number, the child. */
  kidParent = new Int32Array(256).fill(EMPTY);
  kidWord = new Int32Array(256);
  kidNode = new Int32Array(256);
  private kidCount = 0;
  /** Prefix lengths in the order first added: prefix children are tried in this order. */
  private readonly prefixLengths: number[] = [];

  constructor(private words: WordTable) {}

  get size(): number {
    return this.nodeText.length;
  }

  /** Adds the path of `raw` (folded words; the last a prefix when `isPrefix`) ending phrase `id`. */
  insert(raw: string[], isPrefix: boolean, id: number): void {
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
  }

  /** Interns every trie word in a new `words` table and renumbers the children to match. */
  renumber(words: WordTable): void {
    this.words = words;
    for (let n = 1; n < this.nodeText.length; n++) {
      if (this.nodeText[n] !== '') this.nodeWord[n] = words.idOf(this.nodeText[n]!);
    }
    this.rebuildKids(this.kidParent.length);
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
      const days = new Uint8Array(more.length);
      days.set(this.nodeHasDay);
      this.nodeHasDay = days;
    }
    this.nodeHasKids[parent] = 1;
    if (DAY_NUMBER.test(text)) this.nodeHasDay[parent] = 1;
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
  exactChild(node: number, word: number): number {
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
  stepWithForms(node: number, word: string, out: number[], skipDirect = false): void {
    this.step(node, word, out, skipDirect);
    if (!mayHaveForms(word.charCodeAt(0))) return;
    // Forms are followed even where the word itself leads somewhere: "المكسيك" is a cue of one
    // claim and, as ال + مكسيك, meets another's "مكسيك*".
    const forms = altForms(word);
    if (!forms) return;
    for (const form of forms) {
      const from = out.length;
      this.step(node, form, out);
      // A node reached twice (the word and a form of it) is one place for the walk to go on from.
      for (let k = from; k < out.length; k++) {
        if (out.indexOf(out[k]!) < k) out.splice(k--, 1);
      }
    }
  }
}
