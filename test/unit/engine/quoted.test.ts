import { describe, expect, it } from 'vitest';
import { insideQuotes } from '../../../src/core/match/quoted';

/** Whether `part`, where it first stands in `text`, is inside quotation marks (the whole text as the passage). */
const quoted = (text: string, part: string) => {
  const start = text.indexOf(part);
  return insideQuotes(text, 0, text.length, start, start + part.length);
};

describe('insideQuotes', () => {
  it('reads curly and straight double quotes around the reading', () => {
    expect(quoted('The Post called him “Itai Mack.” He spells it Eitay.', 'Itai Mack')).toBe(true);
    expect(quoted('Press TV said "in his ruling" the judge...', 'his')).toBe(true);
    expect(
      quoted('Press TV’s “ministry of military affairs” is house style', 'ministry of military affairs'),
    ).toBe(true);
  });
  it('does not read a reading outside quotes, or between two quotations, as quoted', () => {
    expect(quoted('Amnesty lawyer Itai Mack said it was “outrageous”.', 'Itai Mack')).toBe(false);
    expect(quoted('“Shameful,” said Itai Mack, “and wrong.”', 'Itai Mack')).toBe(false);
    expect(quoted('"Shameful," said Itai Mack, "and wrong."', 'Itai Mack')).toBe(false);
    // A quotation left open at the passage's end does not count.
    expect(quoted('He said “the judge in his ruling', 'his')).toBe(false);
  });
  it('looks only within the passage it is given, and near the reading', () => {
    const text = '“Shameful.” Itai Mack said. Then: “Itai Mack” again.';
    const second = text.lastIndexOf('Itai Mack');
    expect(insideQuotes(text, 0, 27, 12, 21)).toBe(false);
    expect(insideQuotes(text, 28, text.length, second, second + 9)).toBe(true);
    // Read as a passage that starts inside the quotation, there is no opening mark.
    expect(insideQuotes(text, second, text.length, second, second + 9)).toBe(false);
    // Deep inside a long quotation the reading is not taken as quoted: the safe side.
    const long = `“${'word '.repeat(20)}in his ruling”`;
    expect(quoted(long, 'his')).toBe(false);
  });
});
