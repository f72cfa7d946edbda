import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeFsError, nodeAuditFs, type AuditFs } from '../audit/auditFs';
import type { AuditResult } from '../audit/runAudit';
import { applyBaseline, baselineReader, updatedBaseline } from '../baseline/auditBaseline';
import { BASELINE_FILE_NAME, BaselineError, serializeBaseline, type Baseline } from '../baseline/baselineFile';
import type { BaselineMode } from './args';

/** The most bytes a baseline file may have: about a million accepted findings. */
const MAX_BASELINE_BYTES = 128 * 1024 * 1024;

/**
 * Applies or rewrites the baselines of an audit's workspace roots, as `--no-baseline` and
 * `--update-baseline` ask. Returns the result to report (new findings only, unless ignored) and
 * lines to tell the user. Throws {@link BaselineError} for a damaged baseline, except when rewriting it.
 */
export function baselineStep(result: AuditResult, mode: BaselineMode, fs: AuditFs = nodeAuditFs): { result: AuditResult; notes: string[] } {
  if (mode === 'ignore') return { result, notes: [] };
  const read = baselineReader(readBaselineText(fs));
  if (mode === 'use') return { result: applyBaseline(result, read), notes: [] };

  const notes: string[] = [];
  const previous = (root: string): Baseline | undefined => {
    try {
      return read(root);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      notes.push(`replacing a damaged baseline: ${error.message.split(': ').slice(1).join(': ')}`);
      return undefined;
    }
  };
  const before = applyBaseline(result, previous);
  const written = new Map<string, Baseline>();
  const roots = [...new Set(result.results.map((r) => r.root).filter((r): r is string => r !== undefined))];
  for (const root of roots) {
    const { baseline, accepted, stale } = updatedBaseline(before, root, previous(root));
    const file = path.join(root, BASELINE_FILE_NAME);
    writeFileSync(file, serializeBaseline(baseline));
    written.set(root, baseline);
    const dropped = stale === 0 ? '' : `, ${stale} stale ${stale === 1 ? 'entry' : 'entries'} dropped`;
    notes.push(`wrote ${path.relative(process.cwd(), file) || file}: ${accepted} accepted ${accepted === 1 ? 'finding' : 'findings'}${dropped}`);
  }
  return { result: applyBaseline(result, (root) => written.get(root)), notes };
}

/** Reads a baseline file: undefined when there is none, an error when it is not a readable file of sane size. */
function readBaselineText(fs: AuditFs): (file: string) => string | undefined {
  return (file) => {
    const stat = fs.stat(file);
    if (stat === undefined) return undefined;
    if (stat.type !== 'file') throw new BaselineError(`Cannot use the baseline ${file}: it is not a regular file.`);
    if (stat.size > MAX_BASELINE_BYTES) throw new BaselineError(`Cannot use the baseline ${file}: it is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MB.`);
    try {
      return fs.readText(file);
    } catch (error) {
      throw new BaselineError(`Cannot read the baseline ${file}: ${describeFsError(error)}.`);
    }
  };
}
