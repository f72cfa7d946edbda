import * as path from 'node:path';
import type { FileChange, WorkspaceFiles } from '../../engine/types';

/** Reads a file's text, or undefined when it is absent. */
type ReadText = (absolutePath: string) => string | undefined;

/**
 * The change that appends `KEY=` (never a value: the template is committed) at the end of a .env
 * template, on a line of its own, in the file's line-break style; `create` when it does not exist.
 */
export function appendEnvKey(templatePath: string, text: string | undefined, key: string): FileChange {
  return appendEnvEntries(templatePath, text, [{ name: key }]);
}

/** A variable to declare in a `.env` template, with an example value only where one is safe (the old port). */
export interface EnvExampleEntry {
  name: string;
  value?: string;
}

/** Appends `NAME=value` lines at the end of a .env template, in its line-break style; `create` when it does not exist. */
export function appendEnvEntries(templatePath: string, text: string | undefined, entries: readonly EnvExampleEntry[]): FileChange {
  const current = text ?? '';
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lead = current !== '' && !current.endsWith('\n') ? eol : '';
  const lines = entries.map((e) => `${e.name}=${e.value ?? ''}${eol}`).join('');
  const change: FileChange = { path: templatePath, edits: [{ span: { start: current.length, end: current.length }, text: `${lead}${lines}` }] };
  if (text === undefined) change.create = true;
  return change;
}

/** Files that mark a project's root folder, where a new `.env.example` goes. */
const PROJECT_MARKERS = ['package.json', 'go.mod', 'pyproject.toml', 'requirements.txt', 'setup.py', 'Pipfile', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

/** How far up from a file the search for `.env.example` and a project root goes. */
const MAX_DEPTH = 8;

/**
 * The change that declares variables in the project's `.env.example`: the nearest one above the
 * file, or a new one in the nearest project root (else the file's folder). Undefined when every name
 * is declared (or documented in a comment) already.
 */
export function envExampleChange(workspace: WorkspaceFiles, filePath: string, entries: readonly EnvExampleEntry[]): FileChange | undefined {
  let projectRoot: string | undefined;
  let dir = path.dirname(filePath);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const candidate = path.join(dir, '.env.example');
    const text = workspace.readText(candidate);
    if (text !== undefined) return missingEntries(candidate, text, entries);
    if (!projectRoot && PROJECT_MARKERS.some((m) => workspace.readText(path.join(dir, m)) !== undefined)) projectRoot = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return appendEnvEntries(path.join(projectRoot ?? path.dirname(filePath), '.env.example'), undefined, entries);
}

/**
 * The change that declares variables in the `.env.example` beside a file (compose reads `.env` from
 * its own folder), creating it; undefined when every name is there already.
 */
export function besideEnvExampleChange(workspace: WorkspaceFiles, filePath: string, entries: readonly EnvExampleEntry[]): FileChange | undefined {
  const examplePath = path.join(path.dirname(filePath), '.env.example');
  const text = workspace.readText(examplePath);
  return text === undefined ? appendEnvEntries(examplePath, undefined, entries) : missingEntries(examplePath, text, entries);
}

function missingEntries(filePath: string, text: string, entries: readonly EnvExampleEntry[]): FileChange | undefined {
  const missing = entries.filter((e) => !mentionsEnvKey(text, e.name));
  return missing.length === 0 ? undefined : appendEnvEntries(filePath, text, missing);
}

/** True when a .env text sets or documents a key (`KEY=…`, `export KEY=…`, `# KEY=`). */
export function mentionsEnvKey(text: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[ \\t]*(#+[ \\t]*)?(export[ \\t]+)?${escaped}[ \\t]*[=:]`, 'm').test(text);
}

/** The nearest `.env.example` in a folder or above it, up to `top`; undefined when there is none. */
export function nearestEnvExample(dir: string, top: string, readText: ReadText): { path: string; text: string } | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.env.example');
    const text = readText(candidate);
    if (text !== undefined) return { path: candidate, text };
    if (current === path.resolve(top) || path.dirname(current) === current) return undefined;
  }
}
