import * as fs from 'node:fs';
import { MAX_READ_BYTES, unanalysableText } from '../engine/limits';
import type { WorkspaceFiles } from '../engine/types';

/** What a directory entry is, without following links. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

/** One entry of a directory listing. */
export interface DirEntry {
  name: string;
  type: EntryType;
}

/** What a path points at after following links. */
export interface PathStat {
  type: 'file' | 'directory' | 'other';
  /** Size in bytes. */
  size: number;
}

/**
 * The read-only file-system access the audit needs. Injectable so that the walk and the audit can be
 * tested on an in-memory tree, and so that the language server can pass its own view later.
 */
export interface AuditFs {
  /** The entries of a directory; throws when it cannot be read. */
  readDir(dir: string): DirEntry[];
  /** What a path points at (links followed), or undefined when nothing is there. */
  stat(path: string): PathStat | undefined;
  /** The canonical path with every link resolved; throws when it cannot be resolved. */
  realpath(path: string): string;
  /** A file's text as UTF-8 without a byte-order mark (editors drop it too); throws when unreadable. */
  readText(path: string): string;
}

/** The real file system, through synchronous `node:fs` calls. */
export const nodeAuditFs: AuditFs = {
  readDir(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).map((d) => ({
      name: d.name,
      type: d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'directory' : d.isFile() ? 'file' : 'other',
    }));
  },
  stat(path) {
    try {
      // No exception for a missing file: rules look for many optional files (skaffold.yaml, lockfiles) on every lint.
      const s = fs.statSync(path, { throwIfNoEntry: false });
      if (!s) return undefined;
      return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
    } catch {
      return undefined;
    }
  },
  realpath(path) {
    return fs.realpathSync.native(path);
  },
  readText(path) {
    return stripBom(readBoundedText(path, MAX_READ_BYTES));
  },
};

// Opening a FIFO for reading waits for a writer; non-blocking, the open returns and fstat says what it is.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The one way a file's text is read from disk: only a regular file (checked on the open descriptor,
 * so that a FIFO, a device such as `/dev/zero` or a link to one is refused without waiting or
 * reading), and at most `maxBytes` (a file that grows while read, or a `/proc` file whose size says
 * 0, is cut off the same). Throws an error with `code` ENOTREG or EFBIG for those, as for others.
 */
export function readBoundedText(path: string, maxBytes: number): string {
  const fd = fs.openSync(path, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw fsError('EISDIR', path);
    if (!stat.isFile()) throw fsError('ENOTREG', path);
    if (stat.size > maxBytes) throw fsError('EFBIG', path);
    // One byte more than the size says, so that the read that finds the end needs no buffer of its own;
    // a file that grows while read gets a larger buffer, up to one byte past the limit.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, total + Math.max(total, 64 * 1024)));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw fsError('EFBIG', path);
    }
    return buffer.toString('utf8', 0, total);
  } finally {
    fs.closeSync(fd);
  }
}

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * Workspace files as the engine reads them (package.json, lockfiles, config files), from disk: the
 * text without a byte-order mark, or undefined when the path is not a readable file or is larger
 * than the engine would analyse (so that no rule parses what lint would refuse). The CLI and the language server both read through this, so that
 * they see the same files the same way.
 */
export function workspaceFilesOnDisk(source: AuditFs = nodeAuditFs): WorkspaceFiles {
  return {
    readText(path) {
      try {
        const stat = source.stat(path);
        const text = stat?.type === 'file' && stat.size <= MAX_READ_BYTES ? source.readText(path) : undefined;
        return text !== undefined && unanalysableText(text) !== 'tooLarge' ? text : undefined;
      } catch {
        return undefined;
      }
    },
    realPath(path) {
      try {
        return source.realpath(path);
      } catch {
        return undefined;
      }
    },
  };
}

/** Removes a leading UTF-8 byte-order mark, which VS Code hides from a document's text as well. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A short reason for a file-system error (`EACCES`, `ENOENT`, …) without a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'ENOTREG') return 'not a regular file';
  if (code === 'EFBIG') return 'too large';
  if (code) return code;
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * A view of `base` in which the files the editor has open read as the editor holds them, unsaved
 * edits included: the editor's audit sees what live diagnostics see.
 */
export function withOpenTexts(base: AuditFs, open: ReadonlyMap<string, string> | undefined): AuditFs {
  if (!open || open.size === 0) return base;
  return {
    readDir: (dir) => base.readDir(dir),
    realpath: (p) => base.realpath(p),
    stat(p) {
      const text = open.get(p);
      return text === undefined ? base.stat(p) : { type: 'file', size: Buffer.byteLength(text) };
    },
    readText: (p) => open.get(p) ?? base.readText(p),
  };
}

/** {@link workspaceFilesOnDisk} read once per path: an audit reads package.json and lockfiles for many files. */
export function cachedWorkspaceFiles(source: AuditFs): WorkspaceFiles {
  const cache = new Map<string, string | undefined>();
  const files = workspaceFilesOnDisk(source);
  return {
    readText(p) {
      if (!cache.has(p)) cache.set(p, files.readText(p));
      return cache.get(p);
    },
    realPath: (p) => files.realPath?.(p),
    snapshot: true,
  };
}
