import type { Fingerprint } from './fingerprint';

/** Whether a finding was accepted in the baseline (`unchanged`) or not (`new`), as SARIF's `baselineState` names it. */
export type BaselineState = 'new' | 'unchanged';

/** A finding as the matcher sees it. */
export interface FingerprintedFinding {
  ruleId: string;
  fingerprint: Fingerprint;
}

/** The outcome for one file: a state per finding, in order, and the entries no finding matched. */
export interface FileMatch {
  states: BaselineState[];
  /** Baseline entries whose finding is gone (fixed, or its flagged text changed), by rule id. */
  absent: { ruleId: string; fingerprint: Fingerprint }[];
}

type Fits = (entry: Fingerprint, finding: Fingerprint) => boolean;

/**
 * Looser matches after the exact one, surest first: the flagged text with one of its neighbours (a
 * line next to it was edited), then the text alone. They pair an entry with a finding only when
 * neither has another partner that fits, so a copy of accepted text elsewhere (other neighbours)
 * never takes the acceptance of the original.
 */
const LOOSE: readonly Fits[] = [(e, f) => e.above === f.above || e.below === f.below, (e, f) => e.text === f.text];

/**
 * Matches one file's findings against its baseline entries, rule by rule: first exactly (the text
 * and both neighbours; identical twins pair up one to one), then loosely. Entries are kept per
 * file, so a finding moved to another file is new there.
 */
export function matchFile(entries: ReadonlyMap<string, readonly Fingerprint[]> | undefined, findings: readonly FingerprintedFinding[]): FileMatch {
  const states: BaselineState[] = findings.map(() => 'new');
  const absent: FileMatch['absent'] = [];
  for (const [ruleId, accepted] of entries ?? []) {
    let open = findings.flatMap((f, i) => (f.ruleId === ruleId ? [i] : []));
    let left = [...accepted];
    const pair = (entry: Fingerprint, finding: number) => {
      states[finding] = 'unchanged';
      open = open.filter((i) => i !== finding);
      left = left.filter((x) => x !== entry);
    };
    for (const entry of [...left]) {
      const twin = open.find((i) => exact(entry, findings[i].fingerprint));
      if (twin !== undefined) pair(entry, twin);
    }
    for (const fits of LOOSE) {
      for (const entry of [...left]) {
        const candidates = open.filter((i) => fits(entry, findings[i].fingerprint));
        if (candidates.length !== 1) continue;
        const rivals = left.filter((x) => fits(x, findings[candidates[0]].fingerprint));
        if (rivals.length === 1) pair(entry, candidates[0]);
      }
    }
    for (const fingerprint of left) absent.push({ ruleId, fingerprint });
  }
  return { states, absent };
}

function exact(a: Fingerprint, b: Fingerprint): boolean {
  return a.text === b.text && a.above === b.above && a.below === b.below;
}
