/**
 * A pack N times the size of the real one, for measuring how the engine's cost grows with the
 * pack. Each copy's phrases keep their real first words and gain a suffix word, so copies walk the
 * same trie paths as real text (the expensive part) without inventing matches.
 */
import type { CueSet, FactPack } from '../src/core/facts/types';

function suffixCues(cues: CueSet, tag: string): CueSet {
  const sfx = (p: string) => `${p.replace(/\*\s*$/, '')} ${tag}`;
  return {
    all: cues.all.map((g) => g.map(sfx)),
    ...(cues.any ? { any: cues.any.map((g) => g.map(sfx)) } : {}),
    ...(cues.none ? { none: cues.none.map(sfx) } : {}),
  };
}

export function syntheticPack(base: FactPack, factor: number): FactPack {
  const out: FactPack = structuredClone(base);
  for (let k = 1; k < factor; k++) {
    const tag = `zq${k}`;
    for (const c of base.claims)
      out.claims.push({ ...c, id: `${c.id}.${tag}`, cues: suffixCues(c.cues, tag) });
    for (const e of base.entities) {
      out.entities.push({
        ...e,
        id: `${e.id}.${tag}`,
        name: `${e.name} ${tag}`,
        aliases: e.aliases.map((a) => ({ ...a, text: `${a.text} ${tag}` })),
        variants: e.variants.map((v) => ({ ...v, text: `${v.text} ${tag}` })),
      });
    }
    for (const c of base.conflicts) {
      out.conflicts.push({
        ...c,
        id: `${c.id}.${tag}`,
        variants: c.variants.map((v) => ({
          ...v,
          id: `${v.id}.${tag}`,
          ...(v.cues ? { cues: suffixCues(v.cues, tag) } : {}),
        })),
      });
    }
    out.detection.context.push(...base.detection.context.map((t) => `${t.replace(/\*\s*$/, '')} ${tag}`));
  }
  return out;
}
