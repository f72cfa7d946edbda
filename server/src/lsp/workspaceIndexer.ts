import { MAX_READ_BYTES } from '../engine';
import type { WorkspaceFiles } from '../engine/types';
import { walkWorkspace } from '../audit/walk';
import { detectKind } from '../parsing/fileKind';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

/** How many files the background index takes per workspace; beyond it, the explicit audit covers the rest. */
export const MAX_INDEXED_FILES = 5000;

/** How many files are indexed before yielding to the event loop, so that typing stays responsive. */
const BATCH = 25;

/**
 * Fills the workspace index in the background: at start-up it walks each folder by the CLI's rules
 * (`.gitignore`, vendored folders, size limits), then keeps files current from watched-file events.
 * Open documents are indexed by the linter from their unsaved text, and take precedence. Calls
 * `onChanged` when facts changed, so that open documents with cross-file rules are linted again.
 */
export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private generation = 0;

  constructor(
    private readonly disk: WorkspaceFiles,
    private readonly isOpen: (filePath: string) => boolean,
    private readonly onChanged: () => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Indexes every folder again from disk, in batches. A newer call abandons an older one. */
  async indexFolders(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    let count = 0;
    let changed = false;
    // Rules that conclude from an absence (no manifest provides X, no code reads Y) wait for the whole walk.
    this.index.complete = false;
    for (const folder of folders) {
      for (const found of walkWorkspace(folder)) {
        if (generation !== this.generation) return;
        if (count >= MAX_INDEXED_FILES) {
          this.log(`Indexed the first ${MAX_INDEXED_FILES} files of the workspace; run "Twelve-Factor: Audit Workspace" for cross-file checks over the rest.`);
          if (changed) this.onChanged();
          return;
        }
        count++;
        if (this.isOpen(found.path)) continue;
        const text = found.text ?? this.disk.readText(found.path);
        if (text !== undefined && text.length <= MAX_READ_BYTES) changed = this.index.update(found.path, text, found.kind) || changed;
        if (count % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.index.complete = true;
    this.onChanged();
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(filePath: string, deleted: boolean): void {
    if (this.isOpen(filePath)) return;
    const text = deleted ? undefined : this.disk.readText(filePath);
    const changed = text === undefined ? this.index.remove(filePath) : this.index.update(filePath, text, detectKind(filePath, text));
    if (changed) this.onChanged();
  }
}
