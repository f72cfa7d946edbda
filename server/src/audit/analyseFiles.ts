import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { AuditFs } from './auditFs';
import { Pacer, type AuditControl } from './auditControl';
import { analyseInPool } from './auditPool';
import { FileAnalyser, type AnalysisSettings, type FileOutcome, type QueuedFile } from './fileAnalyser';

/** How the analysis runs besides what it reads. */
export interface AnalysisOptions {
  /** The file system to read; the real one by default. The pool always reads the real one. */
  fs?: AuditFs;
  /** Where the engine logs internal failures (a rule that throws). */
  log?: (message: string) => void;
  control?: AuditControl;
  /** Worker threads to analyse with; 1 (the default) analyses on this thread. */
  jobs?: number;
  /** Called with the whole workspace index once every file is indexed (the audit's env contract is built from it). */
  onIndex?: (index: WorkspaceIndex) => void;
}

/**
 * Analyses the queued files in two passes, first indexing every file's cross-file facts, then
 * linting each file against that index, and returns one outcome per file in queue order. On this
 * thread the passes run in time slices (see {@link Pacer}); with `jobs` above 1 a worker pool runs
 * them, with the same outcomes in the same order.
 */
export async function analyseFiles(files: readonly QueuedFile[], settings: AnalysisSettings, options: AnalysisOptions = {}): Promise<FileOutcome[]> {
  const jobs = Math.min(options.jobs ?? 1, files.length);
  if (jobs > 1) return analyseInPool(files, settings, { jobs, log: options.log, control: options.control, onIndex: options.onIndex });

  const analyser = new FileAnalyser(settings, options.fs, options.log);
  const pacer = new Pacer(options.control);
  const index = new WorkspaceIndex();
  const total = files.length;
  for (let i = 0; i < total; i++) {
    const facts = analyser.index(files[i]);
    if (facts) index.set(files[i].path, files[i].kind.kind, facts);
    await pacer.step({ phase: 'indexing', done: i + 1, total });
  }
  options.onIndex?.(index);
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < total; i++) {
    outcomes.push(analyser.lint(files[i], index));
    await pacer.step({ phase: 'checking', done: i + 1, total });
  }
  return outcomes;
}
