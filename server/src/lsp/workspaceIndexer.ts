import { MAX_READ_BYTES } from '../engine';
import type { WorkspaceFiles } from '../engine/types';
import { walkWorkspace } from '../audit/walk';
import { detectKind } from '../parsing/fileKind';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

/** How many files the background index takes per workspace; beyond it, the explicit audit covers the rest. */
export const MAX_INDEXED_FILES = 5000;

/**
 * How long the index works before it yields to the event loop: a keystroke that arrives meanwhile
 * waits at most this long (plus the one file being parsed) before its document is linted.
 */
export const INDEX_SLICE_MS = 4;

/** How long the index waits before looking again while documents are waiting to be linted. */
const BUSY_WAIT_MS = 10;

/** What else the indexer is told besides its inputs. */
export interface IndexerOptions {
  /** Where progress lines go (the server's log, never a message to the user). */
  log?: (message: string) => void;
  /** True while an open document waits to be linted: the index steps aside until it is done. */
  busy?: () => boolean;
  /**
   * How long a walk waits before it starts, so that the documents an editor opens with the workspace
   * arrive first and are linted before the index parses anything (and the index skips them).
   */
  startDelayMs?: number;
}

/**
 * Fills the workspace index in the background: at start-up it walks each folder by the CLI's rules
 * (`.gitignore`, vendored folders, size limits), then keeps files current from watched-file events.
 * Open documents are indexed by the linter from their unsaved text, and take precedence. Calls
 * `onChanged` when facts changed, so that open documents with cross-file rules are linted again.
 * The walk runs in slices of {@link INDEX_SLICE_MS} and pauses while an open document waits to be
 * linted, so that the index never delays what the user sees.
 */
export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private generation = 0;
  private readonly log: (message: string) => void;
  private readonly busy: () => boolean;
  private readonly startDelayMs: number;

  constructor(
    private readonly disk: WorkspaceFiles,
    private readonly isOpen: (filePath: string) => boolean,
    private readonly onChanged: () => void,
    /** Tells the user something (the file limit was reached). */
    private readonly notify: (message: string) => void,
    options: IndexerOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.busy = options.busy ?? (() => false);
    this.startDelayMs = options.startDelayMs ?? 0;
  }

  /** Indexes every folder again from disk, in time slices. A newer call abandons an older one. */
  async indexFolders(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    // Rules that conclude from an absence (no manifest provides X, no code reads Y) wait for the whole walk.
    this.index.complete = false;
    if (this.startDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.startDelayMs));
    await this.yieldToDocuments();
    const started = performance.now();
    let sliceStarted = started;
    let count = 0;
    let changed = false;
    for (const folder of folders) {
      for (const found of walkWorkspace(folder)) {
        if (performance.now() - sliceStarted >= INDEX_SLICE_MS) {
          await this.yieldToDocuments();
          sliceStarted = performance.now();
        }
        if (generation !== this.generation) return;
        if (count >= MAX_INDEXED_FILES) {
          this.notify(`Indexed the first ${MAX_INDEXED_FILES} files of the workspace; run "Twelve-Factor: Audit Workspace" for cross-file checks over the rest.`);
          if (changed) this.onChanged();
          return;
        }
        count++;
        if (this.isOpen(found.path)) continue;
        const text = found.text ?? this.disk.readText(found.path);
        if (text !== undefined && text.length <= MAX_READ_BYTES) changed = this.index.update(found.path, text, found.kind) || changed;
      }
    }
    this.log(`Indexed ${count} files in ${Math.round(performance.now() - started)} ms`);
    // Rules that conclude from an absence waited for the whole walk: lint the open documents again.
    this.index.complete = true;
    this.onChanged();
  }

  /** Lets pending messages and lints run, then waits while open documents are waiting to be linted. */
  private async yieldToDocuments(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.busy()) await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(filePath: string, deleted: boolean): void {
    if (this.isOpen(filePath)) return;
    const text = deleted ? undefined : this.disk.readText(filePath);
    const changed = text === undefined ? this.index.remove(filePath) : this.index.update(filePath, text, detectKind(filePath, text));
    if (changed) this.onChanged();
  }
}
