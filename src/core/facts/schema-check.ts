/**
 * A small JSON Schema (2020-12) interpreter for the keywords the fact-pack schema uses. It walks
 * the schema as data, so it runs under an extension CSP that forbids eval / new Function (which
 * rules out Ajv's generated validators). Unknown keywords are reported by `unsupportedKeywords`
 * rather than silently ignored.
 */

type Schema = { readonly [keyword: string]: unknown };

const ANNOTATIONS = ['$schema', '$id', '$defs', '$comment', 'title', 'description'];
const ASSERTIONS = [
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'pattern',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'format',
];
const SUPPORTED = new Set([...ANNOTATIONS, ...ASSERTIONS]);
const patternCache = new Map<string, RegExp>();

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `path: message`, with the document root written as `/`. */
export function pathError(path: string, message: string): string {
  return `${path === '' ? '/' : path}: ${message}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2020-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function regex(pattern: string): RegExp {
  let compiled = patternCache.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'u');
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

class Checker {
  readonly errors: string[] = [];
  constructor(private readonly root: Schema) {}

  check(schema: Schema, value: unknown, path: string): void {
    if (typeof schema.$ref === 'string') {
      this.check(this.resolve(schema.$ref, path), value, path);
    }
    if (!this.checkType(schema, value, path)) return;
    if ('const' in schema && show(schema.const) !== show(value)) {
      this.errors.push(pathError(path, `must be ${show(schema.const)}; got ${show(value)}`));
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => show(option) === show(value))) {
      const options = schema.enum.map((option) => show(option)).join(', ');
      this.errors.push(pathError(path, `must be one of ${options}; got ${show(value)}`));
    }
    if (typeof value === 'string') this.checkString(schema, value, path);
    else if (typeof value === 'number') this.checkNumber(schema, value, path);
    else if (Array.isArray(value)) this.checkArray(schema, value, path);
    else if (isSchema(value)) this.checkObject(schema, value, path);
  }

  private resolve(ref: string, path: string): Schema {
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = this.root.$defs;
    const target = match && isSchema(defs) ? defs[match[1] ?? ''] : undefined;
    if (!isSchema(target)) throw new Error(`schema error at ${path || '/'}: cannot resolve $ref ${ref}`);
    return target;
  }

  private checkType(schema: Schema, value: unknown, path: string): boolean {
    if (schema.type === undefined) return true;
    const types = Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
    if (types.some((type) => hasType(value, type))) return true;
    this.errors.push(pathError(path, `must be ${types.join(' or ')}; got ${typeOf(value)}`));
    return false;
  }

  private checkString(schema: Schema, value: string, path: string): void {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) {
      const what =
        schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters`;
      this.errors.push(pathError(path, what));
    }
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
      this.errors.push(pathError(path, `must be at most ${schema.maxLength} characters; has ${length}`));
    }
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value)) {
      this.errors.push(pathError(path, `${show(value)} does not match the pattern ${schema.pattern}`));
    } else if (schema.format === 'date' && !isCalendarDate(value)) {
      this.errors.push(pathError(path, `${show(value)} is not a calendar date (YYYY-MM-DD)`));
    }
  }

  private checkNumber(schema: Schema, value: number, path: string): void {
    if (typeof schema.minimum === 'number' && value < schema.minimum) {
      this.errors.push(pathError(path, `must be ≥ ${schema.minimum}; got ${value}`));
    }
    if (typeof schema.maximum === 'number' && value > schema.maximum) {
      this.errors.push(pathError(path, `must be ≤ ${schema.maximum}; got ${value}`));
    }
  }

  private checkArray(schema: Schema, value: readonly unknown[], path: string): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      const what =
        schema.minItems === 1 ? 'must not be empty' : `must have at least ${schema.minItems} items`;
      this.errors.push(pathError(path, what));
    }
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      this.errors.push(pathError(path, `must have at most ${schema.maxItems} items`));
    }
    const items = schema.items;
    if (isSchema(items)) {
      value.forEach((item, index) => {
        this.check(items, item, `${path}/${index}`);
      });
    }
  }

  private checkObject(schema: Schema, value: Schema, path: string): void {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const key of schema.required.map(String)) {
        if (!(key in value)) this.errors.push(pathError(path, `missing required property "${key}"`));
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${pointerSegment(key)}`;
      const childSchema = properties[key];
      if (isSchema(childSchema)) this.check(childSchema, child, childPath);
      else if (schema.additionalProperties === false) {
        this.errors.push(pathError(childPath, `property "${key}" is not allowed here`));
      } else if (isSchema(schema.additionalProperties)) {
        this.check(schema.additionalProperties, child, childPath);
      }
    }
  }
}

/** Validates `value` against `schema` (whose `$ref`s point into its own `$defs`); [] when valid. */
export function checkSchema(schema: Schema, value: unknown): string[] {
  const checker = new Checker(schema);
  checker.check(schema, value, '');
  return checker.errors;
}

/** Keywords in `schema` (at any depth) that this interpreter does not implement. */
export function unsupportedKeywords(schema: unknown, path = ''): string[] {
  if (!isSchema(schema)) return [];
  const found: string[] = [];
  for (const [keyword, child] of Object.entries(schema)) {
    if (!SUPPORTED.has(keyword)) found.push(`${path || '/'}: ${keyword}`);
    if (keyword === 'properties' || keyword === '$defs') {
      if (isSchema(child)) {
        for (const [name, sub] of Object.entries(child)) {
          found.push(...unsupportedKeywords(sub, `${path}/${keyword}/${name}`));
        }
      }
    } else if (keyword === 'items' || keyword === 'additionalProperties') {
      found.push(...unsupportedKeywords(child, `${path}/${keyword}`));
    }
  }
  return found;
}
