import * as path from 'node:path';
import { readSettingsJson, readTeamConfig } from '../../server/src/engine/config/configFiles';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint, type LintInput } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { SourceFile } from '../../server/src/parsing/sourceFile';

/** Lints one in-memory file with a team config (YAML text), settings (JSON text) and other files. */
export function lintText(
  fileName: string,
  text: string,
  opts: { teamConfig?: string; settings?: string; files?: Record<string, string>; today?: string; log?: (m: string) => void; rules?: LintInput['rules']; now?: () => number; budgetMs?: number } = {},
): Finding[] {
  const root = path.resolve('/workspace');
  const team = readTeamConfig(opts.teamConfig ?? '').value;
  const settingsRules = opts.settings ? readSettingsJson(opts.settings).value.rules : undefined;
  const config = new ResolvedConfig(team, settingsRules ?? new Map(), opts.today ?? '2026-11-24');
  return lint({
    file: new SourceFile(path.join(root, fileName), text),
    config,
    relativePath: fileName,
    workspace: { readText: (p) => opts.files?.[path.relative(root, p).split(path.sep).join('/')] },
    log: opts.log,
    rules: opts.rules,
    now: opts.now,
    // Unlimited unless a test is about the budget: a loaded machine must not turn a slow lint into a verdict.
    budgetMs: opts.budgetMs ?? Infinity,
  }).findings;
}

/** Just the rule ids and 0-based start lines of findings, for compact assertions. */
export function idsAndLines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line}:${f.ruleId}`);
}
