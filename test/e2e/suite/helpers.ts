import * as vscode from 'vscode';

/** The `source` of every diagnostic the extension publishes. */
export const SOURCE = 'twelve-factor';
/** The extension under test. */
export const EXTENSION_ID = 'twelve-factor-guide.twelve-factor-guide';
/** Default deadline of one wait. Mocha's per-test timeout is longer, so a wait reports what it awaited. */
export const WAIT_MS = 20_000;

/** The rule id of a diagnostic (`code` is `{ value, target }` when the server sends a codeDescription). */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The extension's diagnostics of a file, optionally of one rule. */
export function ours(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (ruleId === undefined || ruleIdOf(d) === ruleId));
}

/** One line per diagnostic of a file, for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '  (no diagnostics)';
  return all
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? '?'}] ${ruleIdOf(d) ?? '-'} (${vscode.DiagnosticSeverity[d.severity]}): ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the first truthy value of `probe`, checked now, on every diagnostics change and on a
 * short poll (for states that fire no event, such as extension activation). Rejects after `timeoutMs`
 * with a message naming `what` was awaited, plus `detail()` when given.
 */
export function waitFor<T>(what: string, probe: () => T | undefined | false, options: { timeoutMs?: number; detail?: () => string } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(deadline);
      subscription.dispose();
      fn();
    };
    const check = () => {
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    const poll = setInterval(check, 200);
    const deadline = setTimeout(() => {
      const detail = options.detail ? `\n${options.detail()}` : '';
      finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`)));
    }, timeoutMs);
    check();
  });
}

/** Waits until the file has a diagnostic of `ruleId` (and passes `extra`), and returns it. */
export function waitForDiagnostic(uri: vscode.Uri, ruleId: string, extra: (d: vscode.Diagnostic) => boolean = () => true, what = ''): Promise<vscode.Diagnostic> {
  return waitFor(`a ${ruleId} diagnostic${what ? ` ${what}` : ''} in ${vscode.workspace.asRelativePath(uri)}`,
    () => ours(uri, ruleId).find(extra), { detail: () => `current diagnostics:\n${describeDiagnostics(uri)}` });
}

/** Waits until the file has no diagnostic of `ruleId`. */
export async function waitForNoDiagnostic(uri: vscode.Uri, ruleId: string, why: string): Promise<void> {
  await waitFor(`the ${ruleId} diagnostic in ${vscode.workspace.asRelativePath(uri)} to go away (${why})`,
    () => ours(uri, ruleId).length === 0, { detail: () => `current diagnostics:\n${describeDiagnostics(uri)}` });
}

/** A file of the test workspace (a temp copy: the suites may edit it). */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (the launcher opens a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a workspace file in an editor, as a user would. */
export async function openFile(...segments: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The code actions the editor would offer for a range (resolving lazily filled edits). */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, undefined, 100);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** One line per code action, for failure messages. */
export function describeActions(actions: vscode.CodeAction[]): string {
  return actions
    .map((a) => `  "${a.title}" kind=${a.kind?.value ?? '-'}${a.isPreferred ? ' preferred' : ''}${a.edit ? ' (edit)' : ''}`)
    .join('\n');
}

/** Applies a code action's workspace edit through the editor, and fails when there is none. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action "${action.title}" has no edit`);
  const applied = await vscode.workspace.applyEdit(action.edit);
  if (!applied) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
}

/** Replaces the whole text of an open document through the editor, and saves it. */
export async function replaceAndSave(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${doc.uri.fsPath}`);
  if (!(await doc.save())) throw new Error(`could not save ${doc.uri.fsPath}`);
}
