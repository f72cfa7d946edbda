import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { findRule, ruleDocPath } from '../engine';
import type { LintOutput } from '../engine/lint';
import type { FileChange, Finding, Fix, Severity, WorkspaceFiles } from '../engine/types';
import { SourceFile } from '../parsing/sourceFile';
import { DIAGNOSTIC_SOURCE, type DataFileChange, type DataFix, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The `file:` URI of a rule's bundled doc (works offline, in the editor and in code-server). */
export function ruleDocHref(docsDir: string, ruleId: string): string {
  const key = `${docsDir}\n${ruleId}`;
  let href = docHrefs.get(key);
  if (href === undefined) {
    const rule = findRule(ruleId);
    href = pathToFileURL(ruleDocPath(docsDir, rule ?? { id: ruleId })).href;
    if (rule) docHrefs.set(key, href);
  }
  return href;
}

/** Each registered rule's doc URI, built once: every diagnostic of every keystroke carries one. */
const docHrefs = new Map<string, string>();

/** Turns an engine finding into an LSP diagnostic, carrying the rule's fix in `data`. */
export function toDiagnostic(finding: Finding, file: SourceFile, output: LintOutput, docsDir: string, workspace?: WorkspaceFiles): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, statementLine: output.statementLine(finding.span.start) };
  if (finding.fix) data.fix = toDataFix(finding.fix, file, workspace);
  if (finding.alternatives?.length) data.alternatives = finding.alternatives.map((fix) => toDataFix(fix, file, workspace));
  return diagnostic(finding, docsDir, data);
}

function toDataFix(fix: Fix, file: SourceFile, workspace: WorkspaceFiles | undefined): DataFix {
  const data: DataFix = { title: fix.title, edits: fix.edits.map((e) => ({ range: file.rangeOf(e.span), newText: e.text })) };
  const otherFiles = fix.otherFiles?.map((change) => toDataFileChange(change, workspace));
  if (otherFiles?.length) data.otherFiles = otherFiles;
  return data;
}

/**
 * The diagnostic of a finding the audit made in a file that is not open. It carries no fix: when the
 * file opens, its live diagnostics, with fixes, replace the audit's.
 */
export function auditDiagnostic(finding: Finding, docsDir: string): Diagnostic {
  return diagnostic(finding, docsDir, { ruleId: finding.ruleId, statementLine: finding.range.start.line });
}

function diagnostic(finding: Finding, docsDir: string, data: DiagnosticData): Diagnostic {
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

/** A fix's edit to another file, with ranges computed on that file's current text (empty when it is created). */
function toDataFileChange(change: FileChange, workspace: WorkspaceFiles | undefined): DataFileChange {
  const text = change.create ? '' : (workspace?.readText(change.path) ?? '');
  const other = new SourceFile(change.path, text);
  const out: DataFileChange = { uri: pathToFileURL(change.path).href, edits: change.edits.map((e) => ({ range: other.rangeOf(e.span), newText: e.text })) };
  if (change.create) out.create = true;
  return out;
}
