import type { AuditFileResult, AuditResult } from '../audit/runAudit';
import { FACTORS, type Factor, type Severity } from '../engine/types';

/** Findings counted by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

/** What every report's summary says. */
export interface AuditSummary extends SeverityCounts {
  /** Files analysed. */
  files: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Counts of the factors that have findings (new or accepted), in the order of the twelve factors. */
  byFactor: { factor: Factor; counts: SeverityCounts; accepted: number }[];
  /** With a baseline: findings it accepted (not in the counts above) and entries whose finding is gone. */
  baseline?: { accepted: number; stale: number };
}

/** The factors' titles as 12factor.net numbers and names them. */
export const FACTOR_TITLES: Record<Factor, string> = {
  codebase: 'I. Codebase',
  dependencies: 'II. Dependencies',
  config: 'III. Config',
  'backing-services': 'IV. Backing services',
  'build-release-run': 'V. Build, release, run',
  processes: 'VI. Processes',
  'port-binding': 'VII. Port binding',
  concurrency: 'VIII. Concurrency',
  disposability: 'IX. Disposability',
  'dev-prod-parity': 'X. Dev/prod parity',
  logs: 'XI. Logs',
  'admin-processes': 'XII. Admin processes',
};

/** The factor's chapter on 12factor.net (its slugs are the factor ids). */
export function factorUrl(factor: Factor): string {
  return `https://12factor.net/${factor}`;
}

/** Counts an audit's findings by severity, file and factor. */
export function summarize(result: AuditResult): AuditSummary {
  const all = emptyCounts();
  const byFactor = new Map<Factor, SeverityCounts>();
  let filesWithFindings = 0;
  for (const file of result.results) {
    if (file.findings.length > 0) filesWithFindings++;
    for (const finding of file.findings) {
      add(all, finding.severity);
      let counts = byFactor.get(finding.factor);
      if (!counts) byFactor.set(finding.factor, (counts = emptyCounts()));
      add(counts, finding.severity);
    }
  }
  const accepted = new Map<Factor, number>();
  for (const file of result.baseline?.accepted ?? []) {
    for (const finding of file.findings) accepted.set(finding.factor, (accepted.get(finding.factor) ?? 0) + 1);
  }
  const summary: AuditSummary = {
    ...all,
    files: result.files,
    filesWithFindings,
    byFactor: FACTORS.filter((f) => byFactor.has(f) || accepted.has(f)).map((factor) => ({ factor, counts: byFactor.get(factor) ?? emptyCounts(), accepted: accepted.get(factor) ?? 0 })),
  };
  if (result.baseline) summary.baseline = { accepted: [...accepted.values()].reduce((a, b) => a + b, 0), stale: result.baseline.absent.length };
  return summary;
}

/**
 * What a baseline did, for the end of a report: `5 accepted in the baseline`, and how many of its
 * entries are stale (their finding was fixed). Undefined without a baseline.
 */
export function baselineLine(summary: AuditSummary): string | undefined {
  if (!summary.baseline) return undefined;
  const { accepted, stale } = summary.baseline;
  const staleText = stale === 0 ? '' : `; ${plural(stale, 'baseline entry').replace('entrys', 'entries')} no longer ${stale === 1 ? 'matches' : 'match'} a finding (fixed): run with --update-baseline to drop ${stale === 1 ? 'it' : 'them'}`;
  return `${accepted} accepted in the baseline${staleText}`;
}

/** `3 errors, 8 warnings, 1 info`. */
export function describeCounts(counts: SeverityCounts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

/** The closing line: `12 problems (3 errors, 8 warnings, 1 info) in 7 of 20 files`, or `No problems in 20 files`. */
export function summaryLine(summary: AuditSummary): string {
  if (summary.total === 0) return `No problems in ${plural(summary.files, 'file')}`;
  return `${plural(summary.total, 'problem')} (${describeCounts(summary)}) in ${summary.filesWithFindings} of ${plural(summary.files, 'file')}`;
}

/** `1 file`, `2 files`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A rule and how many findings it has. */
export interface RuleTally {
  ruleId: string;
  factor: Factor;
  count: number;
}

/** The rules with the most findings, most first (ties by id), at most `limit`. */
export function topRules(result: AuditResult, limit: number): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  for (const file of result.results) {
    for (const f of file.findings) {
      const tally = tallies.get(f.ruleId) ?? { ruleId: f.ruleId, factor: f.factor, count: 0 };
      tally.count++;
      tallies.set(f.ruleId, tally);
    }
  }
  return [...tallies.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1)).slice(0, limit);
}

/** The files with the most findings, most first (then the most errors, then walk order), at most `limit`. */
export function topFiles(result: AuditResult, limit: number): { file: AuditFileResult; counts: SeverityCounts }[] {
  const tallied = result.results
    .filter((r) => r.findings.length > 0)
    .map((file) => {
      const counts = emptyCounts();
      for (const f of file.findings) add(counts, f.severity);
      return { file, counts };
    });
  return tallied.sort((a, b) => b.counts.total - a.counts.total || b.counts.error - a.counts.error).slice(0, limit);
}

/** Most severe first, for sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, total: 0 };
}

function add(counts: SeverityCounts, severity: Severity) {
  counts[severity]++;
  counts.total++;
}
