/**
 * The library's health report (issue 8): quarantined records as JSON text the reader can download and
 * recover by hand, the last migration's outcome as stored in the `meta` store, and the browser's
 * storage estimate. Quarantined records are structured clones, which may hold what JSON cannot (a
 * BigInt, a Map, a cycle, bytes): those are described in place rather than making the report fail.
 */
import {
  HEALTH_LIMITS,
  type MigrationOutcome,
  type QuarantinedRecord,
  type StorageEstimate,
} from '../platform/messages';
import type { QuarantineRow } from './library-db';

/** Deeper than any passage record; beyond it a value is described, not walked (no stack overflow). */
const MAX_DEPTH = 64;

function isView(value: object): value is ArrayBufferView {
  return ArrayBuffer.isView(value);
}

/** A JSON value standing for `value`; containers already on the path become "[cycle]". */
function toJson(value: unknown, path: Set<object>, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      return `[${typeof value}]`;
  }
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof ArrayBuffer) return `[ArrayBuffer ${value.byteLength} bytes]`;
  if (isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `[Blob ${value.size} bytes]`;
  if (path.has(value)) return '[cycle]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  path.add(value);
  try {
    const inner = (v: unknown) => toJson(v, path, depth + 1);
    if (Array.isArray(value)) return value.map(inner);
    if (value instanceof Map) return { '[Map]': [...value].map(([k, v]) => [inner(k), inner(v)]) };
    if (value instanceof Set) return { '[Set]': [...value].map(inner) };
    if (value instanceof Error) return { '[Error]': { name: value.name, message: value.message } };
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = inner(v);
    return out;
  } finally {
    path.delete(value);
  }
}

/** A stored record as JSON text, cut at `limit` characters. */
export function recordText(
  record: unknown,
  limit: number = HEALTH_LIMITS.rawChars,
): {
  raw: string;
  truncated: boolean;
} {
  const text = JSON.stringify(toJson(record, new Set(), 0), null, 2);
  return text.length > limit
    ? { raw: text.slice(0, limit), truncated: true }
    : { raw: text, truncated: false };
}

/** How the health report shows one quarantined record. */
export function quarantinedRecord(row: QuarantineRow): QuarantinedRecord {
  return {
    id: row.id,
    reason: String(row.reason).slice(0, 1000),
    quarantinedAt: row.quarantinedAt,
    ...recordText(row.record),
  };
}

/**
 * The meta store's `lastMigration` value as a reader-facing outcome. Successful passes store their
 * counts (older builds without `ok`); failures store `ok: false` and the message.
 */
export function migrationOutcome(value: unknown): MigrationOutcome | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { at?: unknown; ok?: unknown; message?: unknown };
  if (typeof v.at !== 'string') return null;
  if (v.ok === false) {
    return { at: v.at, ok: false, message: typeof v.message === 'string' ? v.message : 'unknown error' };
  }
  return { at: v.at, ok: true, message: null };
}

interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
}

/** The browser's storage estimate; null figures where it gives none (or the call fails). */
export async function browserEstimate(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<StorageEstimate> {
  const number = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null);
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => null) ?? null,
    storage?.persisted?.().catch(() => null) ?? null,
  ]);
  return {
    persisted: typeof persisted === 'boolean' ? persisted : null,
    usage: number(estimate?.usage),
    quota: number(estimate?.quota),
  };
}
