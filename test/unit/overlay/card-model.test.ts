/**
 * What the cards say for real pack items and real engine findings on the seed pages.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictMatch } from '../../../src/core/match/findings';
import { claimCard, conflictCard, sourceLinks } from '../../../src/ui/overlay/model/card-model';
import { explanations } from '../../../src/ui/overlay/view/ConflictBody';
import { index, pack, seedAnalysis } from './helpers';

const JPOST = { title: 'Court shuts doors', outlet: 'outlet.jpost', published: '2020-01-16' };

function lawyerConflict(): ConflictMatch {
  const found = seedAnalysis('jpost-2020-01-16').conflicts.find(
    (c) => c.conflictId === 'conflict.lawyer-name',
  );
  if (!found) throw new Error('the engine no longer finds the lawyer-name conflict on the JPost seed');
  return found;
}

describe('conflict card', () => {
  it('for "Itai Mack" on the JPost seed: the record says Eitay Mack, and the Jerusalem Post used "Itai Mack"', () => {
    const match = lawyerConflict();
    expect(match.found).toBe('Itai Mack');
    const card = conflictCard(index, match, JPOST)!;
    expect(card.kind).toBe('conflict');
    expect(card.subject).toMatch(/lawyer/i);
    expect(card.found).toBe('Itai Mack');
    expect(card.expected).toBe('Eitay Mack');
    expect(card.articleOutlet).toBe('The Jerusalem Post');
    expect(card.why).toMatch(/same person/);
    const itai = card.variants.find((v) => v.reading === 'Itai Mack')!;
    const eitay = card.variants.find((v) => v.reading === 'Eitay Mack')!;
    expect(itai).toMatchObject({ assessment: 'imprecise', outlets: ['The Jerusalem Post'], usedHere: true });
    expect(eitay.assessment).toBe('right');
    expect(eitay.outlets).toEqual(expect.arrayContaining(['Haaretz', 'Agence France-Presse']));
    expect(eitay.usedHere).toBe(false);
  });

  it('marks the reading this article used by its wording when the outlet is unknown', () => {
    const card = conflictCard(index, lawyerConflict(), { title: null, outlet: null, published: null })!;
    expect(card.articleOutlet).toBeNull();
    expect(card.variants.filter((v) => v.usedHere).map((v) => v.reading)).toEqual(['Itai Mack']);
  });

  it("lists the conflict's sources: a Text Fragment only for the source's own words", () => {
    const card = conflictCard(index, lawyerConflict(), JPOST)!;
    const jpost = card.sources.find((s) => s.sourceId === 'src.jpost-2020-01-16')!;
    const calcalist = card.sources.find((s) => s.sourceId === 'src.calcalist-2019-05-13')!;
    expect(jpost.quoteIsSourceWords).toBe(true);
    expect(jpost.publisher).toBe('The Jerusalem Post');
    expect(jpost.href).toMatch(/^https:\/\/www\.jpost\.com\/.*#:~:text=Amnesty%20lawyer%2C%20Itai%20Mack$/);
    // The record's summary of Calcalist is not Calcalist's words: no fragment.
    expect(calcalist.quoteIsSourceWords).toBe(false);
    expect(calcalist.href).not.toContain('#:~:text=');
    expect(calcalist.href).toBe(index.sources.get('src.calcalist-2019-05-13')!.url);
  });

  it('presents every conflict found on the PressTV seed (his ruling, ministry name, Ingleton title)', () => {
    const analysis = seedAnalysis('presstv-2020-07-13');
    const cards = analysis.conflicts.map((c) => conflictCard(index, c, analysis.article));
    expect(cards.every((c) => c !== null)).toBe(true);
    const gender = cards.find((c) => c!.conflictId === 'conflict.judge-gender')!;
    expect(gender.found).toBe('his');
    // The engine's own wording of the record for this finding wins over the conflict's general one.
    expect(gender.expected).toMatch(/\bher\b/);
  });

  it('gives null for a conflict the pack does not know', () => {
    expect(conflictCard(index, { ...lawyerConflict(), conflictId: 'conflict.nope' }, JPOST)).toBeNull();
  });
});

describe('claim card', () => {
  it('states the claim, its verdict and note, the confidence and its sources', () => {
    const claim = pack.claims.find((c) => c.verdict !== 'verified' && c.verdictNote)!;
    const card = claimCard(index, { claimId: claim.id, start: 0, end: 10, quote: 'q', confidence: 0.9 })!;
    expect(card).toMatchObject({
      kind: 'claim',
      text: claim.text,
      verdict: claim.verdict,
      verdictNote: claim.verdictNote,
      confidence: 0.9,
    });
    expect(card.sources.map((s) => s.sourceId)).toEqual(claim.sources.map((s) => s.source));
  });

  it('covers every claim the engine finds on the seed pages, each with at least one linked source', () => {
    for (const slug of ['jpost-2020-01-16', 'presstv-2020-07-13']) {
      for (const match of seedAnalysis(slug).matches) {
        const card = claimCard(index, match)!;
        expect(card, match.claimId).not.toBeNull();
        expect(card.sources.length).toBeGreaterThan(0);
        expect(card.sources.some((s) => s.href !== null)).toBe(true);
      }
    }
  });

  it('clamps the confidence to 0…1 and gives null for an unknown claim', () => {
    const id = pack.claims[0]!.id;
    expect(claimCard(index, { claimId: id, start: 0, end: 1, quote: '', confidence: 3 })!.confidence).toBe(1);
    expect(
      claimCard(index, { claimId: 'claim.nope', start: 0, end: 1, quote: '', confidence: 1 }),
    ).toBeNull();
  });
});

describe('source links over the whole pack', () => {
  it("every link is http(s); fragments only where the quote is the source's words", () => {
    const refs = [...pack.claims, ...pack.conflicts].flatMap((x) => x.sources);
    const links = sourceLinks(index, refs);
    expect(links.length).toBe(refs.length);
    for (const [i, link] of links.entries()) {
      if (link.href === null) continue;
      expect(new URL(link.href).protocol).toMatch(/^https?:$/);
      expect(link.href.includes('#:~:text=')).toBe(refs[i]!.fromRecord !== true);
    }
  });
});

describe('conflict explanations', () => {
  it('shows the note and the why, but one of them when it contains the other', () => {
    expect(explanations('A.', 'B.')).toEqual(['A.', 'B.']);
    expect(explanations('"his" refers to her. Why.', 'Why.')).toEqual(['"his" refers to her. Why.']);
    expect(explanations('Short.', 'Longer. Short.')).toEqual(['Longer. Short.']);
    expect(explanations('', 'Why.')).toEqual(['Why.']);
    expect(explanations('', '')).toEqual([]);
  });
});
