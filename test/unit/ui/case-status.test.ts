/**
 * Status and timeline view-models: where the cases stood on an article's date, today, and what came
 * between — expected values read from the pack's events, not from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { statusAsOf } from '../../../src/core/status/case-status';
import { allCasesToday, caseStatusViews } from '../../../src/ui/components/model/case-status';
import { localIsoDate, shortDate } from '../../../src/ui/components/model/dates';
import { timelines } from '../../../src/ui/components/model/timeline';
import { index, pack, seedAnalysis, TODAY } from './helpers';

const event = (id: string) => pack.events.find((e) => e.id === id)!;

describe('caseStatusViews', () => {
  const analysis = seedAnalysis('jpost-2020-01-16');
  const views = caseStatusViews(index, analysis.status, TODAY);
  const petition = views.find((v) => v.case.id === 'case.amnesty-israel-petition')!;

  it('JPost, 16 Jan 2020: the hearing behind closed doors, decision pending', () => {
    expect(petition.asOf).toBe('2020-01-16');
    expect(petition.statusThen).toBe(event('event.closed-hearing').status);
  });

  it('today: the petition dismissed; since the article: the judgment, dated 12 and published 13 July 2020', () => {
    expect(petition.statusToday).toBe(event('event.judgment').status);
    expect(petition.statusToday).toMatch(/^petition dismissed/);
    expect(petition.since.map((e) => e.id)).toEqual(['event.judgment']);
    expect(petition.since[0]).toMatchObject({ date: '2020-07-12', published: '2020-07-13' });
    expect(petition.court).toBe(index.entities.get(petition.case.court)?.name);
  });

  it('WhatsApp v. NSO: everything after the complaint happened since the article', () => {
    const whatsapp = views.find((v) => v.case.id === 'case.whatsapp-v-nso')!;
    const later = pack.events.filter((e) => e.case === 'case.whatsapp-v-nso' && e.date > '2020-01-16');
    expect(whatsapp.since.map((e) => e.id).sort()).toEqual(later.map((e) => e.id).sort());
    expect(whatsapp.statusToday).toBe(statusAsOf(pack, 'case.whatsapp-v-nso', TODAY).status);
  });

  it('without a page: every case in the pack, as of today', () => {
    const all = allCasesToday(index, TODAY);
    expect(all.map((v) => v.case.id)).toEqual(pack.cases.map((c) => c.id));
    for (const v of all) expect(v.since).toEqual([]);
  });
});

describe('timelines', () => {
  it('places the article after the events of its own day and before later ones', () => {
    const [petition] = timelines(index, ['case.amnesty-israel-petition'], '2020-01-16');
    const items = petition!.items;
    const at = items.findIndex((i) => i.kind === 'article');
    const before = items[at - 1];
    const after = items[at + 1];
    expect(before?.kind === 'event' && before.event.id).toBe('event.closed-hearing');
    expect(after?.kind === 'event' && after.event.id).toBe('event.judgment');
    expect(items.filter((i) => i.kind === 'event')).toHaveLength(
      pack.events.filter((e) => e.case === 'case.amnesty-israel-petition').length,
    );
  });

  it('keeps uncertain dates flagged and events in date order; the story’s other events come last', () => {
    const all = timelines(index, ['case.amnesty-israel-petition', 'case.whatsapp-v-nso'], null);
    expect(all.map((tl) => tl.case?.id ?? null)).toEqual([
      'case.amnesty-israel-petition',
      'case.whatsapp-v-nso',
      null,
    ]);
    for (const tl of all) {
      const dates = tl.items.flatMap((i) => (i.kind === 'event' ? [i.event.date] : []));
      expect(dates).toEqual([...dates].sort());
      expect(tl.items.some((i) => i.kind === 'article')).toBe(false);
    }
    const staffer = all[0]!.items.find(
      (i) => i.kind === 'event' && i.event.id === 'event.ai-staffer-targeted',
    );
    expect(staffer?.kind === 'event' && staffer.event.dateUncertain).toBe(true);
  });

  it('puts an article older than every event first, and a newer one last', () => {
    const [early] = timelines(index, ['case.amnesty-israel-petition'], '2000-01-01');
    expect(early!.items[0]?.kind).toBe('article');
    const [late] = timelines(index, ['case.amnesty-israel-petition'], '2030-01-01');
    expect(late!.items.at(-1)?.kind).toBe('article');
  });
});

describe('dates', () => {
  it('formats short dates and the local date', () => {
    expect(shortDate('2020-07-12')).toBe('12 Jul 2020');
    expect(shortDate('not a date')).toBe('not a date');
    expect(localIsoDate(new Date(2026, 10, 2, 23, 30))).toBe('2026-11-02');
  });
});
