/** The worked example in docs/fact-pack.md is the fixture file, and it is a valid pack. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexPack } from '../../../src/core/facts/index';
import { validatePack } from '../../../src/core/facts/validate';
import { cuesMatch, repoPath } from './pack-fixtures';

const MARKER = '<!-- example-pack: test/fixtures/example-pack.json -->';
const fixture: unknown = JSON.parse(readFileSync(repoPath('test/fixtures/example-pack.json'), 'utf8'));

function exampleFromDoc(): unknown {
  const doc = readFileSync(repoPath('docs/fact-pack.md'), 'utf8');
  const start = doc.indexOf(MARKER);
  expect(start, 'marker in docs/fact-pack.md').toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(start));
  expect(block, 'json block after the marker').not.toBeNull();
  return JSON.parse(block?.[1] ?? 'null');
}

describe('the worked example', () => {
  it('is quoted in docs/fact-pack.md exactly as in test/fixtures/example-pack.json', () => {
    expect(exampleFromDoc()).toEqual(fixture);
  });

  it('validates', () => {
    const result = validatePack(fixture);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('works as the doc says: variants, dates and cues', () => {
    const result = validatePack(fixture);
    if (!result.ok) throw new Error('invalid example');
    const index = indexPack(result.pack);
    expect(index.entitiesByVariant.get('ada quil')?.entity.id).toBe('person.ada-quill');
    expect(index.outletForHost('ledger.example.com')?.id).toBe('outlet.ledger');
    const claim = index.claims.get('claim.rate-rise-upheld');
    const report = index.reports.get('report.ledger-2024-05-20');
    for (const statement of report?.statements ?? []) {
      const target = index.claims.get(statement.claim);
      expect(target && cuesMatch(target.cues, statement.wording), statement.wording).toBe(true);
    }
    expect(
      claim && cuesMatch(claim.cues, 'The residents will appeal after the tribunal dismissed their case.'),
    ).toBe(false);
  });
});
