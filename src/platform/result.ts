/**
 * The one result shape for every message between extension contexts. `Error` objects do not survive
 * structured cloning in every browser, so failures travel as a plain string.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a reason as a failure. */
export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}

/** Turns anything thrown into a one-line message, so it can travel inside a `Result`. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
