/**
 * The engine over the fixture pages, through the CLI's extraction path: relevance must be right on
 * every page, and the seed pages must produce the conflicts their known errors call for
 * (../shared/seeds/README.md).
 */
import { describe, expect, it } from 'vitest';
import { loadFixtures, makeEngine, needsBrowser, runHtml } from '../../../scripts/fixture-runner';

const engine = makeEngine();
const fixtures = loadFixtures().filter((f) => f.expected && !needsBrowser(f));
const run = (slug: string) => {
  const f = fixtures.find((x) => x.slug === slug)!;
  return runHtml(engine, f.html, f.expected!.url).result;
};

describe('relevance over the fixture pages', () => {
  it('covers the seeds, look-alikes and hard cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
  });
  it.each(fixtures.map((f) => [f.slug, f.expected!.relevant] as const))(
    '%s → relevant %s',
    (slug, relevant) => {
      expect(run(slug).relevant).toBe(relevant);
    },
  );
});

describe('known errors of the seed articles', () => {
  const found = (slug: string) => run(slug).conflicts.map((c) => [c.conflictId, c.found]);
  it('Jerusalem Post: the lawyer spelt "Itai Mack"', () => {
    expect(found('jpost-2020-01-16')).toContainEqual(['conflict.lawyer-name', 'Itai Mack']);
  });
  it('Press TV: "his ruling", "ministry of military affairs", "co-director for tech"', () => {
    const f = found('presstv-2020-07-13');
    expect(f).toContainEqual(['conflict.judge-gender', 'his']);
    expect(f).toContainEqual(['conflict.ministry-name', 'ministry of military affairs']);
    expect(f).toContainEqual(['conflict.ingleton-title', 'co-director for tech']);
  });
  it('AFP: Eitay Mack is spelt right, so no name conflict', () => {
    expect(found('afp-i24news-2020-01-16').filter(([id]) => id === 'conflict.lawyer-name')).toEqual([]);
  });
  it('the status of the petition as of each seed’s date', () => {
    const petition = (slug: string) =>
      run(slug).status.find((s) => s.caseId === 'case.amnesty-israel-petition')!;
    expect(petition('jpost-2020-01-16').since).toContain('event.judgment');
    expect(petition('presstv-2020-07-13').status).toMatch(/dismissed/);
  });
});
