/**
 * Types and names shared by the client and the server. The client bundle inlines this file, so it
 * imports nothing.
 */

/** The `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'twelve-factor';

/** Command ids contributed by the extension. */
export const Commands = {
  restartServer: 'twelveFactor.restartServer',
  showRuleDoc: 'twelveFactor.showRuleDoc',
} as const;

/** The code action kind of "fix all twelve-factor problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.twelveFactor';

/** The `twelveFactor` settings section as the server pulls it per resource. */
export interface TwelveFactorSettingsSection {
  enable?: boolean;
  rules?: Record<string, unknown>;
  trace?: { server?: string };
}

/** A text edit in LSP form, carried in `Diagnostic.data`. */
export interface DataTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** What every diagnostic carries in `data`: the rule and, when it has one, the rule's own fix. */
export interface DiagnosticData {
  ruleId: string;
  /** Line of the statement the finding belongs to, where "disable for this line" inserts its comment. */
  statementLine: number;
  fix?: { title: string; edits: DataTextEdit[]; otherFiles?: DataFileChange[] };
}

/** Edits to another file made by the same fix, in LSP form; `create` when the file does not exist yet. */
export interface DataFileChange {
  uri: string;
  create?: boolean;
  edits: DataTextEdit[];
}
