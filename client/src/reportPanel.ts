import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Commands, ENV_PLACE_LISTS, type AuditReport, type EnvPlaceList, type ReportEnvPlace } from '../../server/src/protocol';
import { reportHtml } from './reportHtml';

/** The webview type of the audit report, as VS Code names its panels. */
export const REPORT_VIEW_TYPE = 'twelveFactor.auditReport';

/** What the page may ask for; anything else is ignored. */
type PageMessage =
  | { type: 'openFinding'; index: number }
  | { type: 'openFile'; index: number }
  /** A variable of the env contract section: its service's row, its list (or `service` for the row's own place), its index there. */
  | { type: 'openEnvPlace'; row: number; list: EnvPlaceList | 'service'; index: number }
  /** A rule id, or a factor id for the factor's page. */
  | { type: 'showRuleDoc'; ruleId: string }
  | { type: 'export'; format: 'markdown' | 'sarif' };

/**
 * The audit report panel: one webview, replaced by each new audit. The page only posts indexes and
 * rule ids; the extension looks the finding up in the report it rendered, so that the page cannot
 * make it open an arbitrary URI.
 */
export class ReportPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private report?: AuditReport;

  /** Shows a report, opening the panel or bringing it to the front. */
  show(report: AuditReport): void {
    this.report = report;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Twelve-Factor Audit', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.handle(message));
    } else {
      this.panel.reveal();
    }
    this.panel.webview.html = reportHtml(report, { nonce: randomBytes(16).toString('base64') });
  }

  private async handle(message: unknown): Promise<void> {
    const report = this.report;
    if (!report || !isPageMessage(message)) return;
    if (message.type === 'openFinding') {
      const finding = report.findings[message.index];
      if (!finding) return;
      const { start, end } = finding.range;
      await open(finding.uri, new vscode.Range(start.line, start.character, end.line, end.character));
    } else if (message.type === 'openFile') {
      const file = report.topFiles[message.index];
      const first = file && report.findings.find((f) => f.uri === file.uri);
      if (first) await open(first.uri, new vscode.Range(first.range.start.line, first.range.start.character, first.range.end.line, first.range.end.character));
    } else if (message.type === 'openEnvPlace') {
      const place = envPlace(report, message);
      if (place) await open(place.uri, new vscode.Range(place.line, 0, place.line, 0));
    } else if (message.type === 'showRuleDoc') {
      await vscode.commands.executeCommand(Commands.showRuleDoc, message.ruleId);
    } else {
      await vscode.commands.executeCommand(message.format === 'sarif' ? Commands.exportReportSarif : Commands.exportReportMarkdown);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Opens a file beside the report with the range selected. */
async function open(uri: string, selection: vscode.Range): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** The place a page message names in the report's env contract, if any. */
function envPlace(report: AuditReport, message: { row: number; list: EnvPlaceList | 'service'; index: number }): ReportEnvPlace | undefined {
  const service = report.envContract?.[message.row];
  if (!service) return undefined;
  return message.list === 'service' ? service.at : service[message.list][message.index];
}

function isPageMessage(message: unknown): message is PageMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'openFinding':
    case 'openFile':
      return Number.isInteger(m.index);
    case 'openEnvPlace':
      return Number.isInteger(m.row) && Number.isInteger(m.index) && (m.list === 'service' || (ENV_PLACE_LISTS as readonly unknown[]).includes(m.list));
    case 'showRuleDoc':
      return typeof m.ruleId === 'string';
    case 'export':
      return m.format === 'markdown' || m.format === 'sarif';
    default:
      return false;
  }
}
