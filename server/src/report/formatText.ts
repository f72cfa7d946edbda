import type { AuditResult, SkippedFile } from '../audit/runAudit';
import { SKIP_REASONS, type SkipReason } from '../audit/walk';
import { printable } from './escape';
import { FACTOR_TITLES, baselineLine, describeCounts, plural, summarize, summaryLine } from './summary';

/**
 * Why a file was passed over that the text report names: the files the user expected analysed. Ignored,
 * excluded and vendored paths are the walk doing its job; the Markdown report lists those too.
 */
const LISTED_SKIPS: ReadonlySet<SkipReason> = new Set(['tooLarge', 'binary', 'unreadable']);

/**
 * The human report: findings grouped by file as `file:line:col  severity  message  ruleId` (1-based,
 * so terminals and editors can jump to them), the files that could not be analysed with the reason,
 * then the counts per factor and a total line. `quiet` keeps the finding lines alone.
 */
export function formatText(result: AuditResult, { quiet = false }: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  for (const file of result.results) {
    if (file.findings.length === 0) continue;
    const name = printable(file.displayPath);
    for (const f of file.findings) {
      const where = `${name}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${f.severity.padEnd(7)}  ${printable(f.message)}  ${f.ruleId}`);
    }
    if (!quiet) lines.push('');
  }
  if (quiet) return lines.map((line) => `${line}\n`).join('');
  lines.push(...skippedLines(result.skipped));
  const summary = summarize(result);
  if (summary.byFactor.length > 0) {
    lines.push('By factor:');
    const width = Math.max(...summary.byFactor.map((f) => FACTOR_TITLES[f.factor].length));
    for (const { factor, counts, accepted } of summary.byFactor) {
      const problems = counts.total > 0 ? `${plural(counts.total, 'problem')} (${describeCounts(counts)})` : '';
      const baseline = accepted > 0 ? `${accepted} accepted in the baseline` : '';
      lines.push(`  ${FACTOR_TITLES[factor].padEnd(width)}  ${[problems, baseline].filter(Boolean).join(', ')}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(summary));
  const baseline = baselineLine(summary);
  if (baseline) lines.push(baseline);
  return lines.join('\n') + '\n';
}

/** `Not analysed:` and one `  path  reason` line per file (or folder) that was too large, binary or unreadable. */
function skippedLines(skipped: readonly SkippedFile[]): string[] {
  const listed = skipped.filter((s) => LISTED_SKIPS.has(s.reason));
  if (listed.length === 0) return [];
  return ['Not analysed:', ...listed.map((s) => `  ${printable(s.displayPath)}${s.folder ? '/' : ''}  ${SKIP_REASONS[s.reason]}`), ''];
}
