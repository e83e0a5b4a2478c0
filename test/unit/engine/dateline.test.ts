import { describe, expect, it } from 'vitest';
import { inDateline } from '../../../src/core/match/dateline';

/** Whether `place`, where it first stands in `text`, is read as a dateline's place. */
const at = (text: string, place: string) => {
  const start = text.indexOf(place);
  return inDateline(text, start, start + place.length);
};

describe('inDateline', () => {
  it('reads a wire dateline: the place in capitals opening a line, an agency, a dash', () => {
    expect(at('SAN FRANCISCO (AP) — WhatsApp sued NSO.', 'SAN FRANCISCO')).toBe(true);
    expect(at('Summary line.\nSAN FRANCISCO (MNA) — WhatsApp sued NSO.', 'SAN FRANCISCO')).toBe(true);
    expect(at('\n  TEL AVIV, Israel — The court ruled.', 'TEL AVIV')).toBe(true);
    expect(at('WASHINGTON, Nov. 3 (Reuters) - The Commerce Department', 'WASHINGTON')).toBe(true);
    expect(at('OAKLAND, Calif. – A jury found', 'OAKLAND')).toBe(true);
  });
  it('does not read the same place in a sentence, or in capitals without a dateline after it', () => {
    expect(at('The suit was filed in San Francisco (federal court) — they said.', 'San Francisco')).toBe(
      false,
    );
    expect(at('Filed in SAN FRANCISCO (AP) — a suit.', 'SAN FRANCISCO')).toBe(false);
    expect(at('SAN FRANCISCO is where the suit was filed.', 'SAN FRANCISCO')).toBe(false);
    expect(at('San Francisco (AP) — WhatsApp sued NSO.', 'San Francisco')).toBe(false);
  });
  it('reads the date of a dateline, which is the day the story was filed', () => {
    expect(at('TEL AVIV, 13 July (MPA) – An Israeli court has rejected', '13 July')).toBe(true);
    expect(at('Lead.\nWASHINGTON, Nov. 3 (Reuters) - The Commerce Department', 'Nov. 3')).toBe(true);
    expect(at('JERUSALEM, July 13, 2020 — The court ruled', 'July 13')).toBe(true);
  });
  it('does not read a date in a sentence, or after a place that does not open a line', () => {
    expect(at('The court in Tel Aviv ruled on 13 July (a Sunday) – they said.', '13 July')).toBe(false);
    expect(at('Reported from TEL AVIV, 13 July (MPA) – a ruling.', '13 July')).toBe(false);
    expect(at('TEL AVIV, 13 July 2020 the court ruled.', '13 July')).toBe(false);
    expect(at('Tel Aviv, 13 July (MPA) – a ruling.', '13 July')).toBe(false);
  });
});
