import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { baselineReader, type BaselineReader } from '../baseline/auditBaseline';
import { BaselineError, type Baseline } from '../baseline/baselineFile';
import { fingerprintOf } from '../baseline/fingerprint';
import { matchFile, type BaselineState } from '../baseline/matchBaseline';
import type { Finding } from '../engine/types';

/**
 * The baselines of the workspace roots, read from disk once and again after the file changes. The
 * editor marks live findings with the same matcher the CLI uses, so that what `twelve-factor audit`
 * accepts is what the editor shows as accepted. A damaged baseline is reported once and accepts nothing.
 */
export class Baselines {
  private readonly cache = new Map<string, Baseline | undefined>();
  private readonly read: BaselineReader;
  private readonly reported = new Set<string>();

  constructor(
    readText: (file: string) => string | undefined,
    private readonly warn: (message: string) => void,
  ) {
    this.read = baselineReader(readText);
  }

  /** A root's baseline, or undefined when it has none or it is damaged. */
  of(root: string): Baseline | undefined {
    if (!this.cache.has(root)) {
      let baseline: Baseline | undefined;
      try {
        baseline = this.read(root);
      } catch (error) {
        if (!(error instanceof BaselineError)) throw error;
        if (!this.reported.has(error.message)) {
          this.reported.add(error.message);
          this.warn(error.message);
        }
      }
      this.cache.set(root, baseline);
    }
    return this.cache.get(root);
  }

  /** The reader the editor's audit uses: the same cache, never throwing. */
  reader(): BaselineReader {
    return (root) => this.of(root);
  }

  /** Whether each finding of a file is accepted by its root's baseline; undefined when the root has none. */
  states(root: string, filePath: string, text: string, findings: readonly Finding[]): BaselineState[] | undefined {
    const baseline = this.of(root);
    if (!baseline) return undefined;
    const relativePath = path.relative(root, filePath).split(path.sep).join('/');
    return matchFile(
      baseline.get(relativePath),
      findings.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint ?? fingerprintOf(f.ruleId, text, f.span) })),
    ).states;
  }

  /** Forgets every baseline (a baseline file changed on disk). */
  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }
}

/** Shows a diagnostic of an accepted finding as the setting asks: a hint marked "(baseline)", or nothing. */
export function asBaselineDiagnostic(diagnostic: Diagnostic, show: 'hint' | 'hide'): Diagnostic | undefined {
  if (show === 'hide') return undefined;
  return { ...diagnostic, severity: DiagnosticSeverity.Hint, message: `${diagnostic.message} (baseline)` };
}

/** Applies baseline states to a file's diagnostics, which are in the order of its findings. */
export function markAccepted(diagnostics: Diagnostic[], states: readonly BaselineState[] | undefined, show: 'hint' | 'hide'): Diagnostic[] {
  if (!states) return diagnostics;
  return diagnostics.flatMap((d, i) => (states[i] === 'unchanged' ? (asBaselineDiagnostic(d, show) ?? []) : [d]));
}
