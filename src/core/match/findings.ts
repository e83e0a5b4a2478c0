/** What the engine reports (DESIGN.md §4, CLI contract): the shapes shared by the CLI and the extension. */

export interface ClaimMatch {
  claimId: string;
  start: number;
  end: number;
  quote: string;
  confidence: number;
}

/** A conflict before its quote is cut from the text. */
export interface Finding {
  conflictId: string;
  start: number;
  end: number;
  kind: string;
  expected: string;
  note: string;
}

export interface ConflictMatch extends Finding {
  found: string;
}

export interface CaseStatus {
  caseId: string;
  asOf: string;
  status: string;
  since: string[];
}

export interface Analysis {
  relevant: boolean;
  score: number;
  reasons: string[];
  article: { title: string | null; outlet: string | null; published: string | null };
  matches: ClaimMatch[];
  conflicts: ConflictMatch[];
  status: CaseStatus[];
}
