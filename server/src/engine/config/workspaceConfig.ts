import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../../parsing/fileKind';
import { isInsideFolder } from '../../workspace/paths';
import type { WorkspaceFiles } from '../types';
import { readSettingsJson, readTeamConfig } from './configFiles';
import { ResolvedConfig } from './resolvedConfig';
import type { RuleSetting } from './teamConfig';

/** Where a workspace's configuration files are, if they exist. */
export interface ConfigLocations {
  teamConfig?: string;
  settings?: string;
}

/** The team configuration file of a root (or an explicit one), and the root's `.vscode/settings.json`. */
export function locateConfig(root: string, workspace: WorkspaceFiles, explicitConfig?: string): ConfigLocations {
  const found = CONFIG_FILE_NAMES.map((n) => path.join(root, n)).find((p) => workspace.readText(p) !== undefined);
  // A committed config that links out of the workspace is someone else's policy: it is refused (and reported where it stands).
  const teamConfig = explicitConfig ?? (found && !linksOutsideRoot(found, root, workspace) ? found : undefined);
  const settings = path.join(root, '.vscode', 'settings.json');
  return { teamConfig, settings: workspace.readText(settings) !== undefined ? settings : undefined };
}

/**
 * True when a file of the workspace is a link that resolves outside its root (the workspace's own
 * folder counts as resolved too, so that a workspace reached through a linked folder still works).
 */
export function linksOutsideRoot(file: string, root: string, workspace: WorkspaceFiles): boolean {
  if (!workspace.realPath) return false;
  const real = workspace.realPath(file);
  const realRoot = workspace.realPath(root) ?? root;
  return real !== undefined && !isInsideFolder(realRoot, real);
}

/**
 * Loads the configuration the CLI uses for a root: `.twelve-factor.yaml` (or `explicitConfig`) and the
 * `twelveFactor.rules` of `.vscode/settings.json`, the same layers the editor resolves, so that the
 * editor and CI agree. Problems in those files are reported when the files themselves are linted.
 * The editor's audit passes the `twelveFactor.rules` it resolved (user, workspace and folder
 * settings) as `editorRules`, which then replace what `.vscode/settings.json` says.
 */
export function loadWorkspaceConfig(
  root: string,
  workspace: WorkspaceFiles,
  explicitConfig?: string,
  today?: string,
  editorRules?: Map<string, RuleSetting>,
): ResolvedConfig {
  const locations = locateConfig(root, workspace, explicitConfig);
  let settingsRules = editorRules;
  if (!settingsRules) {
    const settingsText = locations.settings ? workspace.readText(locations.settings) : undefined;
    settingsRules = settingsText !== undefined ? readSettingsJson(settingsText).value.rules : undefined;
  }
  return new ResolvedConfig(loadTeamConfig(locations.teamConfig, workspace), settingsRules ?? new Map(), today);
}

/** Loads a team config file; a missing or unreadable file gives the empty configuration. */
export function loadTeamConfig(file: string | undefined, workspace: WorkspaceFiles) {
  const text = file ? workspace.readText(file) : undefined;
  return readTeamConfig(text ?? '').value;
}

/**
 * The workspace root for a file that was not given one: the nearest folder upwards that holds a team
 * config, a `.vscode` folder or a `.git` folder; else the file's own folder.
 */
export function findWorkspaceRoot(filePath: string, exists: (p: string) => boolean): string {
  const start = path.dirname(path.resolve(filePath));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if ([...CONFIG_FILE_NAMES, '.vscode', '.git'].some((n) => exists(path.join(dir, n)))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
