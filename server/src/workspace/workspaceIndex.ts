import { unanalysableText } from '../engine/limits';
import { ModelCache } from '../engine/modelCache';
import { detectKind, type FileKind, type FileKindInfo } from '../parsing/fileKind';
import { PARSERS } from '../parsing/parsers';
import { SourceFile } from '../parsing/sourceFile';
import { extractFacts, hasFactExtractor, type FileFacts } from './facts';
import { compareFacts } from './factsCompare';
import { isInsideFolder } from './paths';

/** The facts of one indexed file. */
export interface IndexEntry {
  /** Absolute path. */
  path: string;
  kind: FileKind;
  facts: FileFacts;
}

/** What rules read of the index: every indexed file's facts. Read-only; the front ends fill it. */
export interface WorkspaceIndexView {
  /** Every indexed file, in no particular order. */
  entries(): Iterable<IndexEntry>;
  /** The entry of one file, when the view can look it up. */
  get?(path: string): IndexEntry | undefined;
  /** Changes whenever an entry does, so that what is derived from the index can be cached. */
  readonly generation?: number;
  /**
   * Changes whenever an entry's facts change in more than positions (a file added, removed, or
   * saying something else); between two such changes, {@link moved} lists the files whose facts
   * only moved (typing above them), so that what is derived from the index can be moved along.
   */
  readonly structure?: number;
  /** The files whose facts only moved since {@link structure} last changed. */
  moved?(): Iterable<string>;
  /**
   * False while the workspace is still being indexed (the language server's background walk): rules
   * that conclude from an absence (no code reads this variable) wait. Undefined counts as complete.
   */
  readonly complete?: boolean;
}

/** An index with nothing in it: a rule test or a single-file lint without a workspace. */
export const EMPTY_INDEX: WorkspaceIndexView = { entries: () => [] };

/**
 * Parses a file's text (through `cache` when given) and extracts its facts; undefined when its kind
 * has no parser or no facts (then it is not parsed at all), or when it does not parse.
 */
export function factsOf(path: string, text: string, kind: FileKindInfo, cache?: ModelCache): FileFacts | undefined {
  return factsOfFile(new SourceFile(path, text), kind, cache);
}

/**
 * {@link factsOf} for a file the caller lints too: facts derived per model and file (a manifest's
 * deployment facts) are then computed once for both.
 */
export function factsOfFile(file: SourceFile, kind: FileKindInfo, cache?: ModelCache): FileFacts | undefined {
  const parser = PARSERS[kind.kind];
  // What lint refuses to parse (too large, binary), the index does not parse either; nor kinds without facts.
  if (!parser || !hasFactExtractor(kind.kind) || unanalysableText(file.text)) return undefined;
  let model: unknown;
  try {
    const outcome = (cache ?? new ModelCache()).get(file, kind.kind, parser);
    model = outcome.model;
    if (outcome.error) return kind.kind === 'code' ? { notAnalysed: true } : undefined;
    return extractFacts(kind.kind, outcome.model, file);
  } catch {
    // A code file that cannot be read leaves its folder's env contract incomplete; the index must know it is there.
    return kind.kind === 'code' ? { notAnalysed: true } : undefined;
  } finally {
    // A model parsed only for its facts frees its native memory at once (the background indexer parses thousands).
    if (!cache && model !== undefined) parser.dispose?.(model);
  }
}

/**
 * Facts about the workspace's files, for rules that look across files (an HPA elsewhere, the
 * variables a manifest provides). The CLI fills it from the files it walks before linting; the
 * language server fills it in the background and keeps it current from open documents and the
 * file watcher. It stores facts, never models, so that thousands of files stay cheap.
 */
export class WorkspaceIndex implements WorkspaceIndexView {
  private readonly byPath = new Map<string, IndexEntry>();
  generation = 0;
  structure = 0;
  complete = true;
  private readonly movedPaths = new Set<string>();

  /**
   * Parses a file's text and records its facts. Returns whether its facts changed. A file that
   * cannot be parsed, or whose kind has no facts, is removed.
   */
  update(path: string, text: string, kind: FileKindInfo | undefined = detectKind(path, text), cache?: ModelCache): boolean {
    const facts = kind && factsOf(path, text, kind, cache);
    return kind && facts ? this.set(path, kind.kind, facts) : this.remove(path);
  }

  /** Records facts already extracted (the language server passes those of a model it just parsed). */
  set(path: string, kind: FileKind, facts: FileFacts): boolean {
    const previous = this.byPath.get(path);
    this.byPath.set(path, { path, kind, facts });
    this.generation++;
    // Typing above an env entry moves its span, which must not re-lint every other open document on each keystroke.
    const difference = previous && previous.kind === kind ? compareFacts(previous.facts, facts) : 'different';
    if (difference === 'moved') this.movedPaths.add(path);
    else if (difference === 'different') this.restructured();
    return difference === 'different';
  }

  moved(): Iterable<string> {
    return this.movedPaths;
  }

  private restructured(): void {
    this.structure++;
    this.movedPaths.clear();
  }

  /** Forgets a file; returns whether it was indexed. */
  remove(path: string): boolean {
    const removed = this.byPath.delete(path);
    if (removed) {
      this.generation++;
      this.restructured();
    }
    return removed;
  }

  /** Forgets every file under a folder (a workspace folder was removed). */
  removeUnder(folder: string): void {
    for (const p of [...this.byPath.keys()]) if (isInsideFolder(folder, p)) this.remove(p);
  }

  entries(): Iterable<IndexEntry> {
    return this.byPath.values();
  }

  get(path: string): IndexEntry | undefined {
    return this.byPath.get(path);
  }

  /** How many files are indexed. */
  get size(): number {
    return this.byPath.size;
  }
}
