/**
 * Page keys for finding saved passages again (issue 7). The same article is reached at many
 * addresses — with tracking parameters, with or without "www.", as an AMP page, through the Google
 * AMP cache, over http or https — so passages are stored and looked up by a normalised key rather
 * than by the raw URL. A page's canonical link also counts, but only when it is on the same site:
 * a hostile page could otherwise claim another site's article as its canonical and be shown (or
 * collect) passages saved there.
 */

/** Host labels that only pick a variant of the same site. */
const VARIANT_LABELS = new Set(['www', 'm', 'amp', 'mobile']);

/** Query parameters that only track how the reader arrived. Compared in lower case. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'yclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'igshid',
  'igsh',
  'ref',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'cmpid',
  'cmp',
  'intcmp',
  'ito',
  'taid',
  'smid',
  'xtor',
  'ocid',
  'ncid',
  's_cid',
  'spm',
  'share',
  'sr_share',
  'soc_src',
  'soc_trk',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '__twitter_impression',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'ns_', 'oly_', 'vero_'];

/** Parameters the AMP cache and viewers add. */
const AMP_PARAMS = new Set(['usqp', 'aoh', '__amp_source_origin']);

/** Suffixes under which each subdomain is a different owner (blogs, hosted pages). */
const SHARED_SUFFIXES = [
  'blogspot.com',
  'wordpress.com',
  'substack.com',
  'medium.com',
  'tumblr.com',
  'github.io',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
];
/** Second-level labels that, under a two-letter country code, are part of the public suffix (co.il, co.uk). */
const GENERIC_SECOND_LEVEL = new Set([
  'co',
  'com',
  'org',
  'net',
  'ac',
  'gov',
  'edu',
  'ne',
  'or',
  'go',
  'muni',
  'idf',
]);

function parseWebUrl(value: string): URL | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * The publisher's URL behind a Google AMP cache or Google AMP viewer address, e.g.
 * https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a → https://www.example.com/a.
 */
function unwrapAmpCache(url: URL): URL {
  const host = url.hostname;
  let rest: string | null = null;
  if (host.endsWith('.cdn.ampproject.org')) {
    const m = /^\/[a-z]{1,2}(\/s)?\/(.+)$/.exec(url.pathname);
    rest = m ? `${m[1] ? 'https' : 'http'}://${m[2]}` : null;
  } else if (/^(www\.)?google\.[a-z]{2,3}(\.[a-z]{2})?$/.test(host)) {
    const m = /^\/amp\/(s\/)?(.+)$/.exec(url.pathname);
    rest = m ? `${m[1] ? 'https' : 'http'}://${m[2]}` : null;
  }
  if (rest === null) return url;
  return parseWebUrl(rest + url.search) ?? url;
}

function bareHostname(url: URL): string {
  const labels = url.hostname.replace(/\.$/, '').split('.');
  while (labels.length > 2 && VARIANT_LABELS.has(labels[0] as string)) labels.shift();
  return labels.join('.');
}

function isIpHost(host: string): boolean {
  return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

function dropParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (TRACKING.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p))) return true;
  if (AMP_PARAMS.has(k) || k.startsWith('amp_')) return true;
  const v = value.toLowerCase();
  if (k === 'amp') return v === '' || v === '1' || v === 'true';
  return (k === 'outputtype' || k === 'output') && v === 'amp';
}

function normalisePath(pathname: string): string {
  const segments = pathname.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()).split('/');
  segments.shift(); // the empty segment before the leading slash
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (segments[segments.length - 1] === 'amp') segments.pop();
  if (segments.length > 1 && segments[0] === 'amp') segments.shift();
  const last = segments.length - 1;
  if (last >= 0) segments[last] = (segments[last] as string).replace(/^(.+)\.amp(\.html?)?$/i, '$1$2');
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

/**
 * The lookup key of a page address: host without www./m./amp. and port-default, AMP markers and
 * tracking parameters removed, remaining parameters sorted, no fragment, no trailing slash, scheme
 * ignored. Null for anything but an http(s) URL.
 */
export function pageKey(url: string): string | null {
  const parsed = parseWebUrl(url);
  if (parsed === null) return null;
  const u = unwrapAmpCache(parsed);
  const host = isIpHost(u.hostname) ? u.hostname : bareHostname(u);
  const params = [...u.searchParams].filter(([k, v]) => !dropParam(k, v));
  params.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  // Stripping one marker can expose another ("/amp/amp"): repeat so a key is its own key.
  let path = u.pathname;
  for (let next = normalisePath(path); next !== path; next = normalisePath(path)) path = next;
  return `${host}${u.port ? `:${u.port}` : ''}${path}${query ? `?${query}` : ''}`;
}

/** The registrable domain of a URL, approximately (no full public-suffix list), or null. */
export function siteOf(url: string): string | null {
  const parsed = parseWebUrl(url);
  if (parsed === null) return null;
  const host = unwrapAmpCache(parsed).hostname.replace(/\.$/, '');
  if (isIpHost(host)) return host;
  const labels = host.split('.');
  const shared = SHARED_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  let keep = 2;
  if (shared) keep = shared.split('.').length + 1;
  else if (
    labels.length >= 3 &&
    (labels[labels.length - 1] as string).length === 2 &&
    GENERIC_SECOND_LEVEL.has(labels[labels.length - 2] as string)
  ) {
    keep = 3;
  }
  return labels.slice(-keep).join('.');
}

/** True when both URLs are on the same site (registrable domain), AMP cache addresses unwrapped. */
export function sameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}

/**
 * Every key under which a page's saved passages are stored and found: the page's own key, and its
 * canonical link's key when the canonical is on the same site. Unique; empty for a non-web URL.
 */
export function pageKeys(url: string, canonicalUrl: string | null): string[] {
  const own = pageKey(url);
  if (own === null) return [];
  const keys = [own];
  if (canonicalUrl !== null && sameSite(url, canonicalUrl)) {
    const canonical = pageKey(canonicalUrl);
    if (canonical !== null && !keys.includes(canonical)) keys.push(canonical);
  }
  return keys;
}
