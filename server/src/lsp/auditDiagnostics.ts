import type { Diagnostic } from 'vscode-languageserver/node';
import type { AuditResult } from '../audit/runAudit';
import { detectKind } from '../parsing/fileKind';
import { asBaselineDiagnostic } from './baselines';
import { auditDiagnostic } from './diagnostics';
import { pathToUri } from './workspaceFolders';
import { isInsideFolder } from '../workspace/paths';

/** What the handover needs from the server. */
export interface AuditDiagnosticsHost {
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Lints a closed file from disk as live linting would; undefined when it is gone. */
  lintFromDisk(filePath: string): Promise<Diagnostic[] | undefined>;
  docsDir: string;
}

/** How many closed files a refresh lints before yielding, so that typing stays responsive. */
const REFRESH_BATCH = 20;

/**
 * The Problems-panel entries of audited files that are not open. Each file has one owner at a time:
 * while it is open, live diagnostics (published on open and on each edit) replace the audit's; when
 * it closes, it is linted again from disk and keeps an entry, because the audit listed it and the
 * disk now says what is true. A file changed on disk, or a configuration change, re-lints the closed
 * files; a deleted file loses its entry. Configuration files are left to their own publisher.
 */
export class AuditDiagnostics {
  /** Audited files (URI → path), with or without findings. */
  private readonly covered = new Map<string, string>();
  /** Files whose last published entry had findings, so that an empty result is published to clear them. */
  private readonly nonEmpty = new Set<string>();
  private generation = 0;

  constructor(private readonly host: AuditDiagnosticsHost) {}

  /**
   * Shows an audit's findings for the files that are not open, and drops the entries of files under
   * `folders` that the audit no longer lists. Files that were open when it started but are closed now
   * may have been closed unsaved, so they are linted again from disk instead.
   */
  show(result: AuditResult, folders: readonly string[], openAtStart: ReadonlySet<string>, baselineFindings: (root: string) => 'hint' | 'hide' = () => 'hint'): void {
    const current = new Set<string>();
    const accepted = new Map((result.baseline?.accepted ?? []).map((r) => [r.file, r.findings]));
    for (const r of result.results) {
      if (isConfigFile(r.file)) continue;
      const uri = pathToUri(r.file);
      current.add(uri);
      this.covered.set(uri, r.file);
      if (this.host.isOpen(uri)) continue;
      if (openAtStart.has(r.file)) void this.refresh(uri);
      else {
        const show = baselineFindings(r.root ?? '');
        const marked = (accepted.get(r.file) ?? []).flatMap((f) => asBaselineDiagnostic(auditDiagnostic(f, this.host.docsDir), show) ?? []);
        this.publish(uri, [...r.findings.map((f) => auditDiagnostic(f, this.host.docsDir)), ...marked]);
      }
    }
    for (const [uri, filePath] of this.covered) {
      if (current.has(uri) || !folders.some((folder) => isInsideFolder(folder, filePath))) continue;
      this.covered.delete(uri);
      if (!this.host.isOpen(uri)) this.publish(uri, []);
    }
  }

  /** Whether the audit listed a file. */
  covers(uri: string): boolean {
    return this.covered.has(uri);
  }

  /** An audited file closed or changed on disk: its entry is linted again from disk (cleared when it is gone). */
  async refresh(uri: string): Promise<void> {
    const filePath = this.covered.get(uri);
    if (filePath === undefined || this.host.isOpen(uri)) return;
    const diagnostics = await this.host.lintFromDisk(filePath);
    if (this.host.isOpen(uri) || !this.covered.has(uri)) return; // opened meanwhile: live diagnostics own it
    if (diagnostics === undefined) this.covered.delete(uri);
    // Always published: live diagnostics of a file that just closed must be replaced even by nothing.
    this.publish(uri, diagnostics ?? [], true);
  }

  /** The configuration changed: every closed audited file is linted again, in batches; a newer call abandons an older one. */
  async refreshAll(): Promise<void> {
    const generation = ++this.generation;
    let count = 0;
    for (const uri of [...this.covered.keys()]) {
      if (generation !== this.generation) return;
      await this.refresh(uri);
      if (++count % REFRESH_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Publishes an entry; an empty one only when it clears findings (or `always`), so that clean files cost no message. */
  private publish(uri: string, diagnostics: Diagnostic[], always = false): void {
    if (diagnostics.length === 0 && !always && !this.nonEmpty.has(uri)) return;
    if (diagnostics.length > 0) this.nonEmpty.add(uri);
    else this.nonEmpty.delete(uri);
    this.host.publish(uri, diagnostics);
  }
}

/** `.twelve-factor.yaml` and `.vscode/settings.json` have their own publisher, which lints them while closed. */
function isConfigFile(filePath: string): boolean {
  const kind = detectKind(filePath)?.kind;
  return kind === 'twelve-factor-config' || kind === 'vscode-settings';
}

