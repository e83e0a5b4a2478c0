/**
 * What the note-and-tags editor sends: the note trimmed, the tags cleaned the way the library stores
 * them (core's cleanTags: trimmed, inner spaces collapsed, empty and repeated ones dropped), including
 * any tag still being typed. Refused when the store would refuse it, so the reader sees why at once.
 */
import { PASSAGE_LIMITS } from '../../../../core/library/types';
import { cleanTags } from '../../../../core/library/validate';

export type CleanEdit = { ok: true; note: string; tags: string[] } | { ok: false; error: string };

/** Tags typed into the tag field: separated by commas (a tag may hold spaces). */
export function splitTags(text: string): string[] {
  return text.split(',');
}

/** The editor's fields as the update request, or why they cannot be saved. */
export function cleanEdit(note: string, tags: readonly string[], typing: string): CleanEdit {
  const trimmed = note.trim();
  if (trimmed.length > PASSAGE_LIMITS.note) {
    return { ok: false, error: `note is longer than ${PASSAGE_LIMITS.note} characters` };
  }
  const cleaned = cleanTags([...tags, ...splitTags(typing)]);
  return cleaned.ok ? { ok: true, note: trimmed, tags: cleaned.value } : cleaned;
}
