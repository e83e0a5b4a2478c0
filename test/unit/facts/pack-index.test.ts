import { describe, expect, it } from 'vitest';
import { bareHost, indexPack } from '../../../src/core/facts/index';
import { nameKey, phraseTokens, tokenize } from '../../../src/core/facts/normalize';
import type { CaseEvent } from '../../../src/core/facts/types';
import { loadPack } from './pack-fixtures';

const index = indexPack(loadPack());

/** What the engine will do: the status after the latest event on or before `asOf`. */
function statusAsOf(caseId: string, asOf: string): string | undefined {
  const events: readonly CaseEvent[] = index.eventsByCase.get(caseId) ?? [];
  return events.filter((event) => event.status && event.date <= asOf).at(-1)?.status;
}

describe('normalisation shared by cues and page text', () => {
  it('tokenises as the cue syntax says', () => {
    expect(tokenize('NSO’s')).toEqual(['nso', 's']);
    expect(tokenize('Lavi-Barkai')).toEqual(['lavi', 'barkai']);
    expect(tokenize('1,400')).toEqual(['1', '400']);
    expect(tokenize('co–director')).toEqual(['co', 'director']);
    expect(tokenize('Biträdande DIREKTÖR')).toEqual(['bitradande', 'direktor']);
    expect(tokenize('השופטת רחל ברקאי')).toEqual(['השופטת', 'רחל', 'ברקאי']);
    expect(tokenize('إن إس أو')).toEqual(tokenize('ان اس او'));
    expect(tokenize('١٬٤٠٠ جهاز')).toEqual(['1', '400', 'جهاز']);
    expect(tokenize('۱۴۰۰')).toEqual(['1400']);
  });

  it('reads a trailing star as a prefix', () => {
    expect(phraseTokens('export licen*')).toEqual({ tokens: ['export', 'licen'], prefix: true });
    expect(phraseTokens(' court ')).toEqual({ tokens: ['court'], prefix: false });
    expect(nameKey('Rachel  Lavi-Barkai')).toBe('rachel lavi barkai');
  });
});

describe('indexPack', () => {
  it('maps every collection by id', () => {
    expect(index.claims.get('claim.petition-dismissed')?.verdict).toBe('verified');
    expect(index.cases.get('case.whatsapp-v-nso')?.number).toBe('4:19-cv-07123-PJH');
    expect(index.events.get('event.judgment')?.published).toBe('2020-07-13');
    expect(index.conflicts.get('conflict.judge-gender')?.kind).toBe('gender');
    expect(index.sources.size).toBe(index.pack.sources.length);
    expect(index.reports.get('report.presstv-2020-07-13')?.outlet).toBe('outlet.presstv');
    expect(index.variants.get('judge-gender.his-ruling')?.conflict.id).toBe('conflict.judge-gender');
  });

  it('finds entities by name or alias in any script and case', () => {
    expect(index.entityByAlias('השופטת רחל ברקאי')?.id).toBe('person.rachel-barkai');
    expect(index.entityByAlias('judge  RACHEL barkai')?.id).toBe('person.rachel-barkai');
    expect(index.entityByAlias('איתי מק')?.id).toBe('person.eitay-mack');
    expect(index.entityByAlias('بيغاسوس')?.id).toBe('product.pegasus');
    expect(index.entityByAlias('Defence Ministry')?.id).toBe('agency.israel-mod');
    expect(index.entityByAlias('Citizen Lab')?.id).toBe('org.citizen-lab');
    expect(index.entityByAlias('Mack the Knife')).toBeUndefined();
  });

  it('finds entity variants with their conflict', () => {
    expect(index.entitiesByVariant.get(nameKey('Itai Mack'))).toMatchObject({
      entity: { id: 'person.eitay-mack' },
      variant: { conflict: 'conflict.lawyer-name' },
    });
    expect(index.entitiesByVariant.get(nameKey('ministry of military affairs'))?.variant.type).toBe(
      'house-style',
    );
  });

  it('finds the outlet of a host, falling back to parent domains', () => {
    expect(index.outletForHost('m.jpost.com')?.id).toBe('outlet.jpost');
    expect(index.outletForHost('www.jpost.com')?.id).toBe('outlet.jpost');
    expect(index.outletForHost('https://www.presstv.co.uk/Detail/2020/07/13/629532')?.id).toBe(
      'outlet.presstv',
    );
    expect(index.outletForHost('en.globes.co.il')?.id).toBe('outlet.globes');
    expect(index.outletForHost('tech.newstatesman.com')?.id).toBe('outlet.new-statesman');
    expect(index.outletForHost('jewishnews.timesofisrael.com')?.id).toBe('outlet.jewish-news');
    expect(index.outletForHost('blogs.timesofisrael.com')?.id).toBe('outlet.toi');
    expect(index.outletForHost('JPOST.COM.')?.id).toBe('outlet.jpost');
    expect(index.outletForHost('example.org')).toBeUndefined();
    expect(index.outletForHost('com')).toBeUndefined();
    expect(bareHost('https://user@www.i24news.tv:443/en/news?x=1')).toBe('i24news.tv');
  });

  it('finds the outlet of an og:site_name', () => {
    expect(index.outletForSiteName('JPost.com')?.id).toBe('outlet.jpost');
    expect(index.outletForSiteName('The Jerusalem Post')?.id).toBe('outlet.jpost');
    expect(index.outletForSiteName('PressTV')?.id).toBe('outlet.presstv');
    expect(index.outletForSiteName('Nobody News')).toBeUndefined();
  });

  it('orders each case’s events, so that the status at any date can be derived', () => {
    const petition = index.eventsByCase.get('case.amnesty-israel-petition') ?? [];
    expect(petition.map((event) => event.date)).toEqual([...petition.map((event) => event.date)].sort());
    expect(statusAsOf('case.amnesty-israel-petition', '2019-01-01')).toBeUndefined();
    expect(statusAsOf('case.amnesty-israel-petition', '2019-06-01')).toBe(
      'petition filed; awaiting a hearing',
    );
    expect(statusAsOf('case.amnesty-israel-petition', '2020-01-16')).toBe(
      'hearing held behind closed doors; decision pending',
    );
    expect(statusAsOf('case.amnesty-israel-petition', '2020-07-13')).toBe(
      'petition dismissed (judgment 12 Jul 2020, published 13 Jul)',
    );
    expect(statusAsOf('case.whatsapp-v-nso', '2022-01-01')).toMatch(/no foreign sovereign immunity/);
    expect(statusAsOf('case.whatsapp-v-nso', '2025-06-01')).toMatch(/^jury verdict/);
    expect(index.eventsByCase.get(null)?.some((event) => event.id === 'event.pegasus-project')).toBe(true);
  });

  it('groups reports by outlet', () => {
    expect(index.reportsByOutlet.get('outlet.calcalist')?.length).toBeGreaterThanOrEqual(2);
  });
});
