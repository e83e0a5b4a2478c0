/** Recognises the page's outlet from its URL's host (subdomains included) or its site name. */
import type { FactPack } from '../facts/types.js';

function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

export function resolveOutlet(pack: FactPack, url: string | null, siteName: string | null): string | null {
  const host = url ? hostOf(url) : null;
  if (host) {
    // Longest matching domain wins: "en.globes.co.il" before "globes.co.il".
    let best: { id: string; len: number } | null = null;
    for (const o of pack.outlets) {
      for (const d of o.domains) {
        const dom = d.toLowerCase();
        if ((host === dom || host.endsWith(`.${dom}`)) && (!best || dom.length > best.len))
          best = { id: o.id, len: dom.length };
      }
    }
    if (best) return best.id;
  }
  if (siteName) {
    const wanted = siteName.trim().toLowerCase();
    for (const o of pack.outlets) {
      if (o.name.toLowerCase() === wanted || o.siteNames?.some((s) => s.toLowerCase() === wanted))
        return o.id;
    }
  }
  return null;
}
