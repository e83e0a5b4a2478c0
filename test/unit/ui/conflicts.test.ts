/**
 * The conflicts view-model over real analyses: what the page says, what the record says, and which
 * outlets used which reading — checked against the pack's conflicts and the articles' wording.
 */
import { describe, expect, it } from 'vitest';
import { conflictViews } from '../../../src/ui/components/model/conflicts';
import { index, seedAnalysis } from './helpers';

describe('conflictViews', () => {
  it('JPost: the lawyer’s name as the article spells it against the record’s spelling', () => {
    const analysis = seedAnalysis('jpost-2020-01-16');
    const views = conflictViews(index, analysis.conflicts, analysis.article.outlet);
    const lawyer = views.find((v) => v.conflictId === 'conflict.lawyer-name');
    const conflict = index.conflicts.get('conflict.lawyer-name')!;
    expect(lawyer?.found).toEqual(['Itai Mack']);
    expect(lawyer?.expected).toBe(conflict.expected);
    expect(lawyer?.expected).toBe('Eitay Mack');
    expect(lawyer?.subject).toBe(conflict.subject);
    expect(lawyer?.why).toBe(conflict.why);
    // The pack lists The Jerusalem Post among the outlets that wrote "Itai Mack", and not under "Eitay Mack".
    const here = lawyer?.variants.filter((v) => v.byThisOutlet).map((v) => v.reading);
    expect(here).toEqual(['Itai Mack']);
    const eitay = lawyer?.variants.find((v) => v.reading === 'Eitay Mack');
    expect(eitay?.assessment).toBe('right');
    expect(eitay?.outlets.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Haaretz', 'Agence France-Presse']),
    );
  });

  it('lists each conflict once, in the order the article first shows it, with every distinct wording', () => {
    const analysis = seedAnalysis('presstv-2020-07-13');
    const views = conflictViews(index, analysis.conflicts, analysis.article.outlet);
    const ids = views.map((v) => v.conflictId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(analysis.conflicts.map((c) => c.conflictId)));
    // Press TV calls the Defense Ministry "ministry of military affairs", twice: one entry, one wording.
    const ministry = views.find((v) => v.conflictId === 'conflict.ministry-name');
    expect(ministry?.found.map((f) => f.toLowerCase())).toEqual(['ministry of military affairs']);
    // Press TV writes "his ruling" of Judge Rachel Barkai.
    const gender = views.find((v) => v.conflictId === 'conflict.judge-gender');
    expect(gender?.found).toEqual(['his']);
    expect(gender?.variants.find((v) => v.byThisOutlet)?.assessment).toBe('wrong');
    const firstStarts = ids.map((id) =>
      Math.min(...analysis.conflicts.filter((c) => c.conflictId === id).map((c) => c.start)),
    );
    expect(firstStarts).toEqual([...firstStarts].sort((a, b) => a - b));
  });

  it('marks no reading as this outlet’s when the page’s outlet is unknown', () => {
    const analysis = seedAnalysis('jpost-2020-01-16');
    const views = conflictViews(index, analysis.conflicts, null);
    expect(views.flatMap((v) => v.variants).some((v) => v.byThisOutlet)).toBe(false);
  });
});
