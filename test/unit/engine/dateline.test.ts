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
});
