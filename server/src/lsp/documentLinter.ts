import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentResults, lint, ModelCache, ResolvedConfig, unanalysableText, type LintOutput } from '../engine';
import type { RuleSetting, TeamConfig } from '../engine/config/teamConfig';
import type { WorkspaceFiles } from '../engine/types';
import { workspaceFilesOnDisk } from '../audit/auditFs';
import type { TextChange } from '../parsing/parsers';
import { SourceFile } from '../parsing/sourceFile';
import { extractFacts } from '../workspace/facts';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { DocumentSettings } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';

/** The last lint of a document version: what code actions and hovers read instead of linting again. */
export interface DocumentResult {
  version: number;
  file: SourceFile;
  output: LintOutput;
}

/**
 * Lints open documents with the engine, keeping one parse per document version (ModelCache) and the
 * latest result per document.
 */
export class DocumentLinter {
  private readonly models = new ModelCache();
  /** Findings of document rules per YAML document: a keystroke checks the edited document again, not all of them. */
  private readonly documentResults = new DocumentResults();
  private readonly results = new Map<string, DocumentResult>();
  private readonly configs = new WeakMap<TeamConfig, WeakMap<Map<string, RuleSetting>, ResolvedConfig>>();

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly files: WorkspaceFiles,
    private readonly log: (message: string) => void,
    private readonly index: WorkspaceIndex = new WorkspaceIndex(),
    /** Called when a document's cross-file facts changed, so that other documents are linted again. */
    private readonly onFactsChanged: (uri: string) => void = () => undefined,
  ) {}

  /** Lints a document at a file path with the settings that apply to it. */
  lint(document: TextDocument, filePath: string, settings: DocumentSettings): DocumentResult {
    const file = new SourceFile(filePath, document.getText(), document.version);
    const root = this.folders.rootFor(filePath);
    const config = this.resolvedConfig(this.folders.teamConfig(root), settings.rules);
    const output = lint({
      file,
      config,
      relativePath: path.relative(root, filePath).split(path.sep).join('/'),
      workspace: this.files,
      cache: this.models,
      documentResults: this.documentResults,
      log: this.log,
      index: this.index,
    });
    if (output.kind && output.model !== undefined) {
      const facts = extractFacts(output.kind.kind, output.model, file);
      if (facts && this.index.set(filePath, output.kind.kind, facts)) this.onFactsChanged(document.uri);
    }
    const result = { version: document.version, file, output };
    this.results.set(document.uri, result);
    return result;
  }

  /**
   * The resolved configuration of a team config and a settings object. Both come from caches that are
   * replaced on change, so their identity is the key and nothing is resolved again per keystroke.
   */
  private resolvedConfig(team: TeamConfig, rules: Map<string, RuleSetting>): ResolvedConfig {
    let byRules = this.configs.get(team);
    if (!byRules) this.configs.set(team, (byRules = new WeakMap()));
    let config = byRules.get(rules);
    if (!config) byRules.set(rules, (config = new ResolvedConfig(team, rules)));
    return config;
  }

  /** The latest result of a document, if it matches the given version. */
  result(uri: string, version: number): DocumentResult | undefined {
    const result = this.results.get(uri);
    return result && result.version === version ? result : undefined;
  }

  /** Tells the parsed model of an open document about one change of its text, for incremental reparsing. */
  documentChanged(filePath: string, change: TextChange): void {
    this.models.edit(filePath, change);
  }

  /** A document was saved: its next lint parses the text afresh, as the CLI would; true when that can change its diagnostics. */
  documentSaved(filePath: string): boolean {
    return this.models.reparseAfresh(filePath);
  }

  /** Forgets a closed document. */
  forget(uri: string, filePath: string | undefined): void {
    this.results.delete(uri);
    if (filePath) {
      this.models.delete(filePath);
      this.documentResults.delete(filePath);
    }
  }
}

/** Workspace file access for the engine: open documents first (unsaved edits count), then the disk as the CLI reads it. */
export function workspaceFiles(openText: (filePath: string) => string | undefined): WorkspaceFiles {
  const disk = workspaceFilesOnDisk();
  return {
    readText(filePath) {
      const open = openText(filePath);
      if (open === undefined) return disk.readText(filePath);
      return unanalysableText(open) === 'tooLarge' ? undefined : open;
    },
    realPath: (filePath) => disk.realPath?.(filePath),
  };
}
