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
  it('leaves a date that is another stated claim’s own', () => {
    // Hulio's declaration is dated 2 April 2020; the suit was filed on 29 October 2019.
    expect(
      found(
        'NSO Group case. The defendants in the suit WhatsApp brought are NSO and Q Cyber Technologies, which an April 2, 2020, declaration by Shalev Hulio calls NSO’s sole director and majority shareholder.',
        'conflict.whatsapp-filing-date',
      ),
    ).toEqual([]);
  });
});
