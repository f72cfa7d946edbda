import * as path from 'node:path';
import type { AuditFileResult, AuditResult } from '../audit/runAudit';
import type { Finding } from '../engine/types';
import { BASELINE_FILE_NAME, BaselineError, parseBaseline, type Baseline } from './baselineFile';
import type { Fingerprint } from './fingerprint';
import { matchFile } from './matchBaseline';

/** A baseline entry that no finding matched any more: its code was fixed, or its flagged text changed. */
export interface AbsentEntry {
  /** Absolute path of the file the entry is about. */
  file: string;
  /** Named like {@link AuditFileResult.displayPath} (relative to the audited folder). */
  displayPath: string;
  ruleId: string;
}

/** What the baseline did to an audit. */
export interface BaselineOutcome {
  /** The baseline files read, absolute. */
  files: string[];
  /** Findings accepted in a baseline, per file (the result's `results` keep only the new ones). */
  accepted: AuditFileResult[];
  /** Entries whose finding is gone: stale, dropped by the next `--update-baseline`. */
  absent: AbsentEntry[];
}

/** Reads a root's baseline: undefined when the root has none, a {@link BaselineError} when it is damaged. */
export type BaselineReader = (root: string) => Baseline | undefined;

/**
 * Splits an audit's findings into new ones and ones the baseline of their workspace root accepts.
 * The returned result keeps only new findings (so `--fail-on`, counts and reports see only those) and
 * carries the accepted and absent ones in `baseline`. Entries of files this audit did not look at are
 * neither matched nor stale.
 */
export function applyBaseline(result: AuditResult, read: BaselineReader): AuditResult {
  const baselines = new Map<string, Baseline | undefined>();
  const baselineOf = (root: string) => {
    if (!baselines.has(root)) baselines.set(root, read(root));
    return baselines.get(root);
  };
  const outcome: BaselineOutcome = { files: [], accepted: [], absent: [] };
  const results = result.results.map((r) => {
    const baseline = r.root === undefined ? undefined : baselineOf(r.root);
    if (!baseline) return r;
    const match = matchFile(baseline.get(r.relativePath), fingerprinted(r.findings));
    const kept: Finding[] = [];
    const accepted: Finding[] = [];
    r.findings.forEach((f, i) => (match.states[i] === 'unchanged' ? accepted : kept).push(f));
    if (accepted.length > 0) outcome.accepted.push({ ...r, findings: accepted });
    for (const a of match.absent) outcome.absent.push({ file: r.file, displayPath: r.displayPath, ruleId: a.ruleId });
    return { ...r, findings: kept };
  });
  for (const [root, baseline] of baselines) {
    if (!baseline) continue;
    outcome.files.push(path.join(root, BASELINE_FILE_NAME));
    outcome.absent.push(...entriesOfVanishedFiles(result, root, baseline));
  }
  if (outcome.files.length === 0) return result;
  return { ...result, results, baseline: outcome };
}

/**
 * The baseline a root should have after this audit: its entries for files the audit did not look
 * at, plus every current finding of the files it did. Stale entries (fixed findings, deleted files
 * in audited folders) are dropped. Returns the new baseline and how many entries were stale.
 */
export function updatedBaseline(result: AuditResult, root: string, previous: Baseline | undefined): { baseline: Baseline; accepted: number; stale: number } {
  const baseline: Baseline = new Map();
  let accepted = 0;
  for (const r of [...result.results, ...(result.baseline?.accepted ?? [])]) {
    if (r.root !== root) continue;
    const byRule = baseline.get(r.relativePath) ?? new Map<string, Fingerprint[]>();
    baseline.set(r.relativePath, byRule);
    for (const f of fingerprinted(r.findings)) {
      byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f.fingerprint]);
      accepted++;
    }
  }
  const looked = new Set(result.results.filter((r) => r.root === root).map((r) => r.relativePath));
  for (const [file, byRule] of previous ?? []) {
    // Files this audit did not look at keep their entries; files gone from an audited folder lose them.
    if (looked.has(file) || covered(result, root, file)) continue;
    baseline.set(file, byRule);
    for (const list of byRule.values()) accepted += list.length;
  }
  const stale = (result.baseline?.absent ?? []).filter((a) => isUnder(root, a.file)).length;
  return { baseline, accepted, stale };
}

/** The findings of a file with their fingerprints; the audit computes them where it has the text. */
function fingerprinted(findings: readonly Finding[]): { ruleId: string; fingerprint: Fingerprint }[] {
  return findings.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint ?? { text: '', above: '', below: '' } }));
}

/** Entries of files that lie in an audited folder but were not found there: deleted or renamed files. */
function entriesOfVanishedFiles(result: AuditResult, root: string, baseline: Baseline): AbsentEntry[] {
  const present = new Set(result.results.filter((r) => r.root === root).map((r) => r.relativePath));
  const absent: AbsentEntry[] = [];
  for (const [file, byRule] of baseline) {
    if (present.has(file) || !covered(result, root, file)) continue;
    const abs = path.join(root, ...file.split('/'));
    const displayPath = result.root ? path.relative(result.root, abs).split(path.sep).join('/') : file;
    for (const [ruleId, list] of byRule) for (let i = 0; i < list.length; i++) absent.push({ file: abs, displayPath, ruleId });
  }
  return absent;
}

/** True when a root-relative file lies in a folder the audit walked, so that its absence means it is gone. */
function covered(result: AuditResult, root: string, file: string): boolean {
  const abs = path.join(root, ...file.split('/'));
  return (result.folders ?? []).some((folder) => isUnder(folder, abs)) && !result.skipped.some((s) => s.path === abs || (s.folder && isUnder(s.path, abs)));
}

function isUnder(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Reads `<root>/.twelve-factor-baseline.json` through `readText`; throws {@link BaselineError} naming the file when it is damaged. */
export function baselineReader(readText: (file: string) => string | undefined): BaselineReader {
  return (root) => {
    const file = path.join(root, BASELINE_FILE_NAME);
    const text = readText(file);
    if (text === undefined) return undefined;
    try {
      return parseBaseline(text);
    } catch (error) {
      if (error instanceof BaselineError) throw new BaselineError(`Cannot use the baseline ${file}: ${error.message}. Fix it, delete it, or rewrite it with --update-baseline.`);
      throw error;
    }
  };
}
