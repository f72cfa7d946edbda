import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findWorkspaceRoot, locateConfig, loadTeamConfig } from '../engine';
import type { TeamConfig } from '../engine/config/teamConfig';
import type { WorkspaceFiles } from '../engine/types';
import { isInsideFolder } from '../workspace/paths';

/** A file path from a `file:` URI, or undefined for other schemes (untitled, git, …). */
export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** The `file:` URI of a path. */
export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * The workspace folders and each root's team configuration, read from disk and cached until a
 * watched `.twelve-factor.yaml` changes. The committed file on disk is what CI reads too.
 */
export class WorkspaceFolders {
  private folders: string[] = [];
  private readonly teamConfigs = new Map<string, TeamConfig>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** Replaces the folder list (from initialize or a folder change). */
  setFolders(uris: string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.teamConfigs.clear();
  }

  /** All folder paths. */
  all(): readonly string[] {
    return this.folders;
  }

  /** The root a file belongs to: the innermost workspace folder containing it, else the nearest folder with a config. */
  rootFor(filePath: string): string {
    const folder = this.folders.find((f) => isInsideFolder(f, filePath));
    return folder ?? findWorkspaceRoot(filePath, (p) => fs.existsSync(p));
  }

  /** The team configuration of a root. */
  teamConfig(root: string): TeamConfig {
    let config = this.teamConfigs.get(root);
    if (!config) {
      config = loadTeamConfig(locateConfig(root, this.files).teamConfig, this.files);
      this.teamConfigs.set(root, config);
    }
    return config;
  }

  /** Drops cached team configurations (a config file changed). */
  clearTeamConfigs(): void {
    this.teamConfigs.clear();
  }
}
