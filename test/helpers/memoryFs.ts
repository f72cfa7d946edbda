import * as path from 'node:path';
import type { AuditFs, DirEntry } from '../../server/src/audit/auditFs';

/** An error shaped like Node's, for files and folders that cannot be read. */
export function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * An in-memory, read-only {@link AuditFs}: `files` maps paths relative to `root` (forward slashes) to
 * their text, or to an error that reading them throws. Folders are implied by the paths; the ones in
 * `unreadableDirs` throw when listed.
 */
export function memoryFs(root: string, files: Record<string, string | Error>, unreadableDirs: string[] = []): AuditFs {
  const entries = new Map<string, string | Error>();
  const dirs = new Set<string>([root]);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    entries.set(abs, content);
    for (let dir = path.dirname(abs); dir.startsWith(root) && !dirs.has(dir); dir = path.dirname(dir)) dirs.add(dir);
  }
  const blocked = new Set(unreadableDirs.map((d) => path.join(root, ...d.split('/'))));
  return {
    readDir(dir) {
      if (blocked.has(dir)) throw fsError('EACCES');
      if (!dirs.has(dir)) throw fsError('ENOENT');
      const children = new Map<string, DirEntry>();
      for (const p of [...entries.keys(), ...dirs]) {
        if (path.dirname(p) !== dir || p === dir) continue;
        children.set(path.basename(p), { name: path.basename(p), type: dirs.has(p) ? 'directory' : 'file' });
      }
      return [...children.values()];
    },
    stat(p) {
      if (dirs.has(p)) return { type: 'directory', size: 0 };
      const content = entries.get(p);
      if (content === undefined) return undefined;
      return { type: 'file', size: typeof content === 'string' ? Buffer.byteLength(content) : 0 };
    },
    realpath(p) {
      if (!dirs.has(p) && !entries.has(p)) throw fsError('ENOENT');
      return p;
    },
    readText(p) {
      const content = entries.get(p);
      if (content === undefined) throw fsError(dirs.has(p) ? 'EISDIR' : 'ENOENT');
      if (content instanceof Error) throw content;
      return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
    },
  };
}
