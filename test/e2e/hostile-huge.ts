/**
 * The 5 MB hostile page, written at test time (a 5 MB fixture in git would be all noise): Press TV's
 * seed article on top, then thousands of paragraphs of a long hearing record that never touch the
 * story, each with a link and an emphasis, so the article is about 5 MB of HTML in about 50,000 nodes.
 * The filler is deterministic (a fixed word list walked by a linear congruential generator). A script
 * at the end records the longest stall of the page's main thread (`__longestGap`, milliseconds).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES_ROOT } from './fixture-server';

const WORDS = (
  'the committee reviewed schedule of hearings and filings submitted by parties clerk noted that ' +
  'session resumed after short recess counsel asked for more time to prepare exhibits while chair ' +
  'agreed minutes were read aloud approved without objection witness described budget planning for ' +
  'regional water works roads bridges schools harbour repairs county library opening hours ' +
  'transport grants weather delays supply contracts audit findings staff training office moves'
).split(' ');

/** `count` pseudo-random words, the same for the same seed. */
function words(seed: number, count: number): { next: number; text: string } {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]!);
  }
  return { next: x, text: out.join(' ') };
}

export interface HugePage {
  html: string;
  /** Element and text nodes in the article container. */
  nodes: number;
}

/** The page: at least `bytes` of HTML (default 5 MB). */
export function hugeArticle(bytes = 5 * 1024 * 1024): HugePage {
  const presstv = readFileSync(resolve(FIXTURES_ROOT, 'pages/presstv-2020-07-13/source.html'), 'utf8');
  const head = presstv.slice(presstv.indexOf('<meta charset'), presstv.indexOf('<style>'));
  const article = presstv.slice(
    presstv.indexOf('<p>An Israeli court has dismissed'),
    presstv.indexOf('</div>', presstv.indexOf('<p>The Israeli firm rejects')),
  );
  const parts: string[] = [];
  let size = 0;
  let nodes = 13 * 2;
  let x = 7;
  for (let n = 0; size < bytes; n++) {
    const a = words(x, 32);
    const b = words(a.next, 26);
    const c = words(b.next, 32);
    x = c.next;
    const p = `<p>Record ${n + 1}: ${a.text} <a href="#record-${n}">${b.text.slice(0, 40)}</a> ${b.text} <em>${c.text.slice(0, 30)}</em> ${c.text}.</p>\n`;
    parts.push(p);
    size += p.length;
    nodes += 8;
  }
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
${head}</head>
<body>
<header>PRESS TV</header>
<article>
<h1>Israeli court rejects legal bid by Amnesty against Israel’s spyware firm NSO</h1>
<div class="news-text">
${article}
<h2>The hearing record</h2>
${parts.join('')}</div>
</article>
<footer>This hostile test fixture is written by the e2e test: the Press TV seed article, then ${parts.length} paragraphs of filler.</footer>
<script>
  // The longest the page's main thread was busy between two ticks, from the end of parsing on.
  window.__longestGap = 0;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__longestGap = Math.max(window.__longestGap, now - last - 50);
    last = now;
  }, 50);
</script>
</body>
</html>
`;
  return { html, nodes };
}
