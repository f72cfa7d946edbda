import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, ModelCache, ResolvedConfig, type LintOutput } from '../engine';
import type { WorkspaceFiles } from '../engine/types';
import { SourceFile } from '../parsing/sourceFile';
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
  private readonly results = new Map<string, DocumentResult>();

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly files: WorkspaceFiles,
    private readonly log: (message: string) => void,
  ) {}

  /** Lints a document at a file path with the settings that apply to it. */
  lint(document: TextDocument, filePath: string, settings: DocumentSettings): DocumentResult {
    const file = new SourceFile(filePath, document.getText(), document.version);
    const root = this.folders.rootFor(filePath);
    const config = new ResolvedConfig(this.folders.teamConfig(root), settings.rules);
    const output = lint({
      file,
      config,
      relativePath: path.relative(root, filePath).split(path.sep).join('/'),
      workspace: this.files,
      cache: this.models,
      log: this.log,
    });
    const result = { version: document.version, file, output };
    this.results.set(document.uri, result);
    return result;
  }

  /** The latest result of a document, if it matches the given version. */
  result(uri: string, version: number): DocumentResult | undefined {
    const result = this.results.get(uri);
    return result && result.version === version ? result : undefined;
  }

  /** Forgets a closed document. */
  forget(uri: string, filePath: string | undefined): void {
    this.results.delete(uri);
    if (filePath) this.models.delete(filePath);
  }
}

/** Workspace file access for the engine: open documents first (unsaved edits count), then the disk. */
export function workspaceFiles(openText: (filePath: string) => string | undefined): WorkspaceFiles {
  return {
    readText(filePath) {
      const open = openText(filePath);
      if (open !== undefined) return open;
      try {
        const stat = fs.statSync(filePath);
        return stat.isFile() && stat.size <= 4 * 1024 * 1024 ? fs.readFileSync(filePath, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
