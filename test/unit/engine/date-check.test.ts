/** The date check of dated claims, with the shipped pack: what it must not read as a wrong date. */
import { describe, expect, it } from 'vitest';
import { makeEngine } from '../../../scripts/fixture-runner';

const engine = makeEngine();
const found = (text: string, conflictId: string, date = '2021-11-26') =>
  engine
    .analyse({ text, date, today: '2026-11-22' })
    .conflicts.filter((c) => c.conflictId === conflictId)
    .map((c) => c.found);

describe('date check of dated claims', () => {
  it('flags a wrong date for the claim the passage states', () => {
    expect(
      found(
        'NSO Group case. WhatsApp and Facebook sued NSO in December 2019.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual(['December 2019']);
  });
  it('does not read a span of months as a misdated day', () => {
    expect(
      found(
        'NSO Group case. WhatsApp and Facebook sued NSO; the complaint says malware was sent in April and May 2019.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual([]);
  });
  it('reads a month joined to a month name without a year of its own as a span', () => {
    // "May" here is no date mention of its own (no "in", no year), yet it makes "in April" a span.
    expect(
      found(
        'NSO Group case. So according to WhatsApp’s own complaint, sometime in April and May of twenty nineteen, malware went out to roughly fourteen hundred mobile phones and devices.',
        'conflict.whatsapp-filing-date',
        '2025-10-20',
      ),
    ).toEqual([]);
  });
  it('takes a bare year that fits the claim as its date, and leaves the passage’s other dates to other events', () => {
    // "2019" dates the suit; "January 2023" is when the Supreme Court declined NSO's appeal.
    expect(
      found(
        'NSO Group case. WhatsApp’s separate 2019 suit against NSO is still being litigated after the Supreme Court refused in January 2023 to hear the appeal.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual([]);
    // A wrong bare year is no date of the claim: the wrong month-and-year mention is still flagged.
    expect(
      found(
        'NSO Group case. WhatsApp and Facebook sued NSO in December 2020, two years after NSO’s 2018 sale.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual(['December 2020']);
  });
  it('leaves a date that is another stated claim’s own', () => {
    // Hulio's declaration is dated 2 April 2020; the suit was filed on 29 October 2019.
    expect(
      found(
        'NSO Group case. The defendants in the suit WhatsApp brought are NSO and Q Cyber Technologies, which an April 2, 2020, declaration by Shalev Hulio calls NSO’s sole director and majority shareholder.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual([]);
  });
  it('does not take a bare weekday, long after the event, as the day of a dated claim', () => {
    const analyse = (text: string, date: string) => engine.analyse({ text, date, today: '2026-11-22' });
    const ninth =
      'NSO Group case. The appeal, brought after Amnesty’s petition in Israel, was argued on April 12, nearly seven months before Monday’s decision by the court.';
    const late = analyse(ninth, '2021-11-09');
    // In November 2021, "Monday's decision" is that week's, not the Tel Aviv judgment of July 2020.
    expect(late.matches.map((m) => m.claimId)).not.toContain('claim.judgment-dated-2020-07-12');
    expect(late.conflicts.map((c) => c.conflictId)).not.toContain('conflict.ruling-date');
    // Written that week, the same words date the judgment.
    const near = analyse(
      'NSO Group case. The court’s Monday decision rejected the Amnesty petition against the export licence.',
      '2020-07-14',
    );
    expect(near.matches.map((m) => m.claimId)).toContain('claim.judgment-dated-2020-07-12');
  });
  it('takes a title a stated claim records for its act as right where the passage recounts that act', () => {
    const titles = (text: string) =>
      engine
        .analyse({ text, date: '2021-07-25', today: '2026-11-22' })
        .conflicts.filter((c) => c.conflictId === 'conflict.ingleton-title')
        .map((c) => c.found);
    // The affidavit claim records "then Deputy Director of Amnesty Tech": in 2021, recounting the
    // affidavit under that title is right.
    expect(
      titles(
        'NSO Group case. Amnesty’s petition against NSO’s export licence rests on a key affidavit from Danna Ingleton, deputy director of Amnesty Tech, who described the attempt on a staff member’s phone.',
      ),
    ).toEqual([]);
    // Without that act, the same title in 2021 is out of date.
    expect(
      titles(
        'NSO Group case. Amnesty’s petition against NSO’s export licence was dismissed, said Danna Ingleton, deputy director of Amnesty Tech.',
      ),
    ).toEqual(['deputy director of Amnesty Tech']);
  });
});
