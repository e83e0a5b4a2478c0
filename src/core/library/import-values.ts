/**
 * Reading values out of untrusted import JSON, shared by the JSON-LD and Hypothesis parsers. Only own
 * properties are read (a key like "constructor" never reaches the prototype), and nothing here throws.
 */
import { isIsoInstant } from './validate';

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an object, or undefined for anything else. */
export function own(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** JSON-LD lets most properties hold one value or a list: this always gives a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A string, or the first string of a list (Hypothesis writes `document.title` as a list). */
export function firstString(value: unknown): string | null {
  return asList(value).find((v): v is string => typeof v === 'string') ?? null;
}

/** True when a JSON-LD node's `type` is, or lists, the given type. */
export function hasType(value: unknown, type: string): boolean {
  return asList(own(value, 'type')).includes(type);
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 instant in the form Date.prototype.toISOString writes, from the forms other tools write
 * (Hypothesis: "2021-07-18T09:30:12.345678+00:00"). Values already in our form are kept as they are,
 * so export → import is the identity; the rest are converted (fractions past milliseconds dropped).
 * Returns the value unchanged when it is no instant, so the validator reports it.
 */
export function toInstant(value: unknown): unknown {
  if (typeof value !== 'string' || isIsoInstant(value)) return value;
  const m = INSTANT.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(fraction.slice(0, 3).padEnd(3, '0')));
  const fields = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
  if (fields.join() !== [mo, d, h, mi].map(Number).join() || Number(s) > 59) return value;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    if (minutes >= 24 * 60) return value;
    date.setTime(date.getTime() - sign * minutes * 60_000);
  }
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  return isIsoInstant(iso) ? iso : value;
}

/** An id short enough to show in a problem list (ids in hostile files can be megabytes long). */
export function shownId(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return value.length > 200 ? `${value.slice(0, 199)}…` : value;
}
