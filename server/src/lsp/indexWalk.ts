import type { WalkedFile } from '../audit/walk';
import { MAX_READ_BYTES } from '../engine/limits';
import type { WorkspaceFiles } from '../engine/types';
import { detectKind, type FileKind } from '../parsing/fileKind';
import type { FileFacts } from '../workspace/facts';
import { factsOf } from '../workspace/workspaceIndex';

/** One file the index walk read: its facts, or none (then the index forgets it). Plain data, posted between threads. */
export interface IndexedFile {
  path: string;
  kind?: FileKind;
  facts?: FileFacts;
}

/** What the language server asks of its index worker: walk folders (a newer generation abandons an older walk), or read one changed file. */
export type ToIndexWorker =
  | { type: 'walk'; generation: number; folders: string[]; skip: string[]; maxFiles: number }
  | { type: 'file'; path: string; deleted: boolean };

/** What the index worker answers. */
export type FromIndexWorker =
  | { type: 'facts'; generation: number; files: IndexedFile[] }
  | { type: 'done'; generation: number; count: number; ms: number; limited: boolean }
  | { type: 'file'; path: string; entry?: { kind: FileKind; facts: FileFacts } }
  | { type: 'log'; message: string };

/**
 * The facts of a file the walk found, parsed as the CLI's index pass parses it ({@link factsOf});
 * undefined when its text cannot be read, which leaves what the index holds for it as it is.
 */
export function walkedFacts(found: Pick<WalkedFile, 'path' | 'kind' | 'text'>, disk: WorkspaceFiles): IndexedFile | undefined {
  const text = found.text ?? disk.readText(found.path);
  if (text === undefined || text.length > MAX_READ_BYTES) return undefined;
  const facts = factsOf(found.path, text, found.kind);
  return facts ? { path: found.path, kind: found.kind.kind, facts } : { path: found.path };
}

/** The facts of one changed file read from disk; undefined when it is gone or has none. */
export function changedFileFacts(filePath: string, disk: WorkspaceFiles): { kind: FileKind; facts: FileFacts } | undefined {
  const text = disk.readText(filePath);
  const kind = text === undefined ? undefined : detectKind(filePath, text);
  const facts = kind && text !== undefined ? factsOf(filePath, text, kind) : undefined;
  return kind && facts ? { kind: kind.kind, facts } : undefined;
}
