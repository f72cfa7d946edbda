import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { automaticFixes, combineFixes, directiveText } from '../engine';
import { asLineComment } from '../parsing/commentSyntax';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type DataFix, type DiagnosticData } from '../protocol';
import type { DocumentResult } from './documentLinter';

/**
 * Code actions for the diagnostics in the request: each rule's own fix (preferred), "disable for this
 * line", "disable for this file" and "show documentation"; and `source.fixAll.twelveFactor`. Built
 * generically from `Diagnostic.data`: no rule names, no message text.
 */
export function codeActions(params: CodeActionParams, result: DocumentResult | undefined): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const diagnostics = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && isData(d.data));
    for (const diagnostic of diagnostics) {
      const data = diagnostic.data as DiagnosticData;
      if (data.fix) {
        actions.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: fixEdit(uri, data.fix),
        });
      }
      for (const alternative of data.alternatives ?? []) {
        actions.push({ title: alternative.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: fixEdit(uri, alternative) });
      }
    }
    for (const diagnostic of diagnostics) {
      const data = diagnostic.data as DiagnosticData;
      if (result?.output.kind) {
        actions.push(disableAction(uri, diagnostic, data, result, 'next-line'));
        actions.push(disableAction(uri, diagnostic, data, result, 'file'));
      }
      actions.push({
        title: `Show documentation for ${data.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.ruleId}`, command: Commands.showRuleDoc, arguments: [data.ruleId] },
      });
    }
  }

  if (result && (wants(FIX_ALL_KIND) || (only?.includes(CodeActionKind.SourceFixAll) ?? false))) {
    const edits = fixAllEdits(result);
    if (edits.length > 0) {
      actions.push({ title: 'Fix all safely fixable twelve-factor problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}

/** The combined, non-overlapping edits of every automatic fix in a document's latest result. */
export function fixAllEdits(result: DocumentResult): TextEdit[] {
  const fixes = automaticFixes(result.output.findings.flatMap((f) => (f.fix ? [f.fix] : [])));
  return combineFixes(fixes).map((e) => ({ range: result.file.rangeOf(e.span), newText: e.text }));
}

function disableAction(uri: string, diagnostic: Diagnostic, data: DiagnosticData, result: DocumentResult, scope: 'next-line' | 'file'): CodeAction {
  const { file, output } = result;
  const comment = asLineComment(output.kind!, directiveText(scope, data.ruleId));
  let edit: TextEdit;
  if (scope === 'next-line') {
    const line = data.statementLine;
    const indent = /^[ \t]*/.exec(file.lineText(line))?.[0] ?? '';
    const at = file.rangeOf({ start: file.lineSpan(line).start, end: file.lineSpan(line).start });
    edit = { range: at, newText: `${indent}${comment}${file.eol}` };
  } else if (output.headerEnd > 0) {
    const at = file.rangeOf({ start: output.headerEnd, end: output.headerEnd });
    edit = { range: at, newText: `${file.eol}${comment}` };
  } else {
    edit = { range: file.rangeOf({ start: 0, end: 0 }), newText: `${comment}${file.eol}` };
  }
  const title = scope === 'next-line' ? `Disable ${data.ruleId} for this line` : `Disable ${data.ruleId} for this file`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } };
}

/**
 * The workspace edit of a rule's fix. A fix that also touches other files (`.env.example`,
 * `.gitignore`) becomes `documentChanges`, creating a missing file first, so that one undo-able
 * change carries it all.
 */
function fixEdit(uri: string, fix: DataFix): WorkspaceEdit {
  if (!fix.otherFiles?.length) return { changes: { [uri]: fix.edits } };
  const documentChanges: WorkspaceEdit['documentChanges'] = [{ textDocument: { uri, version: null }, edits: fix.edits }];
  for (const other of fix.otherFiles) {
    if (other.create) documentChanges.push({ kind: 'create', uri: other.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: other.uri, version: null }, edits: other.edits });
  }
  return { documentChanges };
}

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).ruleId === 'string';
}
