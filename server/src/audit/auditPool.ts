import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileKind } from '../parsing/fileKind';
import type { FileFacts } from '../workspace/facts';
import { WorkspaceIndex, type IndexEntry } from '../workspace/workspaceIndex';
import { AuditCancelledError, SLICE_MS, type AuditControl, type AuditProgress } from './auditControl';
import type { AnalysisSettings, FileOutcome, QueuedFile } from './fileAnalyser';

/** The worker bundle, which the build writes next to the CLI and server bundles. */
export const WORKER_SCRIPT = path.join(__dirname, 'auditWorker.js');

/** What the pool asks of a worker: index its share of the files, then lint them against the whole index. */
export type ToWorker = { type: 'index'; files: QueuedFile[] } | { type: 'lint'; entries: IndexEntry[] };

/** What a worker answers. */
export type FromWorker =
  | { type: 'progress'; done: number }
  | { type: 'indexed'; facts: ({ kind: FileKind; facts: FileFacts } | undefined)[] }
  | { type: 'linted'; outcomes: FileOutcome[] }
  | { type: 'log'; message: string };

/** How the pool runs. */
export interface PoolOptions {
  jobs: number;
  log?: (message: string) => void;
  control?: AuditControl;
  onIndex?: (index: WorkspaceIndex) => void;
}

/**
 * Runs the audit's two passes on `jobs` worker threads (the engine is pure, so each worker runs its
 * own copy). File `i` goes to worker `i % jobs`, which keeps its parsed models between the passes;
 * the facts are merged into one index in queue order, so rules see exactly what the single-threaded
 * audit shows them, and the outcomes come back in queue order. Cancelling terminates the workers.
 */
export async function analyseInPool(files: readonly QueuedFile[], settings: AnalysisSettings, options: PoolOptions): Promise<FileOutcome[]> {
  if (!existsSync(WORKER_SCRIPT)) throw new Error(`The audit worker ${WORKER_SCRIPT} is missing: run "npm run build".`);
  const { jobs } = options;
  const shares = Array.from({ length: jobs }, (_, w) => files.filter((_, i) => i % jobs === w));
  const workers = shares.map(() => new Worker(WORKER_SCRIPT, { workerData: settings }));
  const at = <T>(perWorker: T[][], i: number) => perWorker[i % jobs][Math.floor(i / jobs)];
  try {
    const facts = await runPhase(workers, 'indexing', files.length, (w) => ({ type: 'index', files: shares[w] }), 'indexed', options);
    const index = new WorkspaceIndex();
    files.forEach((file, i) => {
      const entry = at(facts, i);
      if (entry) index.set(file.path, entry.kind, entry.facts);
    });
    options.onIndex?.(index);
    const entries = [...index.entries()];
    const outcomes = await runPhase(workers, 'checking', files.length, () => ({ type: 'lint', entries }), 'linted', options);
    return files.map((_, i) => at(outcomes, i));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

type Answer<K> = Extract<FromWorker, { type: K }>;
type Payload<K extends 'indexed' | 'linted'> = K extends 'indexed' ? Answer<'indexed'>['facts'] : Answer<'linted'>['outcomes'];

/** Sends each worker its message and resolves with every worker's answer, watching for cancellation. */
function runPhase<K extends 'indexed' | 'linted'>(
  workers: Worker[],
  phase: AuditProgress['phase'],
  total: number,
  message: (worker: number) => ToWorker,
  answer: K,
  options: PoolOptions,
): Promise<Payload<K>[]> {
  return new Promise((resolve, reject) => {
    const results: Payload<K>[] = new Array(workers.length);
    const done = new Array<number>(workers.length).fill(0);
    let pending = workers.length;
    const cleanups: (() => void)[] = [];
    const finish = (fn: () => void) => {
      clearInterval(watch);
      for (const cleanup of cleanups) cleanup();
      fn();
    };
    // The main thread is idle while the workers run, so a cancel request is seen on the next tick.
    const watch = setInterval(() => {
      options.control?.onProgress?.({ phase, done: done.reduce((a, b) => a + b, 0), total });
      if (options.control?.isCancelled?.()) finish(() => reject(new AuditCancelledError()));
    }, SLICE_MS);
    workers.forEach((worker, w) => {
      const onMessage = (m: FromWorker) => {
        if (m.type === 'progress') done[w] = m.done;
        else if (m.type === 'log') options.log?.(m.message);
        else if (m.type === answer) {
          results[w] = (m.type === 'indexed' ? m.facts : (m as Answer<'linted'>).outcomes) as Payload<K>;
          if (--pending === 0) finish(() => resolve(results));
        }
      };
      const onError = (error: Error) => finish(() => reject(error));
      const onExit = (code: number) => finish(() => reject(new Error(`An audit worker stopped with exit code ${code}.`)));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      cleanups.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
      worker.postMessage(message(w));
    });
  });
}
