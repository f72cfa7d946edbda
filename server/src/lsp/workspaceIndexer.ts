import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WorkspaceFiles } from '../engine/types';
import { walkWorkspace } from '../audit/walk';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { changedFileFacts, walkedFacts, type FromIndexWorker, type IndexedFile } from './indexWalk';

/** How many files the background index takes per workspace; beyond it, the explicit audit covers the rest. */
export const MAX_INDEXED_FILES = 5000;

/**
 * How long the index works on the main thread (when it has no worker) before it yields to the event
 * loop: a keystroke that arrives meanwhile waits at most this long (plus the one file being parsed).
 */
export const INDEX_SLICE_MS = 4;

/** How long the index waits before looking again while documents are waiting to be linted. */
const BUSY_WAIT_MS = 10;

/** How long changed files on disk settle before open documents are linted again: a checkout changes many at once. */
const CHANGES_SETTLE_MS = 100;

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
  /**
   * The index worker's bundle (indexWorker.js). Without it, or when the worker cannot start or dies,
   * the index walks on the main thread in slices of {@link INDEX_SLICE_MS}.
   */
  workerScript?: string;
  /** The paths of the open documents, which the worker need not read (the linter indexes their text). */
  openPaths?: () => Iterable<string>;
}

/** A walk in progress on the worker. */
interface Walk {
  generation: number;
  folders: readonly string[];
  changed: boolean;
  finish: () => void;
}

/**
 * Fills the workspace index in the background: at start-up it walks each folder by the CLI's rules
 * (`.gitignore`, vendored folders, size limits), then keeps files current from watched-file events.
 * Open documents are indexed by the linter from their unsaved text, and take precedence. Calls
 * `onChanged` when facts changed, so that open documents with cross-file rules are linted again.
 *
 * The walk, the reading and the parsing run on a worker thread, which posts each file's facts; the
 * main thread only merges them, and only while no open document waits to be linted. Without a
 * worker the walk runs on the main thread in slices and pauses while an open document waits.
 */
export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private generation = 0;
  private readonly log: (message: string) => void;
  private readonly busy: () => boolean;
  private readonly startDelayMs: number;
  private readonly openPaths: () => Iterable<string>;
  private workerScript: string | undefined;
  private worker: Worker | undefined;
  private walk: Walk | undefined;
  /** Changed files sent to the worker and not answered yet (path → deleted): read again here if it dies. */
  private readonly asked = new Map<string, boolean>();
  /** The worker's answers, merged once no document waits. */
  private readonly incoming: FromIndexWorker[] = [];
  private draining = false;
  private changesQueued = false;
  private disposed = false;

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
    this.workerScript = options.workerScript;
    this.openPaths = options.openPaths ?? (() => []);
  }

  /** Indexes every folder again from disk in the background. A newer call abandons an older one. */
  async indexFolders(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    // Rules that conclude from an absence (no manifest provides X, no code reads Y) wait for the whole walk.
    this.index.complete = false;
    if (this.startDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.startDelayMs));
    await this.yieldToDocuments();
    if (generation !== this.generation) return;
    const worker = this.startWorker();
    if (!worker) return this.walkInThread(generation, folders);
    await new Promise<void>((resolve) => {
      this.walk?.finish();
      this.walk = { generation, folders, changed: false, finish: resolve };
      worker.postMessage({ type: 'walk', generation, folders: [...folders], skip: [...this.openPaths()], maxFiles: MAX_INDEXED_FILES });
    });
  }

  /** A watched file was created, changed or deleted on disk. */
  fileChanged(filePath: string, deleted: boolean): void {
    if (this.isOpen(filePath)) return;
    if (this.worker) {
      this.asked.set(filePath, deleted);
      this.worker.postMessage({ type: 'file', path: filePath, deleted });
      return;
    }
    const found = deleted ? undefined : changedFileFacts(filePath, this.disk);
    if (this.merge({ path: filePath, ...found })) this.onChanged();
  }

  /** Stops the worker (the server shuts down); the index keeps what it has. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.generation++;
    this.walk?.finish();
    this.walk = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** The worker, started on first use; undefined when there is none (then the main thread indexes). */
  private startWorker(): Worker | undefined {
    if (this.worker || !this.workerScript || this.disposed) return this.worker;
    if (!existsSync(this.workerScript)) {
      this.log(`The index worker ${this.workerScript} is missing; indexing on the main thread.`);
      this.workerScript = undefined;
      return undefined;
    }
    const worker = new Worker(this.workerScript);
    // The worker never keeps the server alive: the process ends when the connection does.
    worker.unref();
    worker.on('message', (message: FromIndexWorker) => {
      if (message.type === 'log') this.log(message.message);
      else if (worker === this.worker) {
        this.incoming.push(message);
        this.drain();
      }
    });
    worker.on('error', (error) => this.workerStopped(worker, error instanceof Error ? (error.stack ?? error.message) : String(error)));
    worker.on('exit', (code) => this.workerStopped(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** The worker died: the main thread takes over, and reads again what the worker had not merged yet. */
  private workerStopped(worker: Worker, why: string): void {
    if (worker !== this.worker || this.disposed) return;
    this.log(`The index worker stopped (${why}); indexing on the main thread from now on.`);
    this.worker = undefined;
    this.workerScript = undefined;
    this.incoming.length = 0;
    const walk = this.walk;
    this.walk = undefined;
    const asked = [...this.asked];
    this.asked.clear();
    for (const [filePath, deleted] of asked) this.fileChanged(filePath, deleted);
    if (!walk) return;
    if (walk.generation !== this.generation) return walk.finish();
    void this.walkInThread(walk.generation, walk.folders).finally(walk.finish);
  }

  /** Merges the worker's answers, once no open document waits to be linted. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void this.drained().finally(() => (this.draining = false));
  }

  private async drained(): Promise<void> {
    while (this.incoming.length > 0) {
      await this.yieldToDocuments();
      const message = this.incoming.shift()!;
      if (message.type === 'facts') {
        const walk = this.walk;
        if (!walk || message.generation !== walk.generation) continue;
        for (const file of message.files) walk.changed = this.merge(file) || walk.changed;
      } else if (message.type === 'done') {
        const walk = this.walk;
        if (!walk || message.generation !== walk.generation) continue;
        this.walk = undefined;
        this.walkDone(message.count, message.ms, message.limited, walk.changed);
        walk.finish();
      } else if (message.type === 'file') {
        this.asked.delete(message.path);
        if (this.merge({ path: message.path, ...message.entry })) this.changesSettled();
      }
    }
  }

  /** Records one file's facts, or forgets the file when it has none; open documents keep theirs. Returns whether facts changed. */
  private merge(file: IndexedFile): boolean {
    if (this.isOpen(file.path)) return false;
    return file.kind && file.facts ? this.index.set(file.path, file.kind, file.facts) : this.index.remove(file.path);
  }

  /** The walk saw every file (or stopped at the limit). */
  private walkDone(count: number, ms: number, limited: boolean, changed: boolean): void {
    if (limited) {
      this.notify(`Indexed the first ${MAX_INDEXED_FILES} files of the workspace; run "Twelve-Factor: Audit Workspace" for cross-file checks over the rest.`);
      if (changed) this.onChanged();
      return;
    }
    this.log(`Indexed ${count} files in ${Math.round(ms)} ms`);
    // Rules that conclude from an absence waited for the whole walk: lint the open documents again.
    this.index.complete = true;
    this.onChanged();
  }

  /** Open documents are linted again once a burst of changed files settled and no document waits. */
  private changesSettled(): void {
    if (this.changesQueued) return;
    this.changesQueued = true;
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, CHANGES_SETTLE_MS));
      await this.yieldToDocuments();
      this.changesQueued = false;
      if (!this.disposed) this.onChanged();
    })();
  }

  /** The walk on the main thread, in time slices, for when there is no worker. */
  private async walkInThread(generation: number, folders: readonly string[]): Promise<void> {
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
        if (count >= MAX_INDEXED_FILES) return this.walkDone(count, 0, true, changed);
        count++;
        if (this.isOpen(found.path)) continue;
        const indexed = walkedFacts(found, this.disk);
        if (indexed) changed = this.merge(indexed) || changed;
      }
    }
    this.walkDone(count, performance.now() - started, false, changed);
  }

  /** Lets pending messages and lints run, then waits while open documents are waiting to be linted. */
  private async yieldToDocuments(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.busy()) await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
  }
}
