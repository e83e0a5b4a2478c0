/**
 * Import (data-testid `import-file`): reads the chosen file as text and hands it over; the background
 * validates every record first and writes nothing if any fails. The reader then sees what was added
 * and how many duplicates were skipped, or each refused record and why (one per line of the error).
 */
import { useState } from 'preact/hooks';
import { MAX_IMPORT_CHARS } from '../../../core/library/import';
import { type MessageKey, useT } from '../i18n';
import type { ImportSummary, Outcome } from './types';

/** A UTF-8 character takes at most 4 bytes: bigger files cannot fit the import limit and are not read. */
const MAX_FILE_BYTES = MAX_IMPORT_CHARS * 4;
const MAX_MB = String(Math.round(MAX_IMPORT_CHARS / (1024 * 1024)));

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; file: string }
  | { kind: 'done'; file: string; summary: ImportSummary }
  | { kind: 'error'; file: string; problems: string[] };

const FORMAT: Record<ImportSummary['format'], MessageKey> = {
  'nso-lens-jsonld': 'importFormatJsonld',
  hypothesis: 'importFormatHypothesis',
};

/**
 * The background's import error as one item per refused record. The background lists them one per line
 * or joined by "; " before each "record N" / "the file"; its lead-in ("Nothing was imported.") is
 * dropped, as the panel says so itself.
 */
export function problemLines(error: string): string[] {
  const lines = error
    .replace(/^\s*Nothing was imported\.?\s*/i, '')
    .split(/\r?\n|;\s+(?=(?:record \d+|the file)\b)/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length > 0 ? lines : [error];
}

export function ImportPanel({ onImport }: { onImport: (text: string) => Promise<Outcome<ImportSummary>> }) {
  const t = useT();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const name = file.name;
    const refuse = (problem: string) => {
      setState({ kind: 'error', file: name, problems: [problem] });
      input.value = '';
    };
    if (file.size > MAX_FILE_BYTES) return refuse(t('importTooLarge', [MAX_MB]));
    setState({ kind: 'working', file: name });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse(t('importUnreadable', [error instanceof Error ? error.message : String(error)]));
    }
    // Checked here too: a message that large would fail on its way to the background with a vaguer error.
    if (text.length > MAX_IMPORT_CHARS) return refuse(t('importTooLarge', [MAX_MB]));
    const result = await onImport(text);
    setState(
      result.ok
        ? { kind: 'done', file: name, summary: result.value }
        : { kind: 'error', file: name, problems: problemLines(result.error) },
    );
    // The same file can be chosen again (after fixing it).
    input.value = '';
  };
  return (
    <section class="side-section" aria-labelledby="import-head">
      <h2 class="side-section__head" id="import-head">
        {t('importHead')}
      </h2>
      <p class="hint" id="import-hint">
        {t('importHint')}
      </p>
      <label class="file" for="import-file">
        {t('importChoose')}
      </label>
      <input
        id="import-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        aria-describedby="import-hint"
        data-testid="import-file"
        disabled={state.kind === 'working'}
        onChange={onChange}
      />
      <div class="import__outcome" role="status">
        {state.kind === 'working' && <p class="muted">{t('importWorking', [state.file])}</p>}
        {state.kind === 'done' && (
          <p class="ok" data-testid="import-summary">
            {t('importSummary', [
              String(state.summary.added),
              String(state.summary.duplicates),
              t(FORMAT[state.summary.format]),
            ])}
          </p>
        )}
      </div>
      {state.kind === 'error' && (
        <div class="import__error" role="alert" data-testid="import-error">
          <p class="error">{t('importFailed', [state.file])}</p>
          <ul class="problems">
            {state.problems.map((problem, i) => (
              <li key={i} dir="auto" data-testid="import-problem">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
