import type { AuditResult } from '../audit/runAudit';
import { SKIP_REASONS } from '../audit/walk';
import { FACTORS } from '../engine/types';
import type { AuditReport, ReportEnvPlace, ReportEnvService, ReportFactor } from '../protocol';
import { envPlaceNamer, type EnvContractRow, type EnvPlace } from '../report/envContractReport';
import { FACTOR_TITLES, summarize, summaryLine, topFiles, topRules } from '../report/summary';
import { pathToUri } from './workspaceFolders';

/** How many rules and files the report view ranks. */
export const TOP_COUNT = 10;

/** Identifies an audit and how it ran, besides its result. */
export interface AuditRun {
  id: number;
  durationMs: number;
  /** The audited folders, as reports name them. */
  scope: string[];
}

/**
 * The report view's model of an audit: the same counts as the CLI's summary (all twelve factors,
 * the most frequent rules, the files with the most findings), every finding with its file URI, and
 * what was skipped, in words. Plain data; the client only renders it.
 */
export function toAuditReport(run: AuditRun, result: AuditResult): AuditReport {
  const summary = summarize(result);
  const byFactor = new Map(summary.byFactor.map((f) => [f.factor, f]));
  const factors: ReportFactor[] = FACTORS.map((factor) => ({
    factor,
    title: FACTOR_TITLES[factor],
    ...(byFactor.get(factor)?.counts ?? { error: 0, warning: 0, info: 0, total: 0 }),
    ...(summary.baseline ? { baseline: byFactor.get(factor)?.accepted ?? 0 } : {}),
  }));
  return {
    id: run.id,
    finishedAt: new Date().toISOString(),
    durationMs: run.durationMs,
    scope: run.scope,
    files: summary.files,
    filesWithFindings: summary.filesWithFindings,
    summary: summaryLine(summary),
    totals: { error: summary.error, warning: summary.warning, info: summary.info, total: summary.total },
    factors,
    topRules: topRules(result, TOP_COUNT),
    topFiles: topFiles(result, TOP_COUNT).map(({ file, counts }) => ({ uri: pathToUri(file.file), path: file.displayPath, ...counts })),
    findings: result.results.flatMap((r) => {
      const uri = pathToUri(r.file);
      return r.findings.map((f) => ({ uri, path: r.displayPath, range: f.range, ruleId: f.ruleId, factor: f.factor, severity: f.severity, message: f.message }));
    }),
    skipped: result.skipped.map((s) => ({ path: s.displayPath, folder: s.folder, reason: SKIP_REASONS[s.reason] })),
    ...(result.envContract?.length ? { envContract: envServices(result.envContract, envPlaceNamer(result)) } : {}),
    ...(summary.baseline && result.baseline ? { baseline: { ...summary.baseline, files: result.baseline.files } } : {}),
  };
}

/** The Markdown export's "Environment contract" rows, with URIs and 0-based lines for the page's links. Names only, never values. */
function envServices(rows: readonly EnvContractRow[], name: (file: string) => string): ReportEnvService[] {
  const place = (p: EnvPlace): ReportEnvPlace => ({ name: p.name, uri: pathToUri(p.file), path: name(p.file), line: Math.max(0, p.line - 1) });
  return rows.map((row) => ({
    service: row.service,
    platform: row.platform,
    at: place({ name: row.service, file: row.file, line: row.line }),
    read: row.read.map(place),
    provided: row.provided.map(place),
    missing: row.missing.map(place),
    unused: row.unused.map(place),
  }));
}
