/**
 * Content rules a JSON Schema cannot express: every fact is backed by a usable source, verdicts
 * other than `verified` say why, dates are in order, names and domains are unambiguous, cue
 * phrases can match something, and entity or title variants agree with the conflicts they name.
 */
import { nameKey, phraseTokens } from './normalize';
import { isCalendarDate, pathError } from './schema-check';
import type { CueSet, FactPack, SourceRef } from './types';

const HTTP_URL = /^https?:\/\/[^\s/?#]+/;

type Phrases = readonly string[];

function checkPhrases(phrases: Phrases, path: string, errors: string[]): void {
  for (const [index, phrase] of phrases.entries()) {
    if (phrase.trim() === '')
      errors.push(pathError(`${path}/${index}`, 'cue phrase is empty after trimming'));
    else if (phraseTokens(phrase).tokens.length === 0) {
      errors.push(
        pathError(`${path}/${index}`, `cue phrase "${phrase}" has no letters or digits, so it never matches`),
      );
    }
  }
}

function checkCues(cues: CueSet, path: string, errors: string[]): void {
  for (const [g, group] of cues.all.entries()) checkPhrases(group, `${path}/all/${g}`, errors);
  for (const [g, group] of (cues.any ?? []).entries()) checkPhrases(group, `${path}/any/${g}`, errors);
  checkPhrases(cues.none ?? [], `${path}/none`, errors);
}

function checkAllCues(pack: FactPack, errors: string[]): void {
  const d = pack.detection;
  checkPhrases(d.strong, '/detection/strong', errors);
  checkPhrases(d.context, '/detection/context', errors);
  for (const [i, term] of d.ambiguous.entries()) {
    checkPhrases([term.term], `/detection/ambiguous/${i}/term`, errors);
    checkPhrases(term.needs, `/detection/ambiguous/${i}/needs`, errors);
    checkPhrases(term.not, `/detection/ambiguous/${i}/not`, errors);
  }
  for (const [c, combination] of d.combinations.entries()) {
    for (const [g, group] of combination.entries())
      checkPhrases(group, `/detection/combinations/${c}/${g}`, errors);
  }
  for (const [i, item] of pack.cases.entries()) checkCues(item.cues, `/cases/${i}/cues`, errors);
  for (const [i, claim] of pack.claims.entries()) checkCues(claim.cues, `/claims/${i}/cues`, errors);
  for (const [c, conflict] of pack.conflicts.entries()) {
    for (const [v, variant] of conflict.variants.entries()) {
      if (variant.cues) checkCues(variant.cues, `/conflicts/${c}/variants/${v}/cues`, errors);
    }
  }
  for (const [e, entity] of pack.entities.entries()) {
    const base = `/entities/${e}/attributes`;
    for (const [t, title] of (entity.attributes?.titles ?? []).entries()) {
      checkPhrases(title.cues, `${base}/titles/${t}/cues`, errors);
    }
    for (const [t, variant] of (entity.attributes?.titleVariants ?? []).entries()) {
      checkPhrases(variant.cues, `${base}/titleVariants/${t}/cues`, errors);
    }
  }
}

function checkSourced(pack: FactPack, errors: string[]): void {
  const usable = new Set(
    pack.sources.filter((s) => HTTP_URL.test(s.url) && isCalendarDate(s.date)).map((source) => source.id),
  );
  const sourced = (refs: readonly SourceRef[], path: string) => {
    if (!refs.some((ref) => usable.has(ref.source))) {
      errors.push(pathError(path, 'needs at least one source with an http(s) URL and an ISO date'));
    }
  };
  for (const [i, claim] of pack.claims.entries()) sourced(claim.sources, `/claims/${i}/sources`);
  for (const [i, event] of pack.events.entries()) sourced(event.sources, `/events/${i}/sources`);
  for (const [i, conflict] of pack.conflicts.entries()) sourced(conflict.sources, `/conflicts/${i}/sources`);
}

function checkDates(pack: FactPack, errors: string[]): void {
  const late = (date: string | undefined, path: string) => {
    if (date !== undefined && date > pack.updated) {
      errors.push(pathError(path, `${date} is after the pack's "updated" date ${pack.updated}`));
    }
  };
  for (const [i, source] of pack.sources.entries()) late(source.date, `/sources/${i}/date`);
  for (const [i, report] of pack.reports.entries()) late(report.date, `/reports/${i}/date`);
  for (const [i, event] of pack.events.entries()) {
    late(event.date, `/events/${i}/date`);
    late(event.published, `/events/${i}/published`);
    if (event.published !== undefined && event.published < event.date) {
      errors.push(
        pathError(`/events/${i}/published`, `${event.published} is before the event's date ${event.date}`),
      );
    }
  }
  for (const [e, entity] of pack.entities.entries()) {
    for (const [t, title] of (entity.attributes?.titles ?? []).entries()) {
      if (title.to !== undefined && title.to < title.from) {
        errors.push(
          pathError(`/entities/${e}/attributes/titles/${t}/to`, `${title.to} is before "from" ${title.from}`),
        );
      }
    }
  }
  for (const [i, claim] of pack.claims.entries()) {
    for (const [a, alternative] of (claim.when?.alternatives ?? []).entries()) {
      if (alternative.date === claim.when?.date) {
        errors.push(pathError(`/claims/${i}/when/alternatives/${a}/date`, 'repeats the main date'));
      }
    }
  }
}

function checkVerdicts(pack: FactPack, errors: string[]): void {
  for (const [i, claim] of pack.claims.entries()) {
    if (claim.verdict !== 'verified' && !claim.verdictNote?.trim()) {
      errors.push(pathError(`/claims/${i}`, `verdict "${claim.verdict}" needs a verdictNote saying why`));
    }
  }
}

/** Registers `key` for `owner`; reports a clash with another owner. */
function claimKey(
  seen: Map<string, string>,
  key: string,
  owner: string,
  path: string,
  what: string,
): string[] {
  const other = seen.get(key);
  seen.set(key, owner);
  return other !== undefined && other !== owner
    ? [pathError(path, `${what} is already used by "${other}"`)]
    : [];
}

function checkNames(pack: FactPack, errors: string[]): void {
  const domains = new Map<string, string>();
  const siteNames = new Map<string, string>();
  for (const [o, outlet] of pack.outlets.entries()) {
    for (const [d, domain] of outlet.domains.entries()) {
      const path = `/outlets/${o}/domains/${d}`;
      if (domains.get(domain) === outlet.id)
        errors.push(pathError(path, `domain "${domain}" is listed twice`));
      errors.push(...claimKey(domains, domain, outlet.id, path, `domain "${domain}"`));
    }
    errors.push(
      ...claimKey(siteNames, nameKey(outlet.name), outlet.id, `/outlets/${o}/name`, `name "${outlet.name}"`),
    );
    for (const [n, name] of (outlet.siteNames ?? []).entries()) {
      errors.push(
        ...claimKey(
          siteNames,
          nameKey(name),
          outlet.id,
          `/outlets/${o}/siteNames/${n}`,
          `site name "${name}"`,
        ),
      );
    }
  }
  const aliases = new Map<string, string>();
  for (const [e, entity] of pack.entities.entries()) {
    const names = [{ text: entity.name, path: `/entities/${e}/name` }];
    for (const [a, alias] of entity.aliases.entries())
      names.push({ text: alias.text, path: `/entities/${e}/aliases/${a}/text` });
    for (const { text, path } of names) {
      const key = nameKey(text);
      if (key === '') errors.push(pathError(path, `name "${text}" has no letters or digits`));
      else errors.push(...claimKey(aliases, key, entity.id, path, `name "${text}"`));
    }
  }
}

function checkConsistency(pack: FactPack, errors: string[]): void {
  const events = new Map(pack.events.map((event) => [event.id, event]));
  const conflicts = new Map(pack.conflicts.map((conflict) => [conflict.id, conflict]));
  for (const [i, claim] of pack.claims.entries()) {
    const event = claim.event === undefined ? undefined : events.get(claim.event);
    if (event && event.case !== claim.case) {
      errors.push(
        pathError(
          `/claims/${i}/event`,
          `event "${event.id}" belongs to case ${event.case}, not ${claim.case}`,
        ),
      );
    }
  }
  const readingOf = (conflictId: string, text: string, path: string) => {
    const conflict = conflicts.get(conflictId);
    if (conflict && !conflict.variants.some((variant) => nameKey(variant.reading) === nameKey(text))) {
      errors.push(pathError(path, `conflict "${conflictId}" has no variant reading "${text}"`));
    }
  };
  for (const [e, entity] of pack.entities.entries()) {
    for (const [v, variant] of entity.variants.entries()) {
      if (variant.conflict)
        readingOf(variant.conflict, variant.text, `/entities/${e}/variants/${v}/conflict`);
    }
    for (const [t, variant] of (entity.attributes?.titleVariants ?? []).entries()) {
      readingOf(variant.conflict, variant.text, `/entities/${e}/attributes/titleVariants/${t}/conflict`);
    }
  }
  for (const [r, report] of pack.reports.entries()) {
    for (const [v, used] of report.variants.entries()) {
      const variant = conflicts
        .get(used.conflict)
        ?.variants.find((candidate) => candidate.id === used.variant);
      const listed = variant?.outlets.some((outlet) => outlet === report.outlet || outlet === report.wire);
      if (variant && !listed) {
        errors.push(
          pathError(
            `/reports/${r}/variants/${v}`,
            `variant "${used.variant}" does not list the report's outlet`,
          ),
        );
      }
    }
  }
}

/** All content rules; returns readable errors with JSON paths ([] when the pack is sound). */
export function checkRules(pack: FactPack): string[] {
  const errors: string[] = [];
  checkSourced(pack, errors);
  checkVerdicts(pack, errors);
  checkDates(pack, errors);
  checkNames(pack, errors);
  checkAllCues(pack, errors);
  checkConsistency(pack, errors);
  return errors;
}
