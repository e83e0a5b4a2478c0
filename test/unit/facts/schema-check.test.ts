import { describe, expect, it } from 'vitest';
import { factPackSchema } from '../../../src/core/facts/fact-pack-schema';
import { checkSchema, isCalendarDate, unsupportedKeywords } from '../../../src/core/facts/schema-check';
import { loadSchemaJson } from './pack-fixtures';

const schema = {
  $defs: {
    Day: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date' },
    Item: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind'],
      properties: {
        id: { type: 'string', minLength: 1, maxLength: 5 },
        kind: { enum: ['a', 'b'] },
        day: { $ref: '#/$defs/Day' },
        parent: { type: ['string', 'null'], pattern: '^p\\.' },
        fixed: { const: 1 },
        score: { type: 'number', minimum: 0 },
      },
    },
  },
  type: 'array',
  minItems: 1,
  items: { $ref: '#/$defs/Item' },
};

describe('checkSchema (the CSP-safe JSON Schema interpreter)', () => {
  it('accepts a valid document', () => {
    expect(
      checkSchema(schema, [{ id: 'x', kind: 'a', day: '2020-07-12', parent: null, fixed: 1, score: 0 }]),
    ).toEqual([]);
  });

  it('names the JSON path of every problem', () => {
    const errors = checkSchema(schema, [
      { id: '', kind: 'c', extra: true, day: '2020-02-30', parent: 'q.1', fixed: 2, score: -1 },
      { kind: 'a', id: 'toolong' },
      'text',
    ]);
    expect(errors).toEqual([
      '/0/id: must not be empty',
      '/0/kind: must be one of "a", "b"; got "c"',
      '/0/extra: property "extra" is not allowed here',
      '/0/day: "2020-02-30" is not a calendar date (YYYY-MM-DD)',
      '/0/parent: "q.1" does not match the pattern ^p\\.',
      '/0/fixed: must be 1; got 2',
      '/0/score: must be ≥ 0; got -1',
      '/1/id: must be at most 5 characters; has 7',
      '/2: must be object; got string',
    ]);
  });

  it('reports missing required properties, wrong root types and empty arrays', () => {
    expect(checkSchema(schema, [{ id: 'x' }])).toEqual(['/0: missing required property "kind"']);
    expect(checkSchema(schema, [])).toEqual(['/: must not be empty']);
    expect(checkSchema(schema, null)).toEqual(['/: must be array; got null']);
  });

  it('escapes JSON Pointer segments', () => {
    const errors = checkSchema(schema, [{ id: 'x', kind: 'a', 'a/b~c': 1 }]);
    expect(errors).toEqual(['/0/a~1b~0c: property "a/b~c" is not allowed here']);
  });

  it('fails loudly on a $ref it cannot resolve', () => {
    expect(() => checkSchema({ $ref: '#/$defs/Nope' }, 1)).toThrow(/cannot resolve \$ref/);
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2020-07-12')).toBe(true);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2020-7-12')).toBe(false);
  });

  it('implements every keyword the fact-pack schema uses', () => {
    expect(unsupportedKeywords(factPackSchema)).toEqual([]);
    expect(unsupportedKeywords({ type: 'object', properties: { a: { oneOf: [] } } })).toEqual([
      '/properties/a: oneOf',
    ]);
  });
});

describe('src/data/fact-pack.schema.json', () => {
  it('is the validator’s schema written out (rewrite it with `vitest run test/unit/facts -u`)', async () => {
    await expect(`${JSON.stringify(factPackSchema, null, 2)}\n`).toMatchFileSnapshot(
      '../../../src/data/fact-pack.schema.json',
    );
    expect(loadSchemaJson()).toEqual(JSON.parse(JSON.stringify(factPackSchema)));
  });

  it('declares JSON Schema 2020-12 and closes every object', () => {
    const json = loadSchemaJson();
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const defs = json.$defs as Record<string, Record<string, unknown>>;
    for (const [name, def] of Object.entries(defs)) {
      if (def.type === 'object') expect(def.additionalProperties, name).toBe(false);
    }
  });
});
