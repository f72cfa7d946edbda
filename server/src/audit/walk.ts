import * as path from 'node:path';
import { CONFIG_FILE_NAMES, detectKind, type FileKindInfo } from '../parsing/fileKind';
import { ignoreScope, isIgnored, type IgnoreScope } from '../workspace/gitignore';
import { nodeAuditFs, type AuditFs } from './auditFs';
import { isInsideFolder } from '../workspace/paths';
import { MAX_READ_BYTES } from '../engine/limits';

/**
 * Folders never walked, at any depth: dependencies installed or vendored from elsewhere, tool caches
 * and build output. Their files are someone else's code, and findings there would only be noise.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'vendor',
  'third_party',
  'bower_components',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  'target',
  '.gradle',
]);


/** A file the walk found and recognised. */
export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the walked root, with forward slashes. */
  relativePath: string;
  kind: FileKindInfo;
  /** The text, when the walk had to read it to tell the kind (YAML); otherwise the caller reads it. */
  text?: string;
}

/** Why the audit passed over a file or folder; reports list these with {@link SKIP_REASONS}. */
export type SkipReason = 'gitignore' | 'excluded' | 'vendored' | 'tooLarge' | 'binary' | 'unreadable' | 'unknownKind' | 'disabled';

/** How reports describe each {@link SkipReason}. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  gitignore: 'ignored by .gitignore',
  excluded: 'excluded by files.exclude',
  vendored: 'dependencies, vendored code or build output',
  tooLarge: 'too large to analyse',
  binary: 'binary content',
  unreadable: 'cannot be read',
  unknownKind: 'not a file kind the tool analyses',
  disabled: 'twelveFactor.enable is off',
};

/** A file or folder the walk did not analyse, and why. */
export interface SkippedPath {
  /** Absolute path. */
  path: string;
  /** Path relative to the walked root, with forward slashes. */
  relativePath: string;
  folder: boolean;
  reason: SkipReason;
}

/** What a walk may be told besides its root. */
export interface WalkOptions {
  /** Paths to leave out besides `.gitignore` (the editor's `files.exclude`); called with absolute paths. */
  exclude?: (absPath: string, isFolder: boolean) => boolean;
  /**
   * Told about each folder the walk prunes (except `.git`) and each left-out file that the tool would
   * have analysed, so that reports can say what was not looked at.
   */
  onSkip?: (skipped: SkippedPath) => void;
}

/**
 * Walks a folder depth-first in name order and yields the files whose kind {@link detectKind}
 * recognises. It honours `.gitignore` files in the folder, below it and above it up to the enclosing
 * git repository; skips {@link SKIPPED_FOLDERS}; and never follows a symbolic link out of the tree.
 * Linked folders are not followed at all: a target inside the tree is walked where it really is,
 * which also rules out cycles. Folders and files left out are reported to `options.onSkip`.
 */
export function* walkWorkspace(root: string, fs: AuditFs = nodeAuditFs, options: WalkOptions = {}): Generator<WalkedFile> {
  const rootAbs = path.resolve(root);
  let rootReal = rootAbs;
  try {
    rootReal = fs.realpath(rootAbs);
  } catch {
    return;
  }
  let scopes = ancestorScopes(rootAbs, fs);
  // The user asked for this folder by name: an ignore rule above it does not empty it.
  if (isIgnored(scopes, rootAbs, true)) scopes = [];
  yield* walkFolder(rootAbs, '', scopes, { fs, rootReal, exclude: options.exclude ?? (() => false), onSkip: options.onSkip ?? (() => undefined) });
}

interface WalkContext {
  fs: AuditFs;
  rootReal: string;
  exclude: (absPath: string, isFolder: boolean) => boolean;
  onSkip: (skipped: SkippedPath) => void;
}

function* walkFolder(dir: string, relDir: string, outer: IgnoreScope[], ctx: WalkContext): Generator<WalkedFile> {
  let entries;
  try {
    entries = ctx.fs.readDir(dir);
  } catch {
    if (relDir) ctx.onSkip({ path: dir, relativePath: relDir, folder: true, reason: 'unreadable' });
    return;
  }
  // Most folders have no .gitignore: the listing says so without a failed open per folder.
  const local = entries.some((e) => e.name === '.gitignore') ? readGitignore(dir, ctx.fs) : undefined;
  const scopes = local ? [...outer, local] : outer;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    const type = entry.type === 'symlink' ? linkedFileType(abs, ctx) : entry.type;
    if (type === 'directory') {
      const reason = SKIPPED_FOLDERS.has(entry.name) ? 'vendored' : leftOut(scopes, abs, true, ctx);
      if (reason === undefined) yield* walkFolder(abs, rel, scopes, ctx);
      else if (entry.name !== '.git') ctx.onSkip({ path: abs, relativePath: rel, folder: true, reason });
    } else if (type === 'file') {
      const reason = leftOut(scopes, abs, false, ctx);
      if (reason === undefined) {
        const found = recognise(abs, rel, ctx);
        if (found) yield found;
      } else if (detectKind(abs) || YAML.test(abs)) {
        ctx.onSkip({ path: abs, relativePath: rel, folder: false, reason });
      }
    }
  }
}

/**
 * A symlink counts as a file only when it resolves to a file inside the tree; linked folders are never
 * followed. A team config linked from outside is yielded all the same, so that the engine reports that
 * it refuses it.
 */
function linkedFileType(abs: string, ctx: WalkContext): 'file' | undefined {
  try {
    const real = ctx.fs.realpath(abs);
    if (!isInsideFolder(ctx.rootReal, real) && !CONFIG_FILE_NAMES.includes(path.basename(abs))) return undefined;
    return ctx.fs.stat(abs)?.type === 'file' ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

const YAML = /\.ya?ml$/i;

/** Why a path is left out by `.gitignore` or the caller's exclusions, if it is. */
function leftOut(scopes: IgnoreScope[], abs: string, isFolder: boolean, ctx: WalkContext): SkipReason | undefined {
  if (isIgnored(scopes, abs, isFolder)) return 'gitignore';
  return ctx.exclude(abs, isFolder) ? 'excluded' : undefined;
}

function recognise(abs: string, rel: string, ctx: WalkContext): WalkedFile | undefined {
  const byName = detectKind(abs);
  if (byName) return { path: abs, relativePath: rel, kind: byName };
  // Only YAML needs its content: a manifest, a Kubernetes object or a compose file look alike by name.
  if (!YAML.test(abs)) return undefined;
  const size = ctx.fs.stat(abs)?.size;
  if (size === undefined) return undefined;
  if (size > MAX_READ_BYTES) {
    ctx.onSkip({ path: abs, relativePath: rel, folder: false, reason: 'tooLarge' });
    return undefined;
  }
  let text: string;
  try {
    text = ctx.fs.readText(abs);
  } catch {
    ctx.onSkip({ path: abs, relativePath: rel, folder: false, reason: 'unreadable' });
    return undefined;
  }
  const kind = detectKind(abs, text);
  return kind ? { path: abs, relativePath: rel, kind, text } : undefined;
}

function readGitignore(dir: string, fs: AuditFs): IgnoreScope | undefined {
  try {
    return ignoreScope(dir, fs.readText(path.join(dir, '.gitignore')));
  } catch {
    return undefined;
  }
}

/** The `.gitignore` files above the root, from the enclosing repository's top down to the root's parent. */
function ancestorScopes(rootAbs: string, fs: AuditFs): IgnoreScope[] {
  if (fs.stat(path.join(rootAbs, '.git')) !== undefined) return [];
  const chain: string[] = [];
  for (let dir = path.dirname(rootAbs); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (fs.stat(path.join(dir, '.git')) !== undefined) {
      return chain.map((d) => readGitignore(d, fs)).filter((s): s is IgnoreScope => s !== undefined);
    }
    if (path.dirname(dir) === dir) return [];
  }
}

