import type { AuditResult } from '../audit/runAudit';
import type { Range } from '../parsing/sourceFile';

/** One finding in the JSON report. */
export interface JsonFinding {
  /** Relative to the audited folder, or the path as given. */
  file: string;
  /** 0-based, as in LSP. */
  range: Range;
  ruleId: string;
  factor: string;
  severity: string;
  message: string;
}

/** The JSON report's shape: a stable contract for scripts, so nothing else goes in. */
export interface JsonReport {
  files: number;
  findings: JsonFinding[];
}

/** The machine report: `{ files, findings: [{ file, range, ruleId, factor, severity, message }] }` with 0-based positions. */
export function formatJson(result: AuditResult): string {
  const report: JsonReport = {
    files: result.files,
    findings: result.results.flatMap((r) =>
      r.findings.map((f) => ({
        file: r.displayPath,
        range: { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
        ruleId: f.ruleId,
        factor: f.factor,
        severity: f.severity,
        message: f.message,
      })),
    ),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
