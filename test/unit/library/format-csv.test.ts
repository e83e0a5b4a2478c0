import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from '../../../src/core/library/format-csv';
import { forensics, ruling, statement } from './sample-library';

const HAARETZ = 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export';

describe('formatCsv', () => {
  it('writes a BOM, a header and one CRLF-terminated row per passage with every field', () => {
    const expected =
      '\uFEFF' +
      'quote,note,tags,claims,outlet,title,published,url,canonicalUrl,savedAt,updatedAt,prefix,suffix,positionStart,positionEnd,id,schema\r\n' +
      '"NSO said it sells Pegasus only to vetted governments, for use against terrorism and crime.",' +
      'Compare with the 2019 WhatsApp suit.,pegasus; nso-statement,nso-sells-only-to-governments,Haaretz,' +
      `"NSO: ""We sell only to governments""",2021-07-18,${HAARETZ}?utm_source=newsletter,${HAARETZ},` +
      '2026-11-20T09:15:00.000Z,2026-11-21T10:02:33.120Z,"In a statement, ", The company denied,1200,1290,' +
      '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e,1\r\n' +
      '"The court wrote that the licence was ""not a blank cheque"" - see *Section 4* of the ruling.",,,,Haaretz,' +
      `"NSO: ""We sell only to governments""",2021-07-18,${HAARETZ},${HAARETZ},` +
      '2026-11-20T09:20:00.000Z,2026-11-20T09:20:00.000Z,,,300,390,0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d,1\r\n' +
      '"Pegasus was deployed, via zero-click exploits, against ""journalists, activists and lawyers"".\nThe attacks used iMessage.",' +
      "'-1 means the count was not reported; check the original,forensics,,,Forensic Methodology,," +
      'https://citizenlab.ca/2021/07/forensic-methodology/,,2026-11-21T18:45:10.000Z,2026-11-21T18:45:10.000Z,' +
      'hat we found: ,,,,c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f,1\r\n';
    expect(formatCsv([statement, ruling, forensics])).toBe(expected);
  });

  it('writes only the header for an empty library', () => {
    expect(formatCsv([])).toBe(
      '\uFEFFquote,note,tags,claims,outlet,title,published,url,canonicalUrl,savedAt,updatedAt,prefix,suffix,positionStart,positionEnd,id,schema\r\n',
    );
  });
});

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
  ])('neutralises the formula trigger in %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves ordinary text, inner triggers and non-Latin text alone', () => {
    expect(csvCell('a = b + c')).toBe('a = b + c');
    expect(csvCell('פגסוס')).toBe('פגסוס');
    expect(csvCell('')).toBe('');
  });

  it('quotes cells with commas, quotes, CR or LF, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });
});
