/**
 * The English catalogue as browsers read it: every $NAME$ in a message is a declared placeholder
 * mapped to $1…$9 in order, and there is no stray "$" (Chrome would drop or garble the string).
 */
import { describe, expect, it } from 'vitest';
import catalogue from '../../../_locales/en/messages.json';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const entries = Object.entries(catalogue as Record<string, Entry>);

describe('_locales/en/messages.json', () => {
  it.each(entries)('%s is well formed', (_key, entry) => {
    expect(entry.message.length).toBeGreaterThan(0);
    expect(entry.description?.length ?? 0).toBeGreaterThan(0);
    const used = [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1]!.toLowerCase());
    const declared = Object.keys(entry.placeholders ?? {});
    expect(new Set(used)).toEqual(new Set(declared));
    expect(declared.map((name) => entry.placeholders![name]!.content)).toEqual(
      declared.map((_, i) => `$${i + 1}`),
    );
    expect(entry.message.replace(/\$[A-Za-z_]+\$/g, '')).not.toMatch(/\$/);
  });
});
