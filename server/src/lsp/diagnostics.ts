import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { findRule, ruleDocPath } from '../engine';
import type { LintOutput } from '../engine/lint';
import type { Finding, Severity } from '../engine/types';
import type { SourceFile } from '../parsing/sourceFile';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The `file:` URI of a rule's bundled doc (works offline, in the editor and in code-server). */
export function ruleDocHref(docsDir: string, ruleId: string): string {
  const rule = findRule(ruleId);
  return pathToFileURL(ruleDocPath(docsDir, rule ?? { id: ruleId })).href;
}

/** Turns an engine finding into an LSP diagnostic, carrying the rule's fix in `data`. */
export function toDiagnostic(finding: Finding, file: SourceFile, output: LintOutput, docsDir: string): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, statementLine: output.statementLine(finding.span.start) };
  if (finding.fix) {
    data.fix = {
      title: finding.fix.title,
      edits: finding.fix.edits.map((e) => ({ range: file.rangeOf(e.span), newText: e.text })),
    };
  }
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocHref(docsDir, finding.ruleId) },
    message: finding.message,
    data,
  };
}
