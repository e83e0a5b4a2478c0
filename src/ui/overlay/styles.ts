/**
 * The cards' stylesheet, adopted inside the closed shadow root (a constructed CSSStyleSheet: no
 * <style> element in the page, and a page CSP of `style-src 'none'` cannot block it). The host resets
 * everything it could inherit, so these rules alone decide how a card looks, on light and dark sites;
 * colours follow prefers-color-scheme.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.root { color-scheme: light dark; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f4f6f8;
  --link: #0b57d0; --focus: #0b57d0; --accent: #b7791f;
  --ok-bg: #dcfce7; --ok-fg: #14532d; --warn-bg: #fef3c7; --warn-fg: #713f12;
  --bad-bg: #fee2e2; --bad-fg: #7f1d1d; --info-bg: #dbeafe; --info-fg: #1e3a8a;
  --none-bg: #e5e7eb; --none-fg: #374151;
  position: fixed; top: 0; left: 0; box-sizing: border-box; display: flex; flex-direction: column;
  max-width: 100vw; margin: 0; padding: 0; overflow: hidden; pointer-events: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 10px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.22), 0 2px 6px rgba(0, 0, 0, 0.12);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none; white-space: normal;
  overflow-wrap: anywhere; cursor: auto; user-select: text; -webkit-font-smoothing: antialiased;
}
.card.card-conflict { --accent: #dc2626; }
.card.panel { border-radius: 0; border-left-width: 1px; border-top: 4px solid var(--accent); }
.card.panel.above { border-top-width: 1px; border-bottom: 4px solid var(--accent); }
.card.measuring { visibility: hidden; }
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1f2329; --fg: #e8ecf1; --muted: #a5afbb; --line: #3b434d; --soft: #2a3038;
    --link: #8ab4f8; --focus: #8ab4f8; --accent: #eab308;
    --ok-bg: #14532d; --ok-fg: #dcfce7; --warn-bg: #713f12; --warn-fg: #fef3c7;
    --bad-bg: #7f1d1d; --bad-fg: #fee2e2; --info-bg: #1e3a8a; --info-fg: #dbeafe;
    --none-bg: #374151; --none-fg: #e5e7eb;
    box-shadow: 0 10px 30px rgba(0, 0, 0, 0.6);
  }
  .card.card-conflict { --accent: #f87171; }
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.head, .foot { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px; flex: none; }
.head { border-bottom: 1px solid var(--line); }
.foot { border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
.brand { font-weight: 700; font-size: 12px; color: var(--muted); }
.kind { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--accent); }
.close { margin-inline-start: auto; }
.body { padding: 10px 12px 12px; overflow: auto; flex: 1 1 auto; min-height: 0; }
p, ul, dl, dd, blockquote, h3 { margin: 0; padding: 0; }
p + p, p + section, section + section, dl + section, p + dl { margin-top: 8px; }
.claim-text { font-size: 15px; font-weight: 600; }
.verdict-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; margin-top: 8px; }
.verdict, .assessment, .here {
  display: inline-block; padding: 1px 7px; border-radius: 999px; font-size: 12px; font-weight: 700; line-height: 1.5;
}
.verdict-verified, .assessment-right { background: var(--ok-bg); color: var(--ok-fg); }
.verdict-single-source, .assessment-imprecise, .assessment-house-style { background: var(--info-bg); color: var(--info-fg); }
.verdict-disputed, .assessment-outdated { background: var(--warn-bg); color: var(--warn-fg); }
.verdict-false, .assessment-wrong { background: var(--bad-bg); color: var(--bad-fg); }
.verdict-unverified, .assessment-unverified { background: var(--none-bg); color: var(--none-fg); }
.verdict-note { color: var(--fg); }
.confidence { color: var(--muted); font-size: 12px; }
.subject { font-weight: 600; }
.compare { display: grid; gap: 6px; margin-top: 8px; }
.compare > div { padding: 6px 8px; border-radius: 6px; background: var(--soft); }
.compare dt { font-size: 12px; color: var(--muted); }
.compare dd { font-weight: 600; }
.compare .says dd { color: var(--bad-fg); }
.compare .record dd { color: var(--ok-fg); }
.section-title { font-size: 12px; font-weight: 700; color: var(--muted); margin: 10px 0 4px; text-transform: uppercase; letter-spacing: 0.04em; }
.variants, .sources ul { list-style: none; display: grid; gap: 6px; }
.variant { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 6px; }
.variant.used .reading { text-decoration: underline; text-decoration-thickness: 2px; text-decoration-color: var(--accent); }
.reading { font-weight: 600; }
.here { background: var(--fg); color: var(--bg); }
.outlets { flex-basis: 100%; color: var(--muted); font-size: 12px; }
.source { padding-top: 6px; border-top: 1px solid var(--line); }
.source:first-child { border-top: 0; padding-top: 0; }
.source-head { font-size: 12px; color: var(--muted); }
.publisher { font-weight: 600; color: var(--fg); }
a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible, button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; border-radius: 3px; }
.quote { margin-top: 3px; padding-inline-start: 8px; border-inline-start: 3px solid var(--line); font-size: 13px; }
.quote.record { font-style: italic; }
.quote-label { display: block; font-size: 11px; color: var(--muted); font-style: normal; }
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 28px; height: 28px; border-radius: 6px; cursor: pointer; color: var(--fg);
  font: 600 18px/1 system-ui, sans-serif;
}
button:hover { background: var(--soft); }
.position { font-variant-numeric: tabular-nums; }
.hint { margin-inline-start: auto; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
