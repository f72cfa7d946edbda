import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { lint, ResolvedConfig } from '../engine';
import type { WorkspaceFiles } from '../engine/types';
import { CONFIG_FILE_NAMES } from '../parsing/fileKind';
import { SourceFile } from '../parsing/sourceFile';
import { toDiagnostic } from './diagnostics';
import { pathToUri, type WorkspaceFolders } from './workspaceFolders';

/**
 * Diagnostics for each root's `.twelve-factor.yaml` and `.vscode/settings.json` while they are not
 * open in the editor (open ones are linted like any document). A bad key shows in the file that holds
 * it even when nobody has it open, because the defaults silently apply meanwhile.
 */
export class ConfigFileDiagnostics {
  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly files: WorkspaceFiles,
    private readonly isOpen: (uri: string) => boolean,
    private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void,
  ) {}

  /** Lints every root's configuration files from disk and publishes the result (an empty list clears). */
  publishAll(): void {
    const docsDir = path.join(__dirname, 'docs');
    for (const root of this.folders.all()) {
      const config = new ResolvedConfig(this.folders.teamConfig(root));
      for (const filePath of [...CONFIG_FILE_NAMES.map((n) => path.join(root, n)), path.join(root, '.vscode', 'settings.json')]) {
        const uri = pathToUri(filePath);
        if (this.isOpen(uri)) continue;
        const text = this.files.readText(filePath);
        if (text === undefined) {
          this.publish(uri, []);
          continue;
        }
        const file = new SourceFile(filePath, text);
        const relativePath = path.relative(root, filePath).split(path.sep).join('/');
        const output = lint({ file, config, relativePath, workspace: this.files });
        this.publish(uri, output.findings.map((f) => toDiagnostic(f, file, output, docsDir)));
      }
    }
  }
}
