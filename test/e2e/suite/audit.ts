import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditReport } from '../../../server/src/protocol';
import { EXTENSION_ID, ours, waitFor, waitForDiagnostic, waitForNoDiagnostic, workspaceFile } from './helpers';

const UNPINNED = 'dependencies/unpinned-base-image';
const CRAFTED = '<img src=x onerror=alert(1)>.dockerfile';

/** The audit report panel's tab, if it is open. */
function reportTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('twelveFactor.auditReport'));
}

/** The CLI of the extension under test, run on the test workspace as CI would. */
function cli(...args: string[]): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  return execFileSync(process.execPath, [path.join(extension.extensionPath, 'server', 'out', 'cli.js'), 'audit', ...args, '--fail-on', 'none'], { cwd: folder, encoding: 'utf8' });
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** "Audit Workspace", "Audit Folder", the report panel, the Problems-panel handover and the exports. */
export function auditTests(): void {
  describe('audit', () => {
    const api = () => workspaceFile('audit', 'api.dockerfile');

    it('"Audit Workspace" opens the report and publishes findings of closed files; the Markdown export is the CLI\'s', async () => {
      await vscode.workspace.fs.writeFile(workspaceFile('audit', CRAFTED), new TextEncoder().encode('FROM python\n'));
      const report = await vscode.commands.executeCommand<AuditReport>('twelveFactor.auditWorkspace');
      assert.ok(report, 'the command returns the report');
      await waitFor('the audit report panel to open', () => reportTab());
      assert.equal(reportTab()!.label, 'Twelve-Factor Audit');
      assert.ok(report.findings.some((f) => f.path === 'audit/api.dockerfile' && f.ruleId === UNPINNED), JSON.stringify(report.findings.map((f) => f.path)));
      assert.ok(report.findings.some((f) => f.path === `audit/${CRAFTED}`));
      assert.equal(report.factors.length, 12);

      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === api().toString()), 'audit/api.dockerfile is not open');
      await waitForDiagnostic(api(), UNPINNED, () => true, 'published by the audit for a closed file');

      const target = workspaceFile('exports', 'audit.md');
      const written = await vscode.commands.executeCommand<vscode.Uri>('twelveFactor.exportReportMarkdown', target);
      assert.equal(written?.toString(), target.toString());
      const md = await readText(target);
      assert.ok(md.includes('\n- **warning** [audit/api.dockerfile:1](audit/api.dockerfile#L1): Base image "node" has no tag'), md);
      assert.match(md, /^\| \[II\. Dependencies\]\([^)\s]*\/dependencies\/README\.md\) \| \d+ \| [1-9]\d* \| \d+ \| [1-9]\d* \|$/m);
      assert.ok(md.includes('[audit/\\<img src=x onerror=alert(1)\\>.dockerfile:1](audit/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.dockerfile#L1)'), md);
      assert.equal(md, cli('.', '--format', 'markdown'), 'the export is what the CLI prints for the same folder');
    });

    it('live diagnostics take over a file when it opens, and the audit entry comes back from disk when it closes', async () => {
      const doc = await vscode.workspace.openTextDocument(api());
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 'FROM node'.length), 'FROM node:20.11-alpine'));
      await waitForNoDiagnostic(api(), UNPINNED, 'the unsaved text is pinned, and live diagnostics replace the audit entry');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitForDiagnostic(api(), UNPINNED, () => true, 'from the file on disk after closing it unsaved');
      assert.equal(ours(api(), UNPINNED).length, 1, 'one entry, not the live one and the audit one');
    });

    it('"Audit Folder" audits one folder; the SARIF export is the CLI\'s', async () => {
      const report = await vscode.commands.executeCommand<AuditReport>('twelveFactor.auditFolder', workspaceFile('audit'));
      assert.ok(report);
      assert.deepEqual([...new Set(report.findings.map((f) => f.path))].sort(), [`audit/${CRAFTED}`, 'audit/api.dockerfile']);
      assert.deepEqual(report.scope, ['audit']);
      const target = workspaceFile('exports', 'audit.sarif');
      await vscode.commands.executeCommand('twelveFactor.exportReportSarif', target);
      assert.equal(await readText(target), cli('audit', '--format', 'sarif'));
    });
  });
}
