/**
 * The names the gate looks for, in display order. Each term has `strong` forms that count on their own
 * (full names, "NSO Group") and optionally `weak` forms that count only when the page also shows the
 * spyware context below or a strong form of any term: bare "Pegasus" may be a myth or a rocket, bare
 * "NSO" an orchestra or a statistics office, bare "Barkai" any of many people.
 *
 * Patterns are regular-expression sources matched case-insensitively. Latin forms use \b; Hebrew and
 * Arabic forms do not, because \b only knows ASCII letters and because prefixes (Hebrew ה/ו/ב/ל,
 * Arabic و/ب/ل) attach to the word they precede.
 */
export interface GateTerm {
  /** What the popup shows when the term is found. */
  label: string;
  strong?: string;
  weak?: string;
}

export const GATE_TERMS: readonly GateTerm[] = [
  {
    label: 'NSO Group',
    strong: String.raw`\bNSO[\s-]*(?:Group|Technologies)\b|\bQ[\s-]*Cyber\b|קבוצת\s*NSO|חברת\s*NSO|مجموعة\s*(?:NSO|إن\s*إس\s*أو)`,
    weak: String.raw`\bNSO\b|إن\s*إس\s*أو`,
  },
  {
    label: 'Pegasus',
    weak: String.raw`\bPegasus\b|פגסוס|بيغاسوس|بيجاسوس`,
  },
  {
    label: 'Barkai',
    strong: String.raw`\b(?:Rachel|Judge|Justice)\s+Barkai\b|רחל\s*ברקאי|השופטת\s*ברקאי|القاضية\s*(?:راحيل\s*)?باركاي`,
    weak: String.raw`\bBarkai\b|ברקאי|باركاي`,
  },
  {
    label: 'Eitay Mack',
    strong: String.raw`\b(?:Eitay|Eitai|Itay|Itai)\s+Mack\b|איתי\s*מק\b|إيتاي\s*ماك`,
  },
  {
    label: 'Citizen Lab',
    strong: String.raw`\bCitizen\s*Lab\b|סיטיזן\s*לאב|سيتيزن\s*لاب`,
  },
];

/**
 * Words that make a weak form count: this page is about spyware, not mythology, music or statistics.
 * Deliberately narrow — "phone", "iPhone" and "WhatsApp" appear on every phone review and share bar.
 */
export const SPYWARE_CONTEXT = String.raw`spyware|malware|\bsurveillance\b|\bhack(?:ed|ing|ers?)\b|zero[\s-]*click|cyber[\s-]*(?:weapon|espionage|arms|surveillance)|רוגל|ריגול|תוכנת\s*מעקב|تجسس`;
