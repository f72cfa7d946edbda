import type { AuditResult } from '../audit/runAudit';
import { printable } from './escape';
import { FACTOR_TITLES, baselineLine, describeCounts, plural, summarize, summaryLine } from './summary';

/**
 * The human report: findings grouped by file as `file:line:col  severity  message  ruleId` (1-based,
 * so terminals and editors can jump to them), then the counts per factor and a total line.
 */
export function formatText(result: AuditResult): string {
  const lines: string[] = [];
  for (const file of result.results) {
    if (file.findings.length === 0) continue;
    const name = printable(file.displayPath);
    for (const f of file.findings) {
      const where = `${name}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${f.severity.padEnd(7)}  ${printable(f.message)}  ${f.ruleId}`);
    }
    lines.push('');
  }
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
