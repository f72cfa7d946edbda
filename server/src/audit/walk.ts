import * as path from 'node:path';
import { detectKind, type FileKindInfo } from '../parsing/fileKind';
import { ignoreScope, isIgnored, type IgnoreScope } from '../workspace/gitignore';
import { nodeAuditFs, type AuditFs } from './auditFs';

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

/** YAML files above this size are not read to sniff their kind: real manifests are far smaller. */
export const MAX_SNIFF_BYTES = 16 * 1024 * 1024;

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

/**
 * Walks a folder depth-first in name order and yields the files whose kind {@link detectKind}
 * recognises. It honours `.gitignore` files in the folder, below it and above it up to the enclosing
 * git repository; skips {@link SKIPPED_FOLDERS}; and never follows a symbolic link out of the tree.
 * Linked folders are not followed at all: a target inside the tree is walked where it really is,
 * which also rules out cycles. Unreadable folders and YAML files are passed over silently.
 */
export function* walkWorkspace(root: string, fs: AuditFs = nodeAuditFs): Generator<WalkedFile> {
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
  yield* walkFolder(rootAbs, '', scopes, { fs, rootReal });
}

interface WalkContext {
  fs: AuditFs;
  rootReal: string;
}

function* walkFolder(dir: string, relDir: string, outer: IgnoreScope[], ctx: WalkContext): Generator<WalkedFile> {
  let entries;
  try {
    entries = ctx.fs.readDir(dir);
  } catch {
    return;
  }
  const local = readGitignore(dir, ctx.fs);
  const scopes = local ? [...outer, local] : outer;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    const type = entry.type === 'symlink' ? linkedFileType(abs, ctx) : entry.type;
    if (type === 'directory') {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(scopes, abs, true)) continue;
      yield* walkFolder(abs, rel, scopes, ctx);
    } else if (type === 'file' && !isIgnored(scopes, abs, false)) {
      const found = recognise(abs, rel, ctx.fs);
      if (found) yield found;
    }
  }
}

/** A symlink counts as a file only when it resolves to a file inside the tree; linked folders are never followed. */
function linkedFileType(abs: string, ctx: WalkContext): 'file' | undefined {
  try {
    const real = ctx.fs.realpath(abs);
    if (!isInside(ctx.rootReal, real)) return undefined;
    return ctx.fs.stat(abs)?.type === 'file' ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function recognise(abs: string, rel: string, fs: AuditFs): WalkedFile | undefined {
  const byName = detectKind(abs);
  if (byName) return { path: abs, relativePath: rel, kind: byName };
  // Only YAML needs its content: a manifest, a Kubernetes object or a compose file look alike by name.
  if (!/\.ya?ml$/i.test(abs)) return undefined;
  const size = fs.stat(abs)?.size;
  if (size === undefined || size > MAX_SNIFF_BYTES) return undefined;
  let text: string;
  try {
    text = fs.readText(abs);
  } catch {
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

function isInside(parent: string, child: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}
