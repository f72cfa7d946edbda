import type { AuditResult } from '../audit/runAudit';
import { findRule, ruleDocUrl } from '../engine';
import type { Factor, Finding } from '../engine/types';
import { escapeMarkdown } from './escape';
import { FACTOR_TITLES, SEVERITY_RANK, factorUrl, summarize, summaryLine } from './summary';

/** Options of the Markdown report. */
export interface MarkdownOptions {
  /** Where rule docs are linked; the public repository by default. */
  docsBaseUrl?: string;
}

/**
 * A report for pull-request comments and job summaries: a summary table by factor, then one section
 * per factor listing its findings, each linked to its rule's doc. Workspace text is escaped.
 */
export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const summary = summarize(result);
  const out = ['# Twelve-factor audit', '', `${summaryLine(summary)}.`];
  if (summary.total === 0) return out.join('\n') + '\n';

  out.push('', '| Factor | Errors | Warnings | Info | Total |', '| --- | ---: | ---: | ---: | ---: |');
  for (const { factor, counts } of summary.byFactor) {
    out.push(`| ${factorLink(factor)} | ${counts.error} | ${counts.warning} | ${counts.info} | ${counts.total} |`);
  }
  out.push(`| **All** | ${summary.error} | ${summary.warning} | ${summary.info} | ${summary.total} |`);

  const byFactor = new Map<Factor, { file: string; finding: Finding }[]>();
  for (const r of result.results) {
    for (const finding of r.findings) {
      let list = byFactor.get(finding.factor);
      if (!list) byFactor.set(finding.factor, (list = []));
      list.push({ file: r.displayPath, finding });
    }
  }
  for (const { factor } of summary.byFactor) {
    out.push('', `## ${FACTOR_TITLES[factor]}`, '');
    const items = byFactor.get(factor)!;
    // Stable sort: most severe first, file order kept within a severity.
    items.sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
    for (const { file, finding } of items) out.push(findingItem(file, finding, options));
  }
  return out.join('\n') + '\n';
}

function findingItem(file: string, finding: Finding, options: MarkdownOptions): string {
  const where = `${escapeMarkdown(file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  const rule = findRule(finding.ruleId) ?? { id: finding.ruleId };
  const url = options.docsBaseUrl ? ruleDocUrl(rule, options.docsBaseUrl) : ruleDocUrl(rule);
  return `- **${finding.severity}** ${where}: ${escapeMarkdown(finding.message)} ([${finding.ruleId}](${encodeURI(url)}))`;
}

function factorLink(factor: Factor): string {
  return `[${FACTOR_TITLES[factor]}](${factorUrl(factor)})`;
}
