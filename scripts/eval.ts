/**
 * `npm run eval`: detection and claim-matching precision/recall over the fixture pages, against
 * expectations written from the articles' text (test/fixtures/README.md). `--verbose` lists misses.
 * Held-out pages are scored in aggregate only: no line of their own, no misses listed, so that
 * reading the output never tunes cues to them. `--tuning` leaves them out altogether (the figures
 * to compare while trying a cue).
 */

import { ratio, scoreFixture, type Tally } from './eval-score';
import { loadFixtures, makeEngine, needsBrowser, runHtml } from './fixture-runner';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const tuningOnly = process.argv.includes('--tuning');
const engine = makeEngine();
const det = { tp: 0, fp: 0, fn: 0, tn: 0 };
const claims: Tally = { tp: 0, fp: 0, fn: 0 };
const conflicts: Tally = { tp: 0, fp: 0, fn: 0 };
const status = { right: 0, total: 0 };
let scored = 0;
/** Pages written after the cues were tuned (page.json kind "held-out"): the honest figure. */
const heldOut = {
  claims: { tp: 0, fp: 0, fn: 0 } as Tally,
  conflicts: { tp: 0, fp: 0, fn: 0 } as Tally,
  pages: 0,
  detectionRight: 0,
};

for (const f of loadFixtures()) {
  const held = f.kind === 'held-out';
  if (held && tuningOnly) continue;
  if (!f.expected) {
    console.log(`eval: ${f.slug}: no expected.json, skipped`);
    continue;
  }
  if (needsBrowser(f)) {
    console.log(
      `eval: ${f.slug}: its article is drawn by its own scripts; measured in a real browser by the e2e tests, not here`,
    );
    continue;
  }
  scored++;
  const { text, result } = runHtml(engine, f.html, f.expected.url);
  const s = scoreFixture(text, result, f.expected);
  if (s.detection.expected && s.detection.got) det.tp++;
  else if (!s.detection.expected && s.detection.got) det.fp++;
  else if (s.detection.expected && !s.detection.got) det.fn++;
  else det.tn++;
  for (const k of ['tp', 'fp', 'fn'] as const) {
    claims[k] += s.claims[k];
    conflicts[k] += s.conflicts[k];
  }
  if (held) {
    heldOut.pages++;
    if (s.detection.expected === s.detection.got) heldOut.detectionRight++;
    for (const k of ['tp', 'fp', 'fn'] as const) {
      heldOut.claims[k] += s.claims[k];
      heldOut.conflicts[k] += s.conflicts[k];
    }
  }
  status.right += s.status.right;
  status.total += s.status.total;
  if (held) continue;
  const flag = s.misses.length ? `${s.misses.length} difference(s)` : 'ok';
  console.log(
    `eval: ${f.slug}: relevant=${result.relevant} claims ${s.claims.tp}/${s.claims.tp + s.claims.fn} (+${s.claims.fp} extra), conflicts ${s.conflicts.tp}/${s.conflicts.tp + s.conflicts.fn} (+${s.conflicts.fp}) — ${flag}`,
  );
  if (verbose) for (const m of s.misses) console.log(`    ${m}`);
}

console.log(`eval: fixtures ${scored}${tuningOnly ? ' (tuning pages only: held-out pages left out)' : ''}`);
console.log(
  `eval: detection precision ${ratio(det.tp, det.tp + det.fp)} recall ${ratio(det.tp, det.tp + det.fn)} (tp ${det.tp}, fp ${det.fp}, fn ${det.fn}, tn ${det.tn})`,
);
console.log(
  `eval: claims precision ${ratio(claims.tp, claims.tp + claims.fp)} recall ${ratio(claims.tp, claims.tp + claims.fn)} (tp ${claims.tp}, fp ${claims.fp}, fn ${claims.fn})`,
);
console.log(
  `eval: conflicts precision ${ratio(conflicts.tp, conflicts.tp + conflicts.fp)} recall ${ratio(conflicts.tp, conflicts.tp + conflicts.fn)} (tp ${conflicts.tp}, fp ${conflicts.fp}, fn ${conflicts.fn})`,
);
console.log(`eval: status ${ratio(status.right, status.total)} (${status.right}/${status.total})`);
if (heldOut.pages > 0) {
  const h = heldOut;
  console.log(
    `eval: held-out pages ${h.pages} (in aggregate only): detection ${h.detectionRight}/${h.pages}, claims precision ${ratio(h.claims.tp, h.claims.tp + h.claims.fp)} recall ${ratio(h.claims.tp, h.claims.tp + h.claims.fn)}, conflicts precision ${ratio(h.conflicts.tp, h.conflicts.tp + h.conflicts.fp)} recall ${ratio(h.conflicts.tp, h.conflicts.tp + h.conflicts.fn)}`,
  );
}
