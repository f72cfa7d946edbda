import type { AuditResult, SkippedFile } from '../audit/runAudit';
import { SKIP_REASONS } from '../audit/walk';
import { factorDocUrl, findRule, ruleDocUrl } from '../engine';
import type { Factor, Finding } from '../engine/types';
import { envPlaceNamer, type EnvContractRow, type EnvPlace } from './envContractReport';
import { escapeMarkdown } from './escape';
import { FACTOR_TITLES, SEVERITY_RANK, baselineLine, summarize, summaryLine, type AuditSummary } from './summary';

/** Options of the Markdown report. */
export interface MarkdownOptions {
  /** Where rule docs are linked; the public repository by default. */
  docsBaseUrl?: string;
}

/** How many skipped paths the report lists; a tree with hundreds of `node_modules` folders says how many more. */
export const MAX_SKIPPED_LISTED = 200;

/**
 * A report for pull-request comments and job summaries: a summary table by factor, then one section
 * per factor listing its findings as `path:line` links relative to the audited folder, each with its
 * rule's doc, and last what was not analysed and why. Workspace text is escaped.
 */
export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const summary = summarize(result);
  const baseline = baselineLine(summary);
  const out = ['# Twelve-factor audit', '', `${summaryLine(summary)}.${baseline ? ` ${capitalize(baseline)}.` : ''}`];
  if (summary.total > 0) out.push(...findingSections(result, summary, options));
  if (result.envContract?.length) out.push(...envContractSection(result.envContract, envPlaceNamer(result)));
  out.push(...skippedSection(result.skipped));
  return out.join('\n') + '\n';
}

function findingSections(result: AuditResult, summary: AuditSummary, options: MarkdownOptions): string[] {
  // With a baseline, a last column counts what it accepted (not in the other columns).
  const withBaseline = summary.baseline !== undefined;
  const out = ['', `| Factor | Errors | Warnings | Info | Total |${withBaseline ? ' Baseline |' : ''}`, `| --- | ---: | ---: | ---: | ---: |${withBaseline ? ' ---: |' : ''}`];
  for (const { factor, counts, accepted } of summary.byFactor) {
    out.push(`| ${factorLink(factor, options)} | ${counts.error} | ${counts.warning} | ${counts.info} | ${counts.total} |${withBaseline ? ` ${accepted} |` : ''}`);
  }
  out.push(`| **All** | ${summary.error} | ${summary.warning} | ${summary.info} | ${summary.total} |${withBaseline ? ` ${summary.baseline!.accepted} |` : ''}`);

  const byFactor = new Map<Factor, { file: string; finding: Finding }[]>();
  for (const r of result.results) {
    for (const finding of r.findings) {
      let list = byFactor.get(finding.factor);
      if (!list) byFactor.set(finding.factor, (list = []));
      list.push({ file: r.displayPath, finding });
    }
  }
  for (const { factor } of summary.byFactor) {
    const items = byFactor.get(factor);
    if (!items) continue; // only accepted findings
    out.push('', `## ${FACTOR_TITLES[factor]}`, '');
    // Stable sort: most severe first, file order kept within a severity.
    items.sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
    for (const { file, finding } of items) out.push(findingItem(file, finding, options));
  }
  return out;
}

/**
 * One row per service with the variables its code reads, those it is given, and the missing and
 * unused ones, each name linked to its line. Names only: a value never appears.
 */
function envContractSection(rows: readonly EnvContractRow[], name: (file: string) => string): string[] {
  const places = (list: readonly EnvPlace[]) => (list.length ? list.map((p) => `[${escapeMarkdown(p.name)}](${lineTarget(name(p.file), p.line)})`).join(', ') : '—');
  const out = ['', '## Environment contract', '', '| Service | Read | Provided | Missing | Unused |', '| --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const service = `${lineLink(name(row.file), row.line, row.service)} (${row.platform})`;
    out.push(`| ${service} | ${places(row.read)} | ${places(row.provided)} | ${places(row.missing)} | ${places(row.unused)} |`);
  }
  return out;
}

function skippedSection(skipped: readonly SkippedFile[]): string[] {
  if (skipped.length === 0) return [];
  const out = ['', `<details><summary>Not analysed: ${skipped.length} ${skipped.length === 1 ? 'path' : 'paths'}</summary>`, ''];
  for (const s of skipped.slice(0, MAX_SKIPPED_LISTED)) out.push(`- ${escapeMarkdown(s.displayPath)}${s.folder ? '/' : ''}: ${SKIP_REASONS[s.reason]}`);
  if (skipped.length > MAX_SKIPPED_LISTED) out.push(`- and ${skipped.length - MAX_SKIPPED_LISTED} more`);
  out.push('', '</details>');
  return out;
}

/** A relative link to a file's line, as GitHub and VS Code's Markdown preview resolve it: `[api/Dockerfile:3](api/Dockerfile#L3)`. */
function lineLink(file: string, line: number, label = `${file}:${line}`): string {
  return `[${escapeMarkdown(label)}](${lineTarget(file, line)})`;
}

/** The target of {@link lineLink}: `api/Dockerfile#L3`, each segment encoded. */
function lineTarget(file: string, line: number): string {
  const target = file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${target}#L${line}`;
}

function findingItem(file: string, finding: Finding, options: MarkdownOptions): string {
  const where = lineLink(file, finding.range.start.line + 1);
  const rule = findRule(finding.ruleId) ?? { id: finding.ruleId };
  const url = options.docsBaseUrl ? ruleDocUrl(rule, options.docsBaseUrl) : ruleDocUrl(rule);
  return `- **${finding.severity}** ${where}: ${escapeMarkdown(finding.message)} ([${finding.ruleId}](${encodeURI(url)}))`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function factorLink(factor: Factor, options: MarkdownOptions): string {
  return `[${FACTOR_TITLES[factor]}](${options.docsBaseUrl ? factorDocUrl(factor, options.docsBaseUrl) : factorDocUrl(factor)})`;
}
