/** Files above this size are reported, not parsed: real manifests and Dockerfiles are far smaller. */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

/** Files above this many bytes hold more than `MAX_FILE_CHARS` characters whatever their content (UTF-8 spends at most 3 bytes per UTF-16 unit). */
export const MAX_READ_BYTES = 3 * MAX_FILE_CHARS;

/**
 * How long the analysis of one file may take, parse and rules together. The engine checks it after
 * the parse and after each rule; a file over it is reported as too slow and the audit goes on, and
 * the editor's thread is handed back. Real files take milliseconds; the budget is for hostile ones.
 * It is wall-clock time (Node 20 has no per-thread CPU clock, and workers share the process's), so it
 * is generous: on a machine shared by many jobs a normal file must never come near it.
 */
export const FILE_TIME_BUDGET_MS = 10_000;

let setupMs = 0;

/**
 * Runs one-time start-up work (loading a grammar, compiling a query) and books its time apart, so that
 * the first file of a language is not charged for it against its budget.
 */
export function asSetup<T>(work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    setupMs += performance.now() - started;
  }
}

/** Milliseconds spent in {@link asSetup} work since the process started. */
export function setupTime(): number {
  return setupMs;
}

/**
 * Why a text is not analysed at all (the engine reports it as `codebase/unparsable-file`), if it is
 * not. Every parse of a workspace text asks this first: linting, the index's facts, configuration
 * files and the other files rules read.
 */
export function unanalysableText(text: string): 'tooLarge' | 'binary' | undefined {
  if (text.length > MAX_FILE_CHARS) return 'tooLarge';
  if (text.slice(0, 8192).includes('\u0000')) return 'binary';
  return undefined;
}
