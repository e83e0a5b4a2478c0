import { describe, expect, it } from 'vitest';
import { outletCitationNames } from '../../../src/core/engine/compile';
import { createEngine } from '../../../src/core/engine/engine';
import type { FactPack } from '../../../src/core/facts/types';
import { loadPack } from '../facts/pack-fixtures';
import { miniPack } from './mini-pack';

const engine = createEngine(miniPack());
const today = '2026-11-22';
const analyse = (text: string, extra: Partial<Parameters<typeof engine.analyse>[0]> = {}) =>
  engine.analyse({ text, today, ...extra });

const RULING =
  'An Israeli court has dismissed the petition by Amnesty against NSO Group over its export licence.\n' +
  'However, Judge Rachel Barkai in his ruling on Monday dismissed the petition, saying there was no evidence an attempt was made to access “his telephone.”\n' +
  'The petition was heard behind closed doors in January at the request of Israel’s ministry of military affairs.\n';

describe('detection', () => {
  it('counts names of the story and gives reasons', () => {
    const r = engine.detectOnly('NSO Group makes Pegasus spyware. Eitay Mack argued the case.');
    expect(r.relevant).toBe(true);
    expect(r.reasons.join(' ')).toMatch(/nso group/);
    expect(r.score).toBeGreaterThanOrEqual(3);
  });
  it('does not count Pegasus the horse or NSO the orchestra', () => {
    const horse = engine.detectOnly(
      'Pegasus won the race at Gulfstream. The horse and its trainer celebrated the racing day.',
    );
    expect(horse.relevant).toBe(false);
    expect(horse.reasons.join(' ')).toMatch(/another sense/);
    const orchestra = engine.detectOnly(
      'The NSO played Mahler. The orchestra and its symphony season opened with spyware-free joy.',
    );
    expect(orchestra.relevant).toBe(false);
  });
  it('reads one passage naming the story, in a longer text about something else, as an aside', () => {
    const filler = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `Predator, another spyware product, was found on device ${i} by researchers at Citizen Lab.`,
      ).join(' ');
    const aside = engine.detectOnly(
      `${filler(20)} Like NSO Group's Pegasus spyware before it, Predator infects phones. ${filler(20)}`,
    );
    expect(aside.relevant).toBe(false);
    expect(aside.reasons.join(' ')).toMatch(/named in one passage only/);
    // Named in a second place, the story is a topic of the text.
    const topic = engine.detectOnly(
      `${filler(20)} Like NSO Group's Pegasus spyware before it, Predator infects phones. ${filler(20)} NSO Group denies it.`,
    );
    expect(topic.relevant).toBe(true);
    // A short text (a teaser, a brief) is never an aside.
    expect(
      engine.detectOnly('Like NSO Group’s Pegasus spyware before it, Predator infects phones.').relevant,
    ).toBe(true);
  });
  it('counts Pegasus in its spyware sense', () => {
    const r = engine.detectOnly(
      'Pegasus, the spyware, was found on the phone. Researchers said Pegasus can hack an iPhone.',
    );
    expect(r.relevant).toBe(true);
    expect(r.reasons.join(' ')).toMatch(/spyware sense ×2/);
  });
  it('recognises the story described without its names', () => {
    const r = engine.detectOnly(
      'An Israeli spyware firm was behind the attack, Citizen Lab said, using three iPhone flaws.',
    );
    expect(r.relevant).toBe(true);
    expect(r.reasons.join(' ')).toMatch(/without naming it/);
  });
  it('recognises Hebrew and Arabic names with attached prefixes', () => {
    expect(engine.detectOnly('השימוש בפגסוס נחשף').relevant).toBe(true);
    expect(engine.detectOnly('برنامج وبيغاسوس للتجسس').relevant).toBe(true);
  });
  it('treats a passing mention in a long unrelated text as not about the story', () => {
    const filler = 'The weather today is mild and the markets are calm across the region. '.repeat(40);
    const r = engine.detectOnly(`${filler} Also: NSO Group news. ${filler}`);
    expect(r.relevant).toBe(false);
    expect(r.reasons.join(' ')).toMatch(/in passing/);
  });
});

describe('analysis', () => {
  it('matches claims per passage with exact quotes and a confidence', () => {
    const r = analyse(RULING, { date: '2020-07-13' });
    const dismissed = r.matches.filter((m) => m.claimId === 'claim.petition-dismissed');
    expect(dismissed).toHaveLength(2);
    for (const m of r.matches) {
      expect(RULING.slice(m.start, m.end)).toBe(m.quote);
      expect(m.confidence).toBeGreaterThan(0.6);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.matches.some((m) => m.claimId === 'claim.closed-hearing')).toBe(true);
  });
  it('lets one passage state several claims and lets a veto phrase cancel one', () => {
    const r = analyse(
      'NSO Group news. WhatsApp sued NSO after the court dismissed the petition at a hearing held behind closed doors.',
    );
    expect(r.matches.map((m) => m.claimId).sort()).toEqual([
      'claim.closed-hearing',
      'claim.petition-dismissed',
      'claim.whatsapp-sued',
    ]);
    const vetoed = analyse('NSO Group news. The petition was not dismissed by the court.');
    expect(vetoed.matches).toEqual([]);
  });
  it('states no claim in a question, but still checks its readings', () => {
    const ids = (text: string) => analyse(text).matches.map((m) => m.claimId);
    expect(ids('NSO Group news. WhatsApp sued NSO.')).toEqual(['claim.whatsapp-sued']);
    expect(ids('NSO Group news. WhatsApp sued NSO?')).toEqual([]);
    expect(ids('NSO Group news. And WhatsApp sued NSO too?” she asked.')).toEqual(['claim.whatsapp-sued']);
    expect(ids('NSO Group news. Did WhatsApp sue NSO, “as the AP said?”')).toEqual([]);
    expect(ids('أخبار NSO Group. WhatsApp sued NSO؟')).toEqual([]);
    const asked = analyse('NSO Group news. Why did Judge Rachel Barkai close his hearing?');
    expect(asked.matches).toEqual([]);
    expect(asked.conflicts.map((c) => c.conflictId)).toContain('conflict.judge-gender');
  });
  it('states no claim in a heading or label, but still checks its readings', () => {
    const ids = (text: string) => analyse(text).matches.map((m) => m.claimId);
    // Seven words or fewer and no closing mark: a subhead, a list entry, a caption.
    expect(ids('NSO Group news.\nOctober 2019: WhatsApp sued NSO\nMore follows.')).toEqual([]);
    expect(ids('NSO Group news.\n(WhatsApp sued NSO in 2019)\nMore follows.')).toEqual([]);
    // A sentence, however short, and a longer unpunctuated headline or standfirst do state it.
    expect(ids('NSO Group news.\nOctober 2019: WhatsApp sued NSO.\nMore follows.')).toEqual([
      'claim.whatsapp-sued',
    ]);
    expect(ids('NSO Group news.\nWhatsApp sued NSO in a federal court in California\nMore.')).toEqual([
      'claim.whatsapp-sued',
    ]);
    const heading = analyse('NSO Group news.\nJudge Rachel Barkai closes his hearing\nMore follows.');
    expect(heading.conflicts.map((c) => c.conflictId)).toContain('conflict.judge-gender');
  });
  it('flags a wrong pronoun for the judge, but not pronouns inside quotes or for others', () => {
    const r = analyse(RULING, { date: '2020-07-13' });
    const gender = r.conflicts.filter((c) => c.conflictId === 'conflict.judge-gender');
    expect(gender).toHaveLength(1);
    expect(gender[0]!.found).toBe('his');
    expect(RULING.slice(gender[0]!.start, gender[0]!.end)).toBe('his');
    const ok = analyse(
      'NSO Group case. Judge Barkai reversed herself. Barkai rejected Eitay Mack’s claim that his client was hacked.',
    );
    expect(ok.conflicts.filter((c) => c.conflictId === 'conflict.judge-gender')).toEqual([]);
  });
  it('flags a pronoun opening the next sentence', () => {
    const r = analyse(
      'NSO Group case. She said the case was closed, Judge Rachel Barkai wrote. He vowed to publish details.',
    );
    expect(r.conflicts.map((c) => c.found)).toContain('He');
  });
  it('reads a pronoun before the name, with nobody before it in reach, as that person', () => {
    const found = (text: string) =>
      analyse(text)
        .conflicts.filter((c) => c.conflictId === 'conflict.judge-gender')
        .map((c) => c.found);
    expect(
      found('NSO Group case. The court met.\nIn his ruling, Judge Rachel Barkai dismissed the petition.'),
    ).toEqual(['his']);
    expect(
      found('NSO Group case. The court met.\nIn her ruling, Judge Rachel Barkai dismissed the petition.'),
    ).toEqual([]);
    // Too far from the name to be meant: nothing is said.
    expect(
      found(
        'NSO Group case. The court met.\nHis lawyers said the state and the company argued before Judge Rachel Barkai.',
      ),
    ).toEqual([]);
  });
  it('flags name variants and house-style names with what the record says', () => {
    const r = analyse(
      `NSO Group case. Amnesty lawyer Itai Mack spoke before Judge Rachel Lavi-Barkai. ${RULING}`,
      { date: '2020-07-13' },
    );
    const byId = (id: string) => r.conflicts.find((c) => c.conflictId === id);
    expect(byId('conflict.lawyer-name')).toMatchObject({
      found: 'Itai Mack',
      expected: 'Eitay Mack',
      kind: 'name',
    });
    expect(byId('conflict.judge-name')).toMatchObject({ found: 'Rachel Lavi-Barkai' });
    expect(byId('conflict.ministry-name')).toMatchObject({
      found: 'ministry of military affairs',
      kind: 'body-name',
    });
  });
  it('checks a title against the article date', () => {
    const text = 'NSO Group case. “Shameful,” said Danna Ingleton, deputy director of Amnesty Tech.';
    expect(analyse(text, { date: '2020-01-16' }).conflicts).toEqual([]);
    const late = analyse(text, { date: '2020-07-13' }).conflicts;
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      conflictId: 'conflict.ingleton-title',
      found: 'deputy director of Amnesty Tech',
      expected: 'acting Co-Director of Amnesty Tech',
    });
    const paraphrase = analyse('NSO Group case. Amnesty’s co-director for tech, Danna Ingleton, spoke.', {
      date: '2020-07-13',
    }).conflicts;
    expect(paraphrase[0]).toMatchObject({ found: 'co-director for tech', kind: 'title' });
    // Between the last day the record attests one title and the first it attests the next, the
    // record does not know her title: nothing is flagged.
    expect(analyse(text, { date: '2020-03-01' }).conflicts).toEqual([]);
  });
  it('checks the date a passage gives for a dated claim', () => {
    const r = analyse(RULING, { date: '2020-07-13' });
    const date = r.conflicts.filter((c) => c.conflictId === 'conflict.ruling-date');
    expect(date.map((c) => c.found)).toEqual(['Monday']);
    expect(date[0]!.kind).toBe('weekday');
    expect(date[0]!.note).toMatch(/cleared for publication/);
    const right = analyse('NSO Group case. The court dismissed the petition on 12 July 2020.');
    expect(right.conflicts.filter((c) => c.conflictId === 'conflict.ruling-date')).toEqual([]);
    const wrong = analyse('NSO Group case. The court dismissed the petition in March 2021.');
    expect(
      wrong.conflicts.filter((c) => c.conflictId === 'conflict.ruling-date').map((c) => c.found),
    ).toEqual(['March 2021']);
  });
  it('flags conflict readings found by cues, but never the right reading', () => {
    const r = analyse(
      'NSO Group was sued by WhatsApp in federal court in San Francisco. NSO denies it. The case is in Oakland.',
    );
    expect(r.conflicts.map((c) => [c.conflictId, c.found])).toEqual([
      ['conflict.whatsapp-court', 'San Francisco'],
    ]);
  });
  it('does not flag a wrong reading set right in the same or the next sentence', () => {
    const court = (text: string) =>
      analyse(text).conflicts.filter((c) => c.conflictId === 'conflict.whatsapp-court');
    expect(
      court('NSO Group was sued by WhatsApp in federal court in San Francisco. The case is in Oakland.'),
    ).toEqual([]);
    expect(
      court('NSO Group was sued by WhatsApp in federal court in San Francisco, or rather in Oakland.'),
    ).toEqual([]);
  });
  it('does not flag a wrong reading right after the right one (a contrast or a report)', () => {
    const court = (text: string) =>
      analyse(text).conflicts.filter((c) => c.conflictId === 'conflict.whatsapp-court');
    expect(
      court(
        'NSO Group was sued by WhatsApp. The case is in Oakland. Some put it in federal court in San Francisco.',
      ),
    ).toEqual([]);
    // Two sentences apart, the right reading no longer sets the wrong one right.
    expect(
      court(
        'NSO Group was sued by WhatsApp. The case is in Oakland. NSO denies it. It sits in federal court in San Francisco.',
      ).map((c) => c.found),
    ).toEqual(['San Francisco']);
  });
  it('does not flag a reading the article cites a news outlet for, unless the outlet is only its audience or credit', () => {
    const court = (text: string) =>
      analyse(text)
        .conflicts.filter((c) => c.conflictId === 'conflict.whatsapp-court')
        .map((c) => c.found);
    expect(
      court(
        'NSO Group was sued by WhatsApp. The Jerusalem Post placed it in federal court in San Francisco.',
      ),
    ).toEqual([]);
    expect(
      court('NSO Group was sued by WhatsApp. JPost.com wrote of a federal court in San Francisco.'),
    ).toEqual([]);
    expect(
      court(
        'NSO Group was sued by WhatsApp. NSO told The Jerusalem Post of the suit in federal court in San Francisco.',
      ),
    ).toEqual(['San Francisco']);
    expect(
      court(
        'TEL AVIV (JPost.com) — NSO Group was sued by WhatsApp. A federal court in San Francisco has the case.',
      ),
    ).toEqual(['San Francisco']);
    // A bracket that does not close soon after the name is no credit: the outlet is cited.
    expect(
      court('NSO Group was sued by WhatsApp. (JPost.com wrote of a federal court in San Francisco.'),
    ).toEqual([]);
    // "Globes" is also an everyday word: naming it cites nobody.
    expect(
      court('NSO Group was sued by WhatsApp. Globes of light shone on a federal court in San Francisco.'),
    ).toEqual(['San Francisco']);
  });
  it('cites outlets by name and site name, not NGOs or names that are everyday words', () => {
    const outlet = (id: string, name: string, kind: string, siteNames?: string[]) => ({
      id,
      name,
      domains: [],
      kind,
      country: 'IL',
      ...(siteNames ? { siteNames } : {}),
    });
    const pack = {
      outlets: [
        outlet('outlet.calcalist', 'Calcalist (CTech)', 'newspaper', ['CTech']),
        outlet('outlet.amnesty', 'Amnesty International', 'ngo'),
        outlet('outlet.the-times', 'The Times', 'newspaper', ['The Times & The Sunday Times']),
        outlet('outlet.ap', 'Associated Press', 'wire', ['AP']),
      ],
    } as unknown as FactPack;
    expect(outletCitationNames(pack)).toEqual([
      'Calcalist',
      'CTech',
      'The Times & The Sunday Times',
      'Associated Press',
      'AP',
    ]);
  });
  it('counts פגסוס and بيغاسوس only in their spyware sense (full pack)', () => {
    const full = createEngine(loadPack());
    const relevant = (text: string) => full.detectOnly(text).relevant;
    expect(
      relevant('פגסוס, הסוס המכונף מן המיתולוגיה היוונית, נראה הלילה בקבוצת הכוכבים. פגסוס זורח במזרח.'),
    ).toBe(false);
    expect(relevant('רוגלת פגסוס של NSO הותקנה בטלפון. פגסוס מאפשרת ריגול מלא.')).toBe(true);
    expect(
      relevant('أطلقت شركة الطيران بيغاسوس رحلات جديدة إلى الرياض. وتقول بيغاسوس إن الرحلات يومية.'),
    ).toBe(false);
    expect(relevant('برنامج التجسس بيغاسوس اخترق الهاتف. وتقول العفو الدولية إن بيغاسوس أداة تجسس.')).toBe(
      true,
    );
  });
  it('reads a weekday written with its date as that date’s day, not the ruling’s (full pack)', () => {
    const full = createEngine(loadPack());
    const weekdays = (text: string) =>
      full
        .analyse({ text, today, date: '2020-07-24' })
        .conflicts.filter((c) => c.conflictId === 'conflict.ruling-date' && c.kind === 'weekday')
        .map((c) => c.found);
    expect(
      weekdays('Judge Rachel Barkai dismissed the petition against NSO Group in a ruling on Monday.'),
    ).toEqual(['Monday']);
    expect(
      weekdays(
        'Amnesty’s petition against NSO Group was filed on Monday, May 13, 2019, against a government decision.',
      ),
    ).toEqual([]);
  });
  it('reads a month given without its year as of a year the passage names (full pack)', () => {
    const full = createEngine(loadPack());
    const dates = (text: string) =>
      full
        .analyse({ text, today, date: '2021-09-14' })
        .conflicts.filter((c) => c.conflictId === 'conflict.staffer-targeted-date')
        .map((c) => c.found);
    const staffer =
      'Amnesty said one of its staff members had been sent a WhatsApp message whose link would have installed NSO Group’s Pegasus';
    // June of the passage's year (2018), not of the article's (2021).
    expect(dates(`NSO Group news. On Wednesday, 1 August 2018, ${staffer} in early June.`)).toEqual([]);
    // Without a year in the passage, the article's date decides, as before.
    expect(dates(`NSO Group news. ${staffer} in early June.`)).toEqual(['June']);
    // A month that fits no year the passage names is still flagged.
    expect(dates(`NSO Group news. On Wednesday, 1 August 2018, ${staffer} in early March.`)).toEqual([
      'March',
    ]);
  });
  it('reads a bare weekday in an article dated long after the ruling as a day of its own week (full pack)', () => {
    const full = createEngine(loadPack());
    const weekdays = (text: string, date: string) =>
      full
        .analyse({ text, today, date })
        .conflicts.filter((c) => c.conflictId === 'conflict.ruling-date')
        .map((c) => c.found);
    const ruling = 'Judge Rachel Barkai dismissed the petition against NSO Group in a ruling on Monday.';
    // Twelve days on, "Monday" is still read as the ruling's day (as before); sixteen months on, it is not.
    expect(weekdays(ruling, '2020-07-24')).toEqual(['Monday']);
    expect(weekdays(ruling, '2021-11-08')).toEqual([]);
    expect(
      weekdays(
        'NSO Group lost again. Monday’s decision by the Tel Aviv court dismissed the petition.',
        '2021-11-08',
      ),
    ).toEqual([]);
  });
  it('reports no conflict in a correction notice that says the earlier story got it wrong (full pack)', () => {
    const full = createEngine(loadPack());
    const found = (text: string) =>
      full
        .analyse({ text, today, date: '2020-07-19' })
        .conflicts.filter((c) => c.conflictId === 'conflict.ruling-date');
    expect(
      found('NSO Group case. Judge Rachel Barkai dismissed the petition in a ruling on Monday.'),
    ).toHaveLength(1);
    expect(
      found(
        'NSO Group case. An article on Monday about the ruling on the NSO petition got the date of the ruling wrong.',
      ),
    ).toEqual([]);
  });
  it('does not flag a reading the article quotes, or a dateline', () => {
    const ids = (text: string) => analyse(text, { date: '2020-07-13' }).conflicts.map((c) => c.found);
    expect(ids('NSO Group case. The Post called Amnesty’s lawyer “Itai Mack” in January.')).toEqual([]);
    expect(ids('NSO Group case. The Post called Amnesty’s lawyer Itai Mack in January.')).toEqual([
      'Itai Mack',
    ]);
    expect(
      analyse('SAN FRANCISCO (AP) — WhatsApp sued NSO Group in federal court, accusing it of hacking.')
        .conflicts,
    ).toEqual([]);
  });
  it('derives case status as of the article date, with the events since', () => {
    const r = analyse(RULING, { date: '2020-01-16' });
    expect(r.status).toEqual([
      {
        caseId: 'case.amnesty-israel-petition',
        asOf: '2020-01-16',
        status: 'heard behind closed doors; decision pending',
        since: ['event.ruling'],
      },
    ]);
    expect(analyse(RULING, { date: '2020-07-13' }).status[0]!.status).toBe('petition dismissed');
  });
  it('resolves the article date from --date, metadata or a dateline, and the outlet from the URL or site name', () => {
    expect(analyse(RULING, { published: '2020-07-13T10:00:00Z' }).article.published).toBe('2020-07-13');
    expect(analyse(RULING, { published: '2020-07-13', date: '2020-07-14' }).article.published).toBe(
      '2020-07-14',
    );
    expect(analyse(`TEL AVIV, 16 January 2020 - ${RULING}`).article.published).toBe('2020-01-16');
    expect(analyse(RULING, { url: 'https://m.jpost.com/x' }).article.outlet).toBe('outlet.jpost');
    expect(analyse(RULING, { url: 'https://en.globes.co.il/x' }).article.outlet).toBe('outlet.globes-en');
    expect(analyse(RULING, { siteName: 'JPost.com' }).article.outlet).toBe('outlet.jpost');
    // An AMP cache or a local copy: the canonical address names the outlet; the page's own host wins.
    expect(
      analyse(RULING, { url: 'http://127.0.0.1:8080/a', canonical: 'https://www.jpost.com/a' }).article
        .outlet,
    ).toBe('outlet.jpost');
    expect(
      analyse(RULING, { url: 'https://en.globes.co.il/a', canonical: 'https://www.jpost.com/a' }).article
        .outlet,
    ).toBe('outlet.globes-en');
  });
  it('returns nothing but the detection for an unrelated text', () => {
    const r = analyse('The orchestra played Mahler.');
    expect(r).toMatchObject({ relevant: false, matches: [], conflicts: [], status: [] });
  });
});

describe('detection by sense majority', () => {
  it('does not count a word used mostly without spyware context', () => {
    const r = engine.detectOnly(
      'The Pegasus World Cup is on Saturday. The Pegasus is run at a mile. Fans can stream the Pegasus on the iPhone app. Whoever wins, the Pegasus shapes the season.',
    );
    expect(r.relevant).toBe(false);
    expect(r.reasons.join(' ')).toMatch(/only 1 of 4 mentions/);
  });
});

describe('one engine, many analyses', () => {
  it('gives each text what a fresh engine gives it (reused arrays do not leak between analyses)', () => {
    const texts = [RULING, 'Nothing about it here.', `${RULING}\n${RULING}`, RULING.slice(0, 90)];
    const shared = createEngine(miniPack());
    for (const text of [...texts, ...texts.reverse()]) {
      expect(shared.analyse({ text, today })).toEqual(createEngine(miniPack()).analyse({ text, today }));
    }
  });
  it('reads a text too long to keep arrays for into arrays of its own, between kept ones', () => {
    // Over 1.1 million characters: its arrays are not kept for the next text.
    const long = `${RULING}
`.repeat(Math.ceil(1_200_000 / (RULING.length + 1)));
    const shared = createEngine(miniPack());
    for (const text of [RULING, long, RULING, long]) {
      const fresh = createEngine(miniPack()).analyse({ text, today });
      const got = shared.analyse({ text, today });
      expect(got.matches.length).toBe(fresh.matches.length);
      expect(got).toEqual(fresh);
    }
  });
});
