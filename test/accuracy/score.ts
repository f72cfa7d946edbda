import type { Family, Label } from './labels';

/** A finding as the CLI's json format reports it (0-based positions, path relative to the audited root). */
export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  ruleId: string;
  factor: string;
  message: string;
}

/** A label with the findings that matched it. */
export interface Judged {
  label: Label;
  family: Family | undefined;
  /** Findings of the label's factor whose range covers the label's line. */
  matches: JsonFinding[];
}

/** Counts for one row of the table. */
export interface Tally {
  problems: number;
  caught: number;
  clean: number;
  falseFindings: number;
}

/**
 * Matching: a finding matches a label when it is in the same file, has the label's factor, and its
 * range covers the label's line (start line ≤ line ≤ end line, 1-based). A `problem` label with a
 * match is caught, one without is a miss; a `clean` label with a match is a false finding.
 */
export function judge(labels: readonly Label[], findings: readonly JsonFinding[], familyOf: (label: Label) => Family | undefined): Judged[] {
  const byFile = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const key = f.file.replace(/\\/g, '/');
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  return labels.map((label) => ({
    label,
    family: familyOf(label),
    matches: (byFile.get(label.path) ?? []).filter(
      (f) => f.factor === label.factor && f.range.start.line + 1 <= label.line && label.line <= f.range.end.line + 1,
    ),
  }));
}

/** Tallies judged labels by a key (factor, family, or one overall row). */
export function tally<K extends string>(judged: readonly Judged[], keyOf: (j: Judged) => K | undefined): Map<K, Tally> {
  const rows = new Map<K, Tally>();
  for (const j of judged) {
    const key = keyOf(j);
    if (key === undefined) continue;
    const row = rows.get(key) ?? { problems: 0, caught: 0, clean: 0, falseFindings: 0 };
    if (j.label.verdict === 'problem') {
      row.problems++;
      if (j.matches.length > 0) row.caught++;
    } else {
      row.clean++;
      if (j.matches.length > 0) row.falseFindings++;
    }
    rows.set(key, row);
  }
  return rows;
}

/** Recall (caught / problems) and false-finding rate (false findings / clean labels), or undefined when there is nothing to divide. */
export function rates(t: Tally): { recall: number | undefined; falseRate: number | undefined } {
  return {
    recall: t.problems ? t.caught / t.problems : undefined,
    falseRate: t.clean ? t.falseFindings / t.clean : undefined,
  };
}
