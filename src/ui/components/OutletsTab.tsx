/**
 * The Outlets view: who reported what. A table of reports × key details, each cell the outlet's
 * wording linked to those words in its article; readings the record does not support stand out
 * with colour, an icon and a word. The current page's outlet's rows are marked.
 */
import { useEffect, useRef } from 'preact/hooks';
import { AssessmentTag } from './Badges';
import { type MessageKey, useT } from './i18n';
import { shortDate } from './model/dates';
import { type MatrixItem, type MatrixRow, type OutletMatrix, standsOut } from './model/outlet-matrix';

const COLUMN_LABEL: Record<string, MessageKey> = {
  petitioners: 'colPetitioners',
  filing: 'colFiling',
  ruling: 'colRuling',
  judge: 'colJudge',
  lawyer: 'colLawyer',
  ingleton: 'colIngleton',
  ministry: 'colMinistry',
  whatsapp: 'colWhatsapp',
};

function Cell({ items }: { items: readonly MatrixItem[] }) {
  const t = useT();
  if (items.length === 0) {
    return (
      <td class="cell cell--empty">
        <span aria-hidden="true">—</span>
        <span class="sr-only">{t('matrixNotWorded')}</span>
      </td>
    );
  }
  const off = items.some(standsOut);
  return (
    <td class={`cell${off ? ' cell--off' : ''}`}>
      <ul class="cell__items">
        {items.map((item) => (
          <li key={item.wording} class={standsOut(item) ? `item item--off item--${item.assessment}` : 'item'}>
            {item.href ? (
              <a href={item.href} target="_blank" rel="noopener noreferrer">
                {item.wording}
              </a>
            ) : (
              <span>{item.wording}</span>
            )}
            {standsOut(item) && item.assessment && (
              <>
                {' '}
                <AssessmentTag assessment={item.assessment} />
              </>
            )}
          </li>
        ))}
      </ul>
    </td>
  );
}

function Row({ row, rowRef }: { row: MatrixRow; rowRef?: (el: HTMLTableRowElement | null) => void }) {
  const t = useT();
  return (
    <tr
      data-testid="outlet-row"
      data-report={row.reportId}
      data-outlet={row.outletId}
      class={row.current ? 'row row--current' : 'row'}
      ref={rowRef}
    >
      <th scope="row" class="row__head">
        <span class="row__outlet">{row.outletName}</span>
        <span class="row__date">{shortDate(row.date)}</span>
        {row.current && <span class="here-tag">{t('thisOutletTag')}</span>}
      </th>
      {row.cells.map((items, i) => (
        <Cell key={i} items={items} />
      ))}
    </tr>
  );
}

export function OutletsTab({ matrix }: { matrix: OutletMatrix }) {
  const t = useT();
  const firstCurrent = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    // Bring the page's outlet into view inside the table's own scroller, not the whole popup.
    const row = firstCurrent.current;
    const scroller = row?.closest('.matrix');
    const head = scroller?.querySelector('thead');
    if (!row || !scroller) return;
    const offset = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += offset - (head?.getBoundingClientRect().height ?? 0);
  }, []);
  const firstCurrentId = matrix.rows.find((r) => r.current)?.reportId;
  return (
    <>
      <p class="intro">{t('matrixIntro', [String(matrix.rows.length)])}</p>
      <p class="legend">
        <span>{t('matrixLegend')}</span> <AssessmentTag assessment="imprecise" />{' '}
        <AssessmentTag assessment="outdated" /> <AssessmentTag assessment="house-style" />{' '}
        <AssessmentTag assessment="wrong" /> <AssessmentTag assessment="unverified" />
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section class="matrix" aria-labelledby="matrix-caption" tabIndex={0}>
        <table>
          <caption id="matrix-caption" class="sr-only">
            {t('matrixCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colOutlet')}</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {t(COLUMN_LABEL[c.id] ?? 'colOutlet')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <Row
                key={row.reportId}
                row={row}
                rowRef={
                  row.reportId === firstCurrentId
                    ? (el) => {
                        firstCurrent.current = el;
                      }
                    : undefined
                }
              />
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
