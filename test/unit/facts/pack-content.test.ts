/**
 * Meta-tests over the shipped pack: it validates, its ids and references hold, every fact is
 * sourced, it meets the content minimums of issue #3, and what the record marks [U] or [S] is
 * never shown as verified.
 */
import { describe, expect, it } from 'vitest';
import { nameKey, phraseTokens } from '../../../src/core/facts/normalize';
import type { SourceRef } from '../../../src/core/facts/types';
import { validatePack } from '../../../src/core/facts/validate';
import { byId, loadPack } from './pack-fixtures';

const pack = loadPack();
const sources = new Map(pack.sources.map((source) => [source.id, source]));
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const HTTP = /^https?:\/\/\S+$/;

function allSourceRefs(): SourceRef[] {
  const refs: SourceRef[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.source === 'string' && typeof record.quote === 'string')
        refs.push(record as unknown as SourceRef);
      Object.values(record).forEach(walk);
    }
  };
  walk(pack);
  return refs;
}

describe('the bundled pack', () => {
  it('passes validatePack', () => {
    const result = validatePack(loadPack());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has unique ids in every collection, and unique conflict-variant ids', () => {
    for (const name of [
      'sources',
      'entities',
      'outlets',
      'cases',
      'events',
      'claims',
      'reports',
      'conflicts',
    ] as const) {
      const ids = pack[name].map((item) => item.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
    const variantIds = pack.conflicts.flatMap((conflict) => conflict.variants.map((variant) => variant.id));
    expect(new Set(variantIds).size).toBe(variantIds.length);
  });

  it('has no dangling references', () => {
    const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
    const [entities, outlets, cases, events, claims, conflicts] = [
      ids(pack.entities),
      ids(pack.outlets),
      ids(pack.cases),
      ids(pack.events),
      ids(pack.claims),
      ids(pack.conflicts),
    ];
    for (const ref of allSourceRefs()) expect(sources.has(ref.source), ref.source).toBe(true);
    for (const claim of pack.claims) {
      for (const entity of claim.entities) expect(entities.has(entity), `${claim.id} → ${entity}`).toBe(true);
      if (claim.case) expect(cases.has(claim.case)).toBe(true);
      if (claim.event) expect(events.has(claim.event)).toBe(true);
    }
    for (const event of pack.events) if (event.case) expect(cases.has(event.case)).toBe(true);
    for (const kase of pack.cases)
      for (const party of [kase.court, ...kase.parties]) expect(entities.has(party)).toBe(true);
    for (const report of pack.reports) {
      expect(outlets.has(report.outlet)).toBe(true);
      for (const statement of report.statements)
        expect(claims.has(statement.claim), statement.claim).toBe(true);
      for (const used of report.variants) {
        const conflict = pack.conflicts.find((candidate) => candidate.id === used.conflict);
        expect(
          conflict?.variants.some((variant) => variant.id === used.variant),
          used.variant,
        ).toBe(true);
      }
    }
    for (const conflict of pack.conflicts) {
      if (conflict.entity) expect(entities.has(conflict.entity)).toBe(true);
      if (conflict.claim) expect(claims.has(conflict.claim)).toBe(true);
      for (const variant of conflict.variants)
        for (const o of variant.outlets) expect(outlets.has(o), o).toBe(true);
    }
    for (const entity of pack.entities) {
      for (const variant of entity.variants)
        if (variant.conflict) expect(conflicts.has(variant.conflict)).toBe(true);
    }
  });

  it('backs every claim, event and conflict with a source that has an http(s) URL and an ISO date', () => {
    const usable = (refs: readonly SourceRef[]) =>
      refs.some((ref) => {
        const source = sources.get(ref.source);
        return source !== undefined && HTTP.test(source.url) && ISO.test(source.date);
      });
    for (const item of [...pack.claims, ...pack.events, ...pack.conflicts])
      expect(usable(item.sources), item.id).toBe(true);
  });

  it('keeps quotes short and non-empty', () => {
    for (const ref of allSourceRefs()) {
      expect(ref.quote.trim().length).toBeGreaterThan(0);
      expect(ref.quote.length).toBeLessThanOrEqual(300);
    }
  });

  it('gives each outlet domain to one outlet only', () => {
    const domains = pack.outlets.flatMap((outlet) => outlet.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('dates each report like the source it was read from', () => {
    for (const report of pack.reports) {
      if (report.url === null) continue;
      const source = pack.sources.find((candidate) => candidate.url === report.url);
      expect(source, report.id).toBeDefined();
      expect(report.date, report.id).toBe(source?.date);
    }
  });

  it('writes every cue phrase so that it can match', () => {
    const phrases = [
      ...pack.claims.flatMap((claim) => [
        ...claim.cues.all.flat(),
        ...(claim.cues.any ?? []).flat(),
        ...(claim.cues.none ?? []),
      ]),
      ...pack.detection.strong,
      ...pack.detection.context,
    ];
    for (const phrase of phrases) expect(phraseTokens(phrase).tokens.length, phrase).toBeGreaterThan(0);
  });
});

describe('content minimums (issue #3)', () => {
  it('meets the counts', () => {
    expect(pack.entities.length).toBeGreaterThanOrEqual(30);
    expect(pack.outlets.length).toBeGreaterThanOrEqual(15);
    expect(pack.cases.map((kase) => kase.id).sort()).toEqual([
      'case.amnesty-israel-petition',
      'case.apple-v-nso',
      'case.whatsapp-v-nso',
    ]);
    expect(pack.events.length).toBeGreaterThanOrEqual(25);
    expect(pack.claims.length).toBeGreaterThanOrEqual(50);
    expect(pack.reports.length).toBeGreaterThanOrEqual(15);
    expect(pack.conflicts.length).toBeGreaterThanOrEqual(15);
  });

  it('names the people, bodies, courts, product and places of the story', () => {
    const names = new Set(
      pack.entities.flatMap((entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)]),
    );
    for (const name of [
      'Rachel Barkai',
      'Eitay Mack',
      'Sara Bilu',
      'Gil Naveh',
      'Danna Ingleton',
      'Joshua Franco',
      'Molly Malekar',
      'Chen Brill-Egri',
      'Shalev Hulio',
      'Omri Lavie',
      'Niv Carmi',
      'Yaron Shohat',
      'Phyllis J. Hamilton',
      'Judge Donato',
      'Will Cathcart',
      'Ahmed Mansoor',
      'Omar Abdulaziz',
      'Carmen Aristegui',
      'Omar Radi',
      'Racheli Chen',
      'NSO Group',
      'Q Cyber Technologies',
      'Amnesty International',
      'Amnesty International Israel',
      'Amnesty Tech',
      'Citizen Lab',
      'Forbidden Stories',
      'DECA',
      'Ministry of Defense',
      'WhatsApp',
      'Facebook',
      'Apple',
      'Lookout',
      'Novalpina Capital',
      'Commerce Department',
      'Bernstein Institute for Human Rights',
      'Tel Aviv District Court',
      'Northern District of California',
      'Ninth Circuit',
      'US Supreme Court',
      'Pegasus',
      'Herzliya',
      'Tel Aviv',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it('carries Hebrew and Arabic names', () => {
    const aliases = new Map(
      pack.entities.flatMap((entity) =>
        entity.aliases.map((alias) => [alias.text, { id: entity.id, lang: alias.lang }]),
      ),
    );
    const expected: [string, string, string][] = [
      ['רחל ברקאי', 'person.rachel-barkai', 'he'],
      ['השופטת רחל ברקאי', 'person.rachel-barkai', 'he'],
      ['איתי מק', 'person.eitay-mack', 'he'],
      ['אמנסטי', 'org.amnesty-international', 'he'],
      ['פגסוס', 'product.pegasus', 'he'],
      ['بيغاسوس', 'product.pegasus', 'ar'],
      ['العفو الدولية', 'org.amnesty-international', 'ar'],
      ['إن إس أو', 'org.nso-group', 'ar'],
      ['קבוצת NSO', 'org.nso-group', 'he'],
    ];
    for (const [text, id, lang] of expected) expect(aliases.get(text), text).toEqual({ id, lang });
  });

  it('recognises every seed outlet and every outlet facts.md §5 names', () => {
    const domains = new Set(pack.outlets.flatMap((outlet) => outlet.domains));
    for (const domain of [
      'i24news.tv',
      'afp.com',
      'jpost.com',
      'presstv.ir',
      'presstv.co.uk',
      'calcalistech.com',
      'haaretz.com',
      'timesofisrael.com',
      'reuters.com',
      'apnews.com',
      'aljazeera.com',
      'globes.co.il',
      'en.globes.co.il',
      'moroccoworldnews.com',
      'middleeastmonitor.com',
      'jurist.org',
      'techspot.com',
      'scmp.com',
      'sundayguardianlive.com',
      'trtworld.com',
      'business-humanrights.org',
      'jewishnews.co.uk',
      'jns.org',
      'theguardian.com',
      'newstatesman.com',
      'cybernews.com',
      'techcrunch.com',
      'arstechnica.com',
      'alaraby.co.uk',
      'boingboing.net',
      'nytimes.com',
      'techbuzz.ai',
    ]) {
      expect(domains.has(domain), domain).toBe(true);
    }
    expect(byId(pack.outlets, 'outlet.afp').kind).toBe('wire');
    expect(byId(pack.outlets, 'outlet.presstv').kind).toBe('state-broadcaster');
  });

  it('dates the case milestones as the record does', () => {
    const expected: [string, string, string | null, boolean][] = [
      ['event.ai-staffer-targeted', '2018-06-01', 'case.amnesty-israel-petition', true],
      ['event.ai-attack-disclosed', '2018-08-01', 'case.amnesty-israel-petition', false],
      ['event.petition-filed', '2019-05-13', 'case.amnesty-israel-petition', false],
      ['event.state-requests-closed-hearing', '2020-01-12', 'case.amnesty-israel-petition', false],
      ['event.closed-hearing', '2020-01-16', 'case.amnesty-israel-petition', false],
      ['event.judgment', '2020-07-12', 'case.amnesty-israel-petition', false],
      ['event.whatsapp-suit-filed', '2019-10-29', 'case.whatsapp-v-nso', false],
      ['event.whatsapp-mtd-denied', '2020-07-16', 'case.whatsapp-v-nso', false],
      ['event.ninth-circuit-ruling', '2021-11-08', 'case.whatsapp-v-nso', false],
      ['event.cert-denied', '2023-01-09', 'case.whatsapp-v-nso', false],
      ['event.summary-judgment', '2024-12-20', 'case.whatsapp-v-nso', false],
      ['event.damages-trial-begins', '2025-04-28', 'case.whatsapp-v-nso', false],
      ['event.jury-verdict', '2025-05-06', 'case.whatsapp-v-nso', false],
      ['event.injunction-and-reduction', '2025-10-17', 'case.whatsapp-v-nso', true],
      ['event.apple-suit-filed', '2021-11-23', 'case.apple-v-nso', false],
      ['event.apple-mtd-denied', '2024-01-01', 'case.apple-v-nso', true],
      ['event.apple-voluntary-dismissal', '2024-09-13', 'case.apple-v-nso', false],
      ['event.million-dollar-dissident', '2016-08-01', null, true],
      ['event.ios-9-3-5', '2016-08-25', null, false],
      ['event.reckless-exploit', '2017-06-19', null, false],
      ['event.hide-and-seek', '2018-09-01', null, true],
      ['event.kingdom-came-to-canada', '2018-10-01', null, false],
      ['event.pegasus-project', '2021-07-18', null, false],
      ['event.entity-list', '2021-11-03', null, false],
      ['event.hulio-steps-down', '2022-08-01', null, true],
      ['event.whatsapp-vulnerability-disclosed', '2019-05-14', null, false],
    ];
    for (const [id, date, kase, uncertain] of expected) {
      const event = byId(pack.events, id);
      expect({ id, date: event.date, case: event.case, uncertain: event.dateUncertain === true }).toEqual({
        id,
        date,
        case: kase,
        uncertain,
      });
    }
    expect(byId(pack.events, 'event.judgment').published).toBe('2020-07-13');
    expect(byId(pack.events, 'event.state-requests-closed-hearing').verdict).toBe('single-source');
  });

  it('says in each month-only event that the day is the first of the month', () => {
    for (const event of pack.events.filter((candidate) => candidate.dateUncertain)) {
      expect(event.description, event.id).toMatch(/first of the month|derived|usual date|“early June 2018”/);
    }
  });

  it('gives every case event after the filing a status', () => {
    for (const event of pack.events.filter((candidate) => candidate.case && candidate.date >= '2019-05-13')) {
      if (event.id === 'event.amnesty-statement-2020-01-14') continue; // a statement, not a step in the case
      expect(event.status, event.id).toBeTruthy();
    }
  });

  it('has one conflict for each detectable row of facts.md §5', () => {
    const rows: Record<number, string> = {
      1: 'conflict.lawyer-name',
      2: 'conflict.judge-gender',
      3: 'conflict.judge-name',
      4: 'conflict.ingleton-title',
      5: 'conflict.ministry-name',
      6: 'conflict.ruling-date',
      7: 'conflict.filing-date',
      8: 'conflict.staffer-targeted-date',
      9: 'conflict.target-identity',
      10: 'conflict.petitioners',
      11: 'conflict.hearing-month',
      13: 'conflict.whatsapp-court',
      14: 'conflict.whatsapp-1400-unit',
      15: 'conflict.whatsapp-head',
      16: 'conflict.compensatory-damages',
      17: 'conflict.punitive-damages',
      18: 'conflict.damages-reduction',
      20: 'conflict.entity-list-date',
      21: 'conflict.founder-spelling',
      22: 'conflict.court-rejected-nso-bid',
      23: 'conflict.mansoor-description',
      24: 'conflict.reaction-words',
    };
    for (const [row, id] of Object.entries(rows))
      expect(
        pack.conflicts.some((c) => c.id === id),
        `row ${row}`,
      ).toBe(true);
  });

  it('lets a matcher find every non-right conflict variant: by cues, or by an entity variant, gender or title rule', () => {
    for (const conflict of pack.conflicts) {
      for (const variant of conflict.variants) {
        if (variant.cues || variant.assessment === 'right') continue;
        const entityVariant = pack.entities.some((entity) =>
          entity.variants.some(
            (v) => v.conflict === conflict.id && nameKey(v.text) === nameKey(variant.reading),
          ),
        );
        const gender = pack.entities.some((entity) => entity.attributes?.gender?.conflict === conflict.id);
        const title = pack.entities.some((entity) => entity.attributes?.titleConflict === conflict.id);
        expect(entityVariant || gender || title, variant.id).toBe(true);
      }
    }
  });
});

describe('the record’s uncertainty survives', () => {
  const claim = (id: string) => byId(pack.claims, id);

  it('never marks a [U] item verified', () => {
    const barkai = byId(pack.entities, 'person.rachel-barkai');
    for (const text of ['Rachel Lavi-Barkai', 'Lavi Barkai']) {
      const variant = barkai.variants.find((v) => v.text === text);
      expect(variant?.unverified, text).toBe(true);
      expect(variant?.type).toBe('transliteration');
    }
    expect(barkai.variants.find((v) => v.text === 'Rachel Barakai')?.type).toBe('error');
    const carmi = byId(pack.entities, 'person.niv-carmi');
    expect(carmi.variants.find((v) => v.text === 'Niv Karmi')?.unverified).toBe(true);
    expect(
      byId(pack.conflicts, 'conflict.founder-spelling').variants.every((v) => v.assessment === 'unverified'),
    ).toBe(true);
    for (const id of [
      'claim.punitive-exactly-167256000',
      'claim.reduced-exact-total',
      'claim.molly-malekar-lead-petitioner',
      'claim.deca-head-racheli-chen',
      'claim.petitioners-appealed',
      'claim.apple-dismissal-granted',
      'claim.pegasus-camera-microphone',
    ]) {
      expect(claim(id).verdict, id).toBe('unverified');
    }
    expect(
      byId(pack.conflicts, 'conflict.punitive-damages').variants.find((v) => v.reading === '$167,256,000')
        ?.assessment,
    ).toBe('unverified');
  });

  it('marks [S] items single-source', () => {
    for (const id of [
      'claim.bilu-argument',
      'claim.state-request-2020-01-12',
      'claim.officials-attended',
      'claim.court-rejected-nso-bid-jan-2020',
      'claim.brill-egri-talking-points',
      'claim.ingleton-criticised-secrecy',
      'claim.ministry-delayed-hearings',
      'claim.damages-trial-began-2025',
      'claim.q-cyber-parent',
      'claim.novalpina-acquisition-2019',
      'claim.nso-customers-2021',
      'claim.nso-losses-2023-2024',
      'claim.ownership-change-2025',
      'claim.pegasus-project-67-phones',
    ]) {
      expect(claim(id).verdict, id).toBe('single-source');
    }
  });

  it('explains every verdict other than verified', () => {
    for (const item of pack.claims.filter((c) => c.verdict !== 'verified'))
      expect(item.verdictNote?.length, item.id).toBeGreaterThan(20);
  });

  it('records the judge as a woman and the dated titles of Danna Ingleton', () => {
    expect(byId(pack.entities, 'person.rachel-barkai').attributes?.gender).toMatchObject({
      value: 'female',
      conflict: 'conflict.judge-gender',
    });
    const ingleton = byId(pack.entities, 'person.danna-ingleton').attributes;
    expect(ingleton?.titles?.map((t) => [t.title, t.from, t.to])).toEqual([
      ['Deputy Director of Amnesty Tech', '2019-05-13', '2020-01-16'],
      ['acting Co-Director of Amnesty Tech', '2020-07-13', undefined],
    ]);
    expect(ingleton?.titleVariants?.map((t) => [t.text, t.type])).toEqual([
      ['co-director for tech', 'paraphrase'],
      ['co–director of tech', 'paraphrase'],
    ]);
    expect(ingleton?.titleConflict).toBe('conflict.ingleton-title');
    const mod = byId(pack.entities, 'agency.israel-mod');
    expect(mod.variants.map((v) => [v.text, v.type, v.conflict])).toEqual([
      ['ministry of military affairs', 'house-style', 'conflict.ministry-name'],
      ['Ministry of Security', 'house-style', 'conflict.ministry-name'],
    ]);
    expect(byId(pack.entities, 'person.eitay-mack').variants[0]).toMatchObject({
      text: 'Itai Mack',
      type: 'transliteration',
      conflict: 'conflict.lawyer-name',
    });
    expect(byId(pack.entities, 'person.will-cathcart').variants[0]).toMatchObject({
      text: 'Neil Cathcart',
      type: 'error',
    });
  });

  it('lets the ruling be dated 12 July and published 13 July', () => {
    expect(claim('claim.judgment-dated-2020-07-12').when).toEqual({
      date: '2020-07-12',
      alternatives: [expect.objectContaining({ date: '2020-07-13' })],
    });
  });
});
