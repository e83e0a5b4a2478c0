/**
 * Deliberately broken packs, each made by mutating a deep copy of the real one: every kind of
 * mistake is rejected with a message that names the JSON path and says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, FactPack } from '../../../src/core/facts/types';
import { formatErrors, validatePack } from '../../../src/core/facts/validate';
import { loadPack } from './pack-fixtures';

const base = loadPack();

function errorsOf(mutate: (pack: FactPack) => void): string[] {
  const pack = structuredClone(base);
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.errors;
}

function indexOf(items: readonly { id: string }[], id: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`no ${id}`);
  return index;
}

const c = indexOf(base.claims, 'claim.petition-dismissed');
const e = indexOf(base.events, 'event.judgment');
const h = indexOf(base.outlets, 'outlet.haaretz');
const claim = (pack: FactPack) => pack.claims[c]!;
const event = (pack: FactPack) => pack.events[e]!;

const cases: [string, (pack: FactPack) => void, string][] = [
  [
    'a claim without sources',
    (p) => {
      claim(p).sources = [];
    },
    `/claims/${c}/sources: must not be empty`,
  ],
  [
    'a claim citing a source that does not exist',
    (p) => {
      claim(p).sources[0]!.source = 'src.foo';
    },
    `/claims/${c}/sources/0/source: unknown source "src.foo"`,
  ],
  [
    'a dangling entity reference',
    (p) => {
      claim(p).entities[0] = 'person.nobody';
    },
    `/claims/${c}/entities/0: unknown entity "person.nobody"`,
  ],
  [
    'a duplicate id',
    (p) => {
      p.claims[c + 1]!.id = claim(p).id;
    },
    `/claims/${c + 1}/id: duplicate claim id "claim.petition-dismissed"`,
  ],
  [
    'an impossible date',
    (p) => {
      event(p).date = '2020-02-30';
    },
    `/events/${e}/date: "2020-02-30" is not a calendar date`,
  ],
  [
    'a date in another format',
    (p) => {
      event(p).date = '12 July 2020';
    },
    `/events/${e}/date: "12 July 2020" does not match`,
  ],
  [
    'an unknown verdict',
    (p) => {
      (claim(p) as { verdict: string }).verdict = 'true';
    },
    `/claims/${c}/verdict: must be one of "verified", "single-source", "disputed", "false", "unverified"; got "true"`,
  ],
  [
    'an extra property',
    (p) => {
      (claim(p) as unknown as Record<string, unknown>).confidence = 1;
    },
    `/claims/${c}/confidence: property "confidence" is not allowed here`,
  ],
  [
    'a duplicate outlet domain',
    (p) => {
      p.outlets[h]!.domains.push('jpost.com');
    },
    `/outlets/${h}/domains/${base.outlets[h]!.domains.length}: domain "jpost.com" is already used by "outlet.jpost"`,
  ],
  [
    'a non-http URL',
    (p) => {
      p.sources[0]!.url = 'ftp://example.org/x';
    },
    '/sources/0/url: "ftp://example.org/x" does not match',
  ],
  [
    'a missing required property',
    (p) => {
      delete (claim(p) as Partial<Claim>).text;
    },
    `/claims/${c}: missing required property "text"`,
  ],
  [
    'a wrong type',
    (p) => {
      (claim(p) as unknown as Record<string, unknown>).entities = 'org.nso-group';
    },
    `/claims/${c}/entities: must be array; got string`,
  ],
  [
    'a non-verified claim without a note',
    (p) => {
      claim(p).verdict = 'disputed';
      delete claim(p).verdictNote;
    },
    `/claims/${c}: verdict "disputed" needs a verdictNote saying why`,
  ],
  [
    'an event published before it happened',
    (p) => {
      event(p).published = '2020-07-11';
    },
    `/events/${e}/published: 2020-07-11 is before the event's date 2020-07-12`,
  ],
  [
    'a blank cue phrase',
    (p) => {
      claim(p).cues.all[0]![0] = '   ';
    },
    `/claims/${c}/cues/all/0/0: cue phrase is empty after trimming`,
  ],
  [
    'a cue phrase with no letters',
    (p) => {
      claim(p).cues.all[0]![0] = '—';
    },
    `/claims/${c}/cues/all/0/0: cue phrase "—" has no letters or digits`,
  ],
  [
    'a star in the middle of a phrase',
    (p) => {
      claim(p).cues.all[0]![0] = 'dis*missed';
    },
    `/claims/${c}/cues/all/0/0: "dis*missed" does not match`,
  ],
  [
    'a dangling case',
    (p) => {
      event(p).case = 'case.nope';
    },
    `/events/${e}/case: unknown case "case.nope"`,
  ],
  [
    'a claim whose event belongs to another case',
    (p) => {
      claim(p).event = 'event.jury-verdict';
    },
    `/claims/${c}/event: event "event.jury-verdict" belongs to case case.whatsapp-v-nso, not case.amnesty-israel-petition`,
  ],
  [
    'a report using a variant of another conflict',
    (p) => {
      p.reports[0]!.variants[0]!.variant = 'judge-name.rachel-barkai';
    },
    '/reports/0/variants/0/variant: variant "judge-name.rachel-barkai" belongs to "conflict.judge-name", not "conflict.lawyer-name"',
  ],
  [
    'a report using an unknown variant',
    (p) => {
      p.reports[0]!.variants[0]!.variant = 'lawyer-name.mack-the-knife';
    },
    '/reports/0/variants/0/variant: unknown conflict variant "lawyer-name.mack-the-knife"',
  ],
  [
    'an entity id that does not fit its kind',
    (p) => {
      p.entities[0]!.kind = 'place';
    },
    '/entities/0/id: a place id must start with "place."',
  ],
  [
    'two entities sharing a name',
    (p) => {
      p.entities[1]!.aliases.push({ text: 'Rachel Barkai', lang: 'en' });
    },
    'name "Rachel Barkai" is already used by "person.rachel-barkai"',
  ],
  [
    'an entity variant that its conflict does not list',
    (p) => {
      p.entities[0]!.variants[0]!.text = 'Rachel Lavie';
    },
    'conflict "conflict.judge-name" has no variant reading "Rachel Lavie"',
  ],
  [
    'a source dated after the pack',
    (p) => {
      p.sources[0]!.date = '2099-01-01';
    },
    `/sources/0/date: 2099-01-01 is after the pack's "updated" date ${base.updated}`,
  ],
  [
    'a variant id outside its conflict',
    (p) => {
      p.conflicts[0]!.variants[0]!.id = 'other.eitay-mack';
    },
    '/conflicts/0/variants/0/id: variant id "other.eitay-mack" must start with "lawyer-name."',
  ],
];

describe('validatePack rejects broken packs', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const errors = errorsOf(mutate);
    expect(errors.join('\n')).toContain(expected);
  });

  it('reports problems, never throws, for input that is not a pack at all', () => {
    for (const value of [null, [], 'pack', 42, {}]) {
      const result = validatePack(value);
      expect(result.ok).toBe(false);
    }
    const result = validatePack({});
    expect(result.ok ? [] : result.errors).toContain('/: missing required property "claims"');
  });

  it('collects several problems in one run', () => {
    const errors = errorsOf((p) => {
      claim(p).entities[0] = 'person.nobody';
      p.outlets[h]!.domains.push('jpost.com');
    });
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('formats errors one per line for a terminal', () => {
    expect(formatErrors(['/a: x', '/b: y'])).toBe('invalid fact pack (2 errors):\n  /a: x\n  /b: y');
    expect(formatErrors(['/a: x'])).toBe('invalid fact pack (1 error):\n  /a: x');
  });
});
