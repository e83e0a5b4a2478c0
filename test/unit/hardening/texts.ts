/**
 * Text generators for the property tests: arbitrary code points (lone surrogates included), and
 * "story-like" text — real sentences from the fixture pages' expectations and the pack's names, cut
 * and joined with the characters pages use to break engines (line breaks, no-break spaces, soft
 * hyphens, zero-width joiners, combining marks, emoji, right-to-left marks, quotes, terminators).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nsoPack } from '../../../src/data/pack';

const PAGES = join(import.meta.dirname, '../../fixtures/pages');

/** The fixture pages' expectations: the engine's real input, as careful readers found it. */
const EXPECTED = readdirSync(PAGES).map(
  (slug) =>
    JSON.parse(readFileSync(join(PAGES, slug, 'expected.json'), 'utf8')) as {
      matches: { quote: string }[];
      conflicts: { found: string }[];
    },
);

/** Sentences that state claims, and the wrong or imprecise readings the pages use. */
const SENTENCES: string[] = [
  ...new Set(EXPECTED.flatMap((e) => [...e.matches.map((m) => m.quote), ...e.conflicts.map((c) => c.found)])),
];

/**
 * The misreadings on their own: most pages added over time are right throughout, so drawn only
 * among all sentences these would grow rarer with every page, and with them the inputs that make
 * the engine report conflicts.
 */
const MISREADINGS: string[] = [...new Set(EXPECTED.flatMap((e) => e.conflicts.map((c) => c.found)))];

/** Every name and variant in the pack. */
const NAMES: string[] = nsoPack.entities.flatMap((e) => [
  e.name,
  ...e.aliases.map((a) => a.text),
  ...e.variants.map((v) => v.text),
]);

/** Characters that sit between, or inside, words on real and hostile pages. */
const AWKWARD = [
  ' ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200f',
  '\u202e',
  '\u0301',
  '\u05b7',
  '\ufeff',
  '.',
  '!',
  '?',
  '\u061f',
  '“',
  '”',
  '’',
  '"',
  ')',
  '🕵️‍♂️',
  '📱',
  '\ud800',
  '\udc00',
  'U.S.',
  '1,400',
  '12.7.2020',
  '13 July 2020',
];

/** A piece of a sentence or name, whole or cut anywhere (a cut may split a surrogate pair). */
const piece = fc.oneof(
  fc.constantFrom(...SENTENCES),
  fc.constantFrom(...MISREADINGS),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...AWKWARD),
  fc
    .tuple(fc.constantFrom(...SENTENCES), fc.nat(), fc.nat())
    .map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Text that looks like (broken) news about the story. */
export const storyText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** Anything at all, story-like text included. */
export const anyText = fc.oneof(storyText, fc.string({ unit: 'binary', maxLength: 400 }));
