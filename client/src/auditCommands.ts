import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { AUDIT_REQUEST, Commands, EXPORT_REQUEST, type AuditFolderParams, type AuditReport, type ExportResult } from '../../server/src/protocol';
import { ReportPanel } from './reportPanel';

type ExportFormat = 'markdown' | 'sarif';

const EXPORTS: Record<ExportFormat, { file: string; filters: Record<string, string[]> }> = {
  markdown: { file: 'twelve-factor-audit.md', filters: { Markdown: ['md'] } },
  sarif: { file: 'twelve-factor-audit.sarif', filters: { SARIF: ['sarif', 'json'] } },
};

/**
 * The audit commands: "Audit Workspace", "Audit Folder" (also from the Explorer), and the two exports.
 * Each command returns what it produced (the report, the written file), so that tests need no dialog.
 */
export function registerAuditCommands(client: LanguageClient): vscode.Disposable[] {
  const panel = new ReportPanel();
  let last: { report: AuditReport; folders: vscode.Uri[] } | undefined;

  const audit = async (folders: vscode.Uri[]): Promise<AuditReport | undefined> => {
    if (folders.length === 0) {
      void vscode.window.showWarningMessage('Twelve-Factor: open a folder to audit.');
      return undefined;
    }
    const report = await runAudit(client, folders);
    if (!report) return undefined;
    last = { report, folders };
    panel.show(report);
    return report;
  };

  const exportReport = async (format: ExportFormat, target: unknown): Promise<vscode.Uri | undefined> => {
    const report = last?.report ?? (await audit(workspaceFolders()));
    if (!report) return undefined;
    const uri = target instanceof vscode.Uri ? target : await askWhere(format);
    if (!uri) return undefined;
    const render = (id: number) => client.sendRequest<ExportResult>(EXPORT_REQUEST, { id, format });
    let result: ExportResult;
    try {
      result = await render(report.id);
    } catch (error) {
      // The server forgot the audit (it restarted): audit the same folders again and export that.
      if (!(error instanceof ResponseError) || !last) throw error;
      const fresh = await audit(last.folders);
      if (!fresh) return undefined;
      result = await render(fresh.id);
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    void vscode.window.showInformationMessage(`Twelve-Factor: exported the audit report to ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
  };

  return [
    panel,
    vscode.commands.registerCommand(Commands.auditWorkspace, () => audit(workspaceFolders())),
    vscode.commands.registerCommand(Commands.auditFolder, async (clicked?: unknown, selected?: unknown) => {
      // From the Explorer: the clicked folder, or every selected folder (a selection may hold files too).
      const given = Array.isArray(selected) && selected.length > 0 ? selected : clicked !== undefined ? [clicked] : [];
      const chosen = given.length > 0 ? await foldersOf(given) : await askFolder();
      return chosen?.length ? audit(chosen) : undefined;
    }),
    vscode.commands.registerCommand(Commands.exportReportMarkdown, (target?: unknown) => exportReport('markdown', target)),
    vscode.commands.registerCommand(Commands.exportReportSarif, (target?: unknown) => exportReport('sarif', target)),
  ];
}

/**
 * Sends the audit request under a cancellable notification that shows the server's file count.
 * Cancelling cancels the request, which stops the server's work. Resolves undefined when cancelled.
 */
function runAudit(client: LanguageClient, folders: vscode.Uri[]): Thenable<AuditReport | undefined> {
  const title = 'Twelve-Factor audit';
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    let shown = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? shown;
      progress.report({ message: value.message, increment: Math.max(0, percentage - shown) });
      shown = Math.max(shown, percentage);
    });
    try {
      return await client.sendRequest<AuditReport>(AUDIT_REQUEST, { folders: folders.map(folderParams), workDoneToken }, token);
    } catch (error) {
      if (token.isCancellationRequested || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) return undefined;
      throw error;
    } finally {
      listener.dispose();
    }
  });
}

/** What the server needs to know of a folder: its workspace folder, the name reports give it, and `files.exclude`. */
function folderParams(folder: vscode.Uri): AuditFolderParams {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const exclude = vscode.workspace.getConfiguration('files', workspaceFolder?.uri ?? folder).get<Record<string, unknown>>('exclude') ?? {};
  return {
    uri: folder.toString(),
    rootUri: workspaceFolder?.uri.toString(),
    displayPrefix: multiRoot && workspaceFolder ? workspaceFolder.name : undefined,
    // `{ "when": … }` entries depend on sibling files; only plain `true` entries hide a path everywhere.
    exclude: Object.keys(exclude).filter((glob) => exclude[glob] === true),
  };
}

function workspaceFolders(): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri);
}

async function foldersOf(candidates: unknown[]): Promise<vscode.Uri[]> {
  const folders: vscode.Uri[] = [];
  for (const candidate of candidates) {
    if (!(candidate instanceof vscode.Uri)) continue;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(candidate)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory) folders.push(candidate);
  }
  return folders;
}

async function askFolder(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Audit', defaultUri: workspaceFolders()[0] });
}

async function askWhere(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = workspaceFolders()[0];
  const { file, filters } = EXPORTS[format];
  return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined, filters, saveLabel: 'Export' });
}
