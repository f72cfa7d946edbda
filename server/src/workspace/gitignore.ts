import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The `.gitignore` rules of one folder. */
export interface IgnoreScope {
  /** The folder the patterns are relative to. */
  base: string;
  rules: Ignore;
}

/**
 * How many lines a `.gitignore` may have. The `ignore` package compiles a regex per pattern (about a
 * tenth of a millisecond each), so 200,000 patterns cost most of a minute; real files have hundreds.
 */
export const MAX_GITIGNORE_LINES = 20_000;

/**
 * The rules of a `.gitignore` text read from a folder; undefined when there is no text, or when it has
 * more than {@link MAX_GITIGNORE_LINES} lines: such a file is passed over as a whole (more files are
 * then looked at, never fewer, since a cut-off list could lose a `!` that brings files back).
 */
export function ignoreScope(base: string, text: string | undefined): IgnoreScope | undefined {
  if (text === undefined || lineCountOver(text, MAX_GITIGNORE_LINES)) return undefined;
  return { base, rules: ignore().add(text) };
}

function lineCountOver(text: string, max: number): boolean {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) if (++lines > max) return true;
  return false;
}

/**
 * Git's verdict on one path under a stack of scopes, outermost first: a deeper `.gitignore` overrides
 * a shallower one, and a later rule an earlier one. It does not look at parent folders (see
 * {@link isPathIgnored}).
 */
export function isIgnored(scopes: readonly IgnoreScope[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const rel = path.relative(scope.base, abs).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
    const result = scope.rules.test(isDir ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** Reads a file's text, or undefined when it is absent (the engine's `WorkspaceFiles.readText`). */
export type ReadText = (absolutePath: string) => string | undefined;

/** The repository a path belongs to: the nearest folder at or above `dir` that holds `.git` (a folder, or a worktree's file). */
export function repositoryRoot(dir: string, readText: ReadText): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (readText(path.join(current, '.git', 'HEAD')) !== undefined || readText(path.join(current, '.git')) !== undefined) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Whether git would ignore a file, judged from the `.gitignore` files between the repository root
 * (or `top` when there is no repository) and the file, plus `.git/info/exclude`. A file inside an
 * ignored folder is ignored whatever deeper rules say, as in git. The user's global excludes file is
 * not read: a repository should not rely on each clone's settings.
 */
export function isPathIgnored(filePath: string, top: string, readText: ReadText): boolean {
  const file = path.resolve(filePath);
  const folders: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.resolve(top) || path.dirname(dir) === dir) break;
  }
  const scopes: IgnoreScope[] = [];
  const exclude = ignoreScope(folders[0], readText(path.join(folders[0], '.git', 'info', 'exclude')));
  if (exclude) scopes.push(exclude);
  for (const dir of folders) {
    if (scopes.length > 0 && isIgnored(scopes, dir, true)) return true;
    const local = ignoreScope(dir, readText(path.join(dir, '.gitignore')));
    if (local) scopes.push(local);
  }
  return isIgnored(scopes, file, false);
}
