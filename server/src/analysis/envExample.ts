import * as path from 'node:path';
import type { FileChange, WorkspaceFiles } from '../engine/types';

/** Files that mark a project's root folder, where a new `.env.example` goes. */
const PROJECT_MARKERS = ['package.json', 'go.mod', 'pyproject.toml', 'requirements.txt', 'setup.py', 'Pipfile', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

/** How far up from a file the search for `.env.example` and a project root goes. */
const MAX_DEPTH = 8;

/** A variable to declare in `.env.example`, with an example value (empty for secrets). */
export interface EnvExampleEntry {
  name: string;
  value?: string;
}

/**
 * The change that declares variables in the project's `.env.example` (`NAME=` lines, with an example
 * value only where one is safe, such as the old port):
 * the nearest one above the file, or a new one in the nearest project root (else the file's folder).
 * Undefined when every name is declared already.
 */
export function envExampleChange(workspace: WorkspaceFiles, filePath: string, entries: readonly EnvExampleEntry[]): FileChange | undefined {
  let projectRoot: string | undefined;
  let dir = path.dirname(filePath);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const candidate = path.join(dir, '.env.example');
    const text = workspace.readText(candidate);
    if (text !== undefined) return appendEntries(candidate, text, entries);
    if (!projectRoot && PROJECT_MARKERS.some((m) => workspace.readText(path.join(dir, m)) !== undefined)) projectRoot = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const created = path.join(projectRoot ?? path.dirname(filePath), '.env.example');
  return { path: created, create: true, edits: [{ span: { start: 0, end: 0 }, text: entries.map((e) => `${e.name}=${e.value ?? ''}\n`).join('') }] };
}

function appendEntries(filePath: string, text: string, entries: readonly EnvExampleEntry[]): FileChange | undefined {
  const declared = new Set([...text.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/gm)].map((m) => m[1]));
  const missing = entries.filter((e) => !declared.has(e.name));
  if (missing.length === 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
  return { path: filePath, edits: [{ span: { start: text.length, end: text.length }, text: lead + missing.map((e) => `${e.name}=${e.value ?? ''}${eol}`).join('') }] };
}
