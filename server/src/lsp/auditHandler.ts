import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { AuditCancelledError, type AuditProgress } from '../audit/auditControl';
import { auditFolders, type AuditResult, type FolderTarget, type SkippedFile } from '../audit/runAudit';
import { applyBaseline } from '../baseline/auditBaseline';
import type { BaselineFindings } from '../engine/config/configFiles';
import type { RuleSetting } from '../engine/config/teamConfig';
import type { Baselines } from './baselines';
import { matchesGlob } from '../engine/glob';
import type { AuditFolderParams, AuditParams, AuditReport, ExportParams, ExportResult } from '../protocol';
import { formatReport } from '../report';
import { readRuleDocs } from '../report/ruleDocs';
import type { AuditDiagnostics } from './auditDiagnostics';
import { toAuditReport } from './auditReport';
import type { SettingsCache } from './settingsCache';
import { pathToUri, uriToPath, type WorkspaceFolders } from './workspaceFolders';

/** What the audit handler needs from the server. */
export interface AuditHost {
  folders: WorkspaceFolders;
  settings: SettingsCache;
  /** The text of every open `file:` document, by absolute path. */
  openTexts(): Map<string, string>;
  diagnostics: AuditDiagnostics;
  /** The workspace roots' baselines, as live linting reads them. */
  baselines: Baselines;
  log(message: string): void;
  /** The folder of the server bundle, whose `docs/` holds the rule docs. */
  bundleDir: string;
}

/** How often progress is reported to the client at most. */
const PROGRESS_MS = 100;

/**
 * Serves `twelveFactor/audit` and `twelveFactor/exportAuditReport`. An audit walks the requested
 * folders by the CLI's rules plus `files.exclude`, reads open documents from the editor, reports
 * progress, stops when cancelled (or when a newer audit starts), publishes findings of closed files
 * to the Problems panel and keeps its result for export, which uses the CLI's generators.
 */
export class AuditHandler {
  private last?: { id: number; result: AuditResult };
  private nextId = 1;
  private supersede?: () => void;
  private ruleDocs?: Map<string, string>;

  constructor(private readonly host: AuditHost) {}

  /** Runs an audit; rejects with `RequestCancelled` when cancelled. */
  async audit(params: AuditParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<AuditReport> {
    this.supersede?.();
    let superseded = false;
    const supersede = (this.supersede = () => (superseded = true));
    const started = Date.now();
    progress.begin('Twelve-Factor audit', 0, 'Looking for files…', true);
    try {
      const { targets, editorRules, disabled, baselineFindings } = await this.plan(params.folders ?? []);
      const openTexts = this.host.openTexts();
      const audited = await auditFolders(targets, {
        openTexts,
        editorRules,
        log: this.host.log,
        control: { isCancelled: () => token.isCancellationRequested || superseded, onProgress: throttled(progress) },
      });
      audited.skipped.push(...disabled);
      const result = applyBaseline(audited, this.host.baselines.reader());
      const id = this.nextId++;
      this.last = { id, result };
      this.host.diagnostics.show(result, targets.map((t) => t.folder), new Set(openTexts.keys()), (root) => baselineFindings.get(root) ?? 'hint');
      const scope = targets.map((t) => displayName(t));
      this.host.log(`Audit of ${scope.join(', ')}: ${result.files} files in ${Date.now() - started} ms.`);
      return toAuditReport({ id, durationMs: Date.now() - started, scope }, result);
    } catch (error) {
      if (!(error instanceof AuditCancelledError)) throw error;
      this.host.log(`Audit cancelled after ${Date.now() - started} ms.`);
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The audit was cancelled.');
    } finally {
      if (this.supersede === supersede) this.supersede = undefined;
      progress.done();
    }
  }

  /** Renders the last audit as Markdown or SARIF, exactly as the CLI does for the same folder. */
  exportReport(params: ExportParams): ExportResult {
    if (!this.last || this.last.id !== params.id) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, 'This report is no longer the latest audit: run the audit again, then export.');
    }
    const ruleDocs = params.format === 'sarif' ? (this.ruleDocs ??= readRuleDocs(this.host.bundleDir)) : undefined;
    return { text: formatReport(params.format, this.last.result, { version, ruleDocs, srcRoot: this.last.result.root }) };
  }

  /** The folders to walk, each with its root, exclusions and the editor's rules; folders turned off are skipped. */
  private async plan(folders: AuditFolderParams[]) {
    const targets: FolderTarget[] = [];
    const editorRules = new Map<string, Map<string, RuleSetting>>();
    const baselineFindings = new Map<string, BaselineFindings>();
    const disabled: SkippedFile[] = [];
    for (const folder of folders) {
      const folderPath = uriToPath(folder.uri);
      if (!folderPath) continue;
      // Asked for a file inside the folder, so that a folder outside the workspace can be its own root.
      const root = (folder.rootUri && uriToPath(folder.rootUri)) || this.host.folders.rootFor(path.join(folderPath, '_'));
      const settings = await this.host.settings.get(pathToUri(root));
      const target: FolderTarget = { folder: folderPath, root, displayPrefix: folder.displayPrefix, exclude: excluder(root, folder.exclude ?? []) };
      if (!settings.enable) {
        disabled.push({ path: folderPath, displayPath: displayName(target), folder: true, reason: 'disabled' });
        continue;
      }
      editorRules.set(root, settings.rules);
      baselineFindings.set(root, settings.baselineFindings);
      targets.push(target);
    }
    return { targets, editorRules, disabled, baselineFindings };
  }
}

/** `files.exclude` as a walk exclusion: globs relative to the workspace folder, anchored as VS Code matches them. */
function excluder(root: string, globs: string[]): FolderTarget['exclude'] {
  if (globs.length === 0) return undefined;
  return (absPath) => {
    const rel = path.relative(root, absPath).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('../') && globs.some((glob) => matchesGlob(rel, glob, { anchored: true }));
  };
}

/** A folder as reports name it: relative to its root, with the multi-root prefix; a root by its name. */
function displayName(target: FolderTarget): string {
  const root = target.root ?? target.folder;
  const rel = path.relative(root, target.folder).split(path.sep).join('/');
  if (!rel) return target.displayPrefix ?? path.basename(root);
  return target.displayPrefix ? `${target.displayPrefix}/${rel}` : rel;
}

/** Turns audit progress into work-done reports with a file count, at most every {@link PROGRESS_MS}. */
function throttled(progress: WorkDoneProgressReporter): (p: AuditProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    if (p.phase === 'walking' || !p.total) progress.report(0, `Found ${p.done} files…`);
    else if (p.phase === 'indexing') progress.report(Math.floor((p.done / p.total) * 40), `Reading ${p.done} of ${p.total} files`);
    else progress.report(40 + Math.floor((p.done / p.total) * 60), `Checking ${p.done} of ${p.total} files`);
  };
}
