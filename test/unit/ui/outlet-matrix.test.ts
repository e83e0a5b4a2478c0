/**
 * The outlets × details matrix built from the pack's reports, and its Text Fragment links.
 */
import { describe, expect, it } from 'vitest';
import { buildOutletMatrix, MATRIX_COLUMNS, standsOut } from '../../../src/ui/components/model/outlet-matrix';
import { textFragmentUrl } from '../../../src/ui/components/model/text-fragment';
import { index, pack } from './helpers';

const matrix = buildOutletMatrix(index, 'outlet.jpost');
const column = (id: string) => MATRIX_COLUMNS.findIndex((c) => c.id === id);
const row = (reportId: string) => matrix.rows.find((r) => r.reportId === reportId)!;

describe('buildOutletMatrix', () => {
  it('has 6–8 key details as columns', () => {
    expect(matrix.columns.length).toBeGreaterThanOrEqual(6);
    expect(matrix.columns.length).toBeLessThanOrEqual(8);
    for (const c of matrix.columns) {
      for (const id of c.conflicts) expect(index.conflicts.has(id)).toBe(true);
      for (const id of c.claims) expect(index.claims.has(id)).toBe(true);
    }
  });

  it('has a row for every report that words a detail, oldest first, and none for the others', () => {
    const touches = pack.reports.filter((r) =>
      matrix.columns.some(
        (c) =>
          r.variants.some((v) => c.conflicts.includes(v.conflict)) ||
          r.statements.some((s) => c.claims.includes(s.claim)),
      ),
    );
    expect(matrix.rows.map((r) => r.reportId).sort()).toEqual(touches.map((r) => r.id).sort());
    const dates = matrix.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    for (const r of matrix.rows) expect(r.cells.some((cell) => cell.length > 0)).toBe(true);
  });

  it('JPost 16 Jan 2020: "Itai Mack" stands out as imprecise and links to those words', () => {
    const jpost = row('report.jpost-2020-01-16');
    expect(jpost.outletName).toBe('The Jerusalem Post');
    expect(jpost.current).toBe(true);
    const [lawyer] = jpost.cells[column('lawyer')]!;
    expect(lawyer).toMatchObject({ wording: 'Itai Mack', assessment: 'imprecise' });
    expect(standsOut(lawyer!)).toBe(true);
    const report = pack.reports.find((r) => r.id === 'report.jpost-2020-01-16')!;
    expect(lawyer!.href).toBe(`${report.url}#:~:text=Itai%20Mack`);
    // The judge's name and her pronoun are both right in this report: nothing stands out.
    const judge = jpost.cells[column('judge')]!;
    expect(judge.map((i) => i.wording)).toEqual(['Judge Rachel Barkai', 'reversed herself']);
    expect(judge.some(standsOut)).toBe(false);
  });

  it('Press TV: "his ruling" is wrong and the ministry name is house style', () => {
    const presstv = row('report.presstv-2020-07-13');
    expect(presstv.current).toBe(false);
    const judge = presstv.cells[column('judge')]!;
    expect(judge.find((i) => i.wording === 'in his ruling')?.assessment).toBe('wrong');
    expect(presstv.cells[column('ministry')]![0]?.assessment).toBe('house-style');
  });

  it('AFP on i24NEWS has no address in the record: its wordings are shown without links', () => {
    const afp = row('report.afp-i24news-2020-01-16');
    expect(pack.reports.find((r) => r.id === afp.reportId)?.url).toBeNull();
    expect(afp.cells[column('lawyer')]![0]).toMatchObject({
      wording: 'Eitay Mack',
      assessment: 'right',
      href: null,
    });
  });

  it('falls back to claim statements where a report used no variant of the column', () => {
    const withStatementsOnly = matrix.rows
      .flatMap((r) => r.cells.flat())
      .filter((i) => i.assessment === null);
    expect(withStatementsOnly.length).toBeGreaterThan(0);
  });

  it('marks no row as current without a page outlet', () => {
    expect(buildOutletMatrix(index, null).rows.some((r) => r.current)).toBe(false);
  });
});

describe('textFragmentUrl', () => {
  it('percent-encodes the wording, including the "-" the directive reserves', () => {
    expect(textFragmentUrl('https://x.test/a', 'co-director, of tech & more')).toBe(
      'https://x.test/a#:~:text=co%2Ddirector%2C%20of%20tech%20%26%20more',
    );
  });

  it('replaces an existing fragment and turns an elision into textStart,textEnd', () => {
    expect(textFragmentUrl('https://x.test/a#top', 'filed … in January')).toBe(
      'https://x.test/a#:~:text=filed,in%20January',
    );
    expect(textFragmentUrl('https://x.test/a', ' … ')).toBe('https://x.test/a');
  });
});
