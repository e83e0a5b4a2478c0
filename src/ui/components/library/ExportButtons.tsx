/**
 * Export buttons, one per format (data-testids export-json, export-markdown, export-csv, export-csl).
 * The host builds the file and starts the download; a failure is shown here, never dropped.
 */
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../../core/library/types';
import { type MessageKey, useT } from '../i18n';
import type { Outcome } from './types';

const FORMATS: readonly { format: ExportFormat; testid: string; label: MessageKey; hint: MessageKey }[] = [
  { format: 'jsonld', testid: 'export-json', label: 'exportJsonld', hint: 'exportJsonldHint' },
  { format: 'markdown', testid: 'export-markdown', label: 'exportMarkdown', hint: 'exportMarkdownHint' },
  { format: 'csv', testid: 'export-csv', label: 'exportCsv', hint: 'exportCsvHint' },
  { format: 'csl', testid: 'export-csl', label: 'exportCsl', hint: 'exportCslHint' },
];

type ExportState =
  | { kind: 'idle' }
  | { kind: 'working'; format: ExportFormat }
  | { kind: 'done'; file: string }
  | { kind: 'error'; error: string };

interface ExportButtonsProps {
  /** Builds and downloads the export; answers with the file name. */
  onExport: (format: ExportFormat) => Promise<Outcome<string>>;
  disabled: boolean;
}

export function ExportButtons({ onExport, disabled }: ExportButtonsProps) {
  const t = useT();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = async (format: ExportFormat) => {
    setState({ kind: 'working', format });
    const result = await onExport(format);
    setState(result.ok ? { kind: 'done', file: result.value } : { kind: 'error', error: result.error });
  };
  return (
    <section class="side-section" aria-labelledby="export-head">
      <h2 class="side-section__head" id="export-head">
        {t('exportHead')}
      </h2>
      <ul class="exports">
        {FORMATS.map(({ format, testid, label, hint }) => (
          <li key={format}>
            <button
              type="button"
              class="button"
              data-testid={testid}
              aria-describedby={`${testid}-hint`}
              disabled={disabled || state.kind === 'working'}
              onClick={() => run(format)}
            >
              {t(label)}
            </button>
            <span class="hint" id={`${testid}-hint`}>
              {t(hint)}
            </span>
          </li>
        ))}
      </ul>
      <p class="export__outcome" role="status" data-testid="export-status">
        {state.kind === 'done' ? t('exportDone', [state.file]) : ''}
      </p>
      {state.kind === 'error' && (
        <p class="error" role="alert" data-testid="export-error">
          {t('exportFailed', [state.error])}
        </p>
      )}
    </section>
  );
}
