/**
 * Grouping the claims a real analysis found (The Jerusalem Post, 16 Jan 2020) by case. Expected
 * values come from the pack (each claim's `case`) and from what the article says.
 */
import { describe, expect, it } from 'vitest';
import { distinctClaimCount, groupClaimsByCase } from '../../../src/ui/components/model/claims-by-case';
import { index, pack, seedAnalysis } from './helpers';

describe('groupClaimsByCase on the JPost seed', () => {
  const analysis = seedAnalysis('jpost-2020-01-16');
  const groups = groupClaimsByCase(index, analysis.matches);

  it('lists each claim once, so the count is the number of distinct claims found', () => {
    const ids = groups.flatMap((g) => g.claims.map((c) => c.claim.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(distinctClaimCount(groups)).toBe(new Set(analysis.matches.map((m) => m.claimId)).size);
  });

  it('puts every claim under the case the pack gives it, cases in pack order, loose claims last', () => {
    for (const group of groups) {
      for (const view of group.claims) expect(view.claim.case).toBe(group.case?.id ?? null);
    }
    const caseOrder = pack.cases.map((c) => c.id);
    const seen = groups.filter((g) => g.case).map((g) => caseOrder.indexOf(g.case!.id));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(groups.findIndex((g) => g.case === null)).toBe(
      groups.some((g) => g.case === null) ? groups.length - 1 : -1,
    );
  });

  it('files the hearing under the petition case with the sentence that states it', () => {
    const petition = groups.find((g) => g.case?.id === 'case.amnesty-israel-petition');
    const hearing = petition?.claims.find((c) => c.claim.id === 'claim.hearing-2020-01-16');
    expect(hearing?.claim.text).toMatch(/16 January 2020/);
    expect(hearing?.quotes[0]).toMatch(/^A court shut the doors on Thursday/);
    const lawyer = petition?.claims.find((c) => c.claim.id === 'claim.mack-represents-petitioners');
    expect(lawyer?.quotes.some((q) => q.includes('Amnesty lawyer, Itai Mack'))).toBe(true);
  });

  it('files the WhatsApp suit under its own case', () => {
    const whatsapp = groups.find((g) => g.case?.id === 'case.whatsapp-v-nso');
    const ids = whatsapp?.claims.map((c) => c.claim.id) ?? [];
    // "sued NSO in the US federal court in San Francisco, … about 1,400 users": the suit and the
    // number are stated (loosely); the court is a conflict with the record, not the Oakland claim.
    expect(ids).toEqual(expect.arrayContaining(['claim.whatsapp-sued-nso', 'claim.whatsapp-1400-devices']));
    expect(ids).not.toContain('claim.whatsapp-court-oakland');
    const suit = whatsapp?.claims.find((c) => c.claim.id === 'claim.whatsapp-sued-nso');
    expect(suit?.quotes.some((q) => q.includes('federal court in San Francisco'))).toBe(true);
  });

  it('keeps distinct passages of one claim, in text order, without repeats', () => {
    // The article has Barkai first propose an open hearing, then reverse herself: two sentences.
    const reversed = groups
      .flatMap((g) => g.claims)
      .find((c) => c.claim.id === 'claim.judge-proposed-public-then-reversed');
    expect(reversed?.quotes).toHaveLength(2);
    expect(reversed?.quotes[0]).toMatch(/^At first, Judge Barkai/);
    expect(reversed?.quotes[1]).toMatch(/reversed herself\.$/);
  });

  it('resolves each claim’s sources from the pack', () => {
    const view = groups.flatMap((g) => g.claims).find((c) => c.claim.id === 'claim.hearing-2020-01-16')!;
    expect(view.sources.map((s) => s.id)).toEqual(view.claim.sources.map((s) => s.source));
    for (const s of view.sources) expect(s.url).toMatch(/^https?:\/\//);
  });

  it('drops matches of claims the pack does not know', () => {
    const bogus = { claimId: 'claim.nope', start: 0, end: 1, quote: 'x', confidence: 1 };
    expect(groupClaimsByCase(index, [bogus])).toEqual([]);
  });
});

describe('groupClaimsByCase on a long page whose report left some quotes out', () => {
  it('still lists the claim, showing only the passages that came with their words', () => {
    const analysis = seedAnalysis('jpost-2020-01-16');
    const first = analysis.matches[0]!;
    const matches = [...analysis.matches, { ...first, start: 99_000, end: 99_050, quote: '' }];
    const view = groupClaimsByCase(index, matches)
      .flatMap((g) => g.claims)
      .find((c) => c.claim.id === first.claimId)!;
    expect(view.quotes).not.toContain('');
    expect(view.quotes).toContain(first.quote);
  });
});
