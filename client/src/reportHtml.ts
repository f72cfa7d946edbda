import { ENV_PLACE_LISTS, type AuditReport, type ReportCounts, type ReportEnvPlace, type ReportFinding } from '../../server/src/protocol';
import { printable } from '../../server/src/report/escape';

/** What the page needs from its webview: a fresh nonce for its one style and one script. */
export interface PageContext {
  nonce: string;
}

/** The most findings the page lists; the export has them all. */
export const MAX_FINDINGS_SHOWN = 5000;

const SEVERITIES = ['error', 'warning', 'info'] as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Makes workspace text (paths, messages, rule ids) inert in HTML text and quoted attributes: control
 * characters and bidi overrides are neutralised as in every report, then markup characters become entities.
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The Content-Security-Policy of the page: nothing loads, and only the nonce'd style and script run. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

/**
 * The audit report page: a scorecard of the twelve factors with counts by severity and a bar each,
 * the rules and files with the most findings, every finding as a button that opens it, the env
 * contract by service (each variable a button that opens its place), and what was not analysed. Themed with VS Code's CSS variables, operable by keyboard, and with no remote resource.
 * A pure function of its input, so that escaping and the policy are tested without VS Code.
 */
export function reportHtml(report: AuditReport, context: PageContext): string {
  const nonce = escapeHtml(context.nonce);
  const when = `${escapeHtml(report.finishedAt.slice(0, 19).replace('T', ' '))} UTC, ${(report.durationMs / 1000).toFixed(1)} s`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Twelve-Factor Audit</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>Twelve-Factor audit</h1>
<p class="summary">${escapeHtml(report.summary)}.</p>
<p class="meta">Audited ${report.scope.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ')}; ${when}.</p>
<div class="actions"><button type="button" data-export="markdown">Export as Markdown…</button> <button type="button" data-export="sarif">Export as SARIF…</button></div>
</header>
<main>
${scorecard(report)}
${topRules(report)}
${topFiles(report)}
${findings(report)}
${envContract(report)}
${skipped(report)}
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function scorecard(report: AuditReport): string {
  const most = Math.max(1, ...report.factors.map((f) => f.total));
  const rows = report.factors.map((f) => {
    // The factor's name opens its page (the rules that check it); the total jumps to its findings.
    const title = `<button type="button" class="link" data-factor="${escapeHtml(f.factor)}" title="Show the rules of this factor">${escapeHtml(f.title)}</button>`;
    const total = f.total > 0 ? `<a href="#factor-${escapeHtml(f.factor)}" title="Go to the findings">${f.total}</a>` : `${f.total}`;
    const cells = SEVERITIES.map((s) => `<td class="num${f[s] > 0 ? ` ${s}` : ''}">${f[s]}</td>`).join('');
    const accepted = report.baseline ? `<td class="num baseline">${f.baseline ?? 0}</td>` : '';
    return `<tr${f.total === 0 ? ' class="clean"' : ''}><th scope="row">${title}</th>${cells}<td class="num">${total}</td>${accepted}<td class="bar-cell">${bar(f, most)}</td></tr>`;
  });
  // With a baseline, a column counts the findings it accepted; they are not in the other columns.
  const baselineHead = report.baseline ? '<th scope="col" class="num" title="Accepted in .twelve-factor-baseline.json; not counted in the other columns">Baseline</th>' : '';
  const baselineFoot = report.baseline ? `<td class="num baseline">${report.baseline.accepted}</td>` : '';
  const baselineNote = report.baseline
    ? `<p class="note">${report.baseline.accepted} accepted in the baseline${report.baseline.stale > 0 ? `; ${report.baseline.stale} of its entries no longer match a finding (fixed): run <code>twelve-factor audit --update-baseline</code> to drop them` : ''}.</p>`
    : '';
  return `<section aria-labelledby="scorecard"><h2 id="scorecard">Scorecard</h2>
<table class="scorecard"><thead><tr><th scope="col">Factor</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Info</th><th scope="col" class="num">Total</th>${baselineHead}<th scope="col"><span class="visually-hidden">Share of findings</span></th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><th scope="row">All</th>${SEVERITIES.map((s) => `<td class="num">${report.totals[s]}</td>`).join('')}<td class="num">${report.totals.total}</td>${baselineFoot}<td></td></tr></tfoot></table>${baselineNote}</section>`;
}

/** A stacked bar in SVG: attributes, not inline styles, so that the strict policy allows it. */
function bar(counts: ReportCounts, most: number): string {
  let x = 0;
  const rects = SEVERITIES.filter((s) => counts[s] > 0).map((s) => {
    const width = (counts[s] / most) * 100;
    const rect = `<rect class="${s}" x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="10"></rect>`;
    x += width;
    return rect;
  });
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects.join('')}</svg>`;
}

function topRules(report: AuditReport): string {
  if (report.topRules.length === 0) return '';
  const items = report.topRules.map((r) => `<li><button type="button" class="link" data-rule="${escapeHtml(r.ruleId)}" title="Show the rule's documentation">${escapeHtml(r.ruleId)}</button> <span class="count">${r.count}</span></li>`);
  return `<section aria-labelledby="top-rules"><h2 id="top-rules">Top rules</h2><ol class="ranking">${items.join('')}</ol></section>`;
}

function topFiles(report: AuditReport): string {
  if (report.topFiles.length === 0) return '';
  const items = report.topFiles.map((f, i) => {
    const counts = SEVERITIES.filter((s) => f[s] > 0).map((s) => `<span class="${s}">${f[s]} ${s}</span>`).join(', ');
    return `<li><button type="button" class="link" data-file="${i}">${escapeHtml(f.path)}</button> <span class="count">${f.total}</span> <span class="detail">${counts}</span></li>`;
  });
  return `<section aria-labelledby="top-files"><h2 id="top-files">Files with the most findings</h2><ol class="ranking">${items.join('')}</ol></section>`;
}

function findings(report: AuditReport): string {
  if (report.findings.length === 0) return `<section aria-labelledby="findings"><h2 id="findings">Findings</h2><p>No findings.</p></section>`;
  const byFactor = new Map<string, { finding: ReportFinding; index: number }[]>();
  report.findings.slice(0, MAX_FINDINGS_SHOWN).forEach((finding, index) => {
    const list = byFactor.get(finding.factor) ?? [];
    list.push({ finding, index });
    byFactor.set(finding.factor, list);
  });
  const sections = report.factors
    .filter((f) => byFactor.has(f.factor))
    .map((f) => {
      const items = byFactor.get(f.factor)!.sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
      return `<h3 id="factor-${escapeHtml(f.factor)}">${escapeHtml(f.title)} <span class="count">${f.total}</span></h3><ul class="findings">${items.map(findingItem).join('')}</ul>`;
    });
  const more = report.findings.length > MAX_FINDINGS_SHOWN ? `<p class="note">The first ${MAX_FINDINGS_SHOWN} of ${report.findings.length} findings are listed here; the exported report has them all.</p>` : '';
  return `<section aria-labelledby="findings"><h2 id="findings">Findings</h2>${more}${sections.join('\n')}</section>`;
}

function findingItem({ finding: f, index }: { finding: ReportFinding; index: number }): string {
  const where = `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  return `<li class="finding"><span class="severity ${f.severity}">${f.severity}</span> <button type="button" class="link location" data-finding="${index}" title="Open at the finding">${escapeHtml(where)}</button> <span class="message">${escapeHtml(f.message)}</span> <button type="button" class="link rule" data-rule="${escapeHtml(f.ruleId)}" title="Show the rule's documentation">${escapeHtml(f.ruleId)}</button></li>`;
}

/**
 * The Markdown export's "Environment contract" table: one row per service with the variables read,
 * provided, missing and unused, each a button naming its place by row, list and index. Names only.
 */
function envContract(report: AuditReport): string {
  if (!report.envContract?.length) return '';
  const button = (p: ReportEnvPlace, row: number, list: string, index: number, label = p.name) =>
    `<button type="button" class="link" data-env-row="${row}" data-env-list="${list}" data-env-index="${index}" title="${escapeHtml(`${p.path}:${p.line + 1}`)}">${escapeHtml(label)}</button>`;
  const rows = report.envContract.map((service, row) => {
    const cells = ENV_PLACE_LISTS.map((list) => {
      const places = service[list];
      const kind = list === 'missing' ? ' warning' : list === 'unused' ? ' info' : '';
      return `<td class="env${places.length ? kind : ''}">${places.length ? places.map((p, i) => button(p, row, list, i)).join(', ') : '—'}</td>`;
    });
    return `<tr><th scope="row">${button(service.at, row, 'service', 0, service.service)} <span class="detail">${escapeHtml(service.platform)}</span></th>${cells.join('')}</tr>`;
  });
  return `<section aria-labelledby="env-contract"><h2 id="env-contract">Environment contract</h2>
<table class="env-contract"><thead><tr><th scope="col">Service</th><th scope="col">Read</th><th scope="col">Provided</th><th scope="col">Missing</th><th scope="col">Unused</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function skipped(report: AuditReport): string {
  if (report.skipped.length === 0) return '';
  const items = report.skipped.map((s) => `<li><code>${escapeHtml(s.path)}${s.folder ? '/' : ''}</code> ${escapeHtml(s.reason)}</li>`);
  return `<section aria-labelledby="skipped"><details><summary><h2 id="skipped">Not analysed (${report.skipped.length})</h2></summary><ul class="skipped">${items.join('')}</ul></details></section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 40px; line-height: 1.5; max-width: 1100px; }
h1 { font-size: 1.6em; margin: 0.8em 0 0.2em; } h2 { font-size: 1.25em; margin: 1.4em 0 0.5em; display: inline-block; } h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.summary { font-size: 1.15em; margin: 0; } .meta, .note, .detail { color: var(--vscode-descriptionForeground); }
code { font-family: var(--vscode-editor-font-family); }
a, .link { color: var(--vscode-textLink-foreground); }
a:hover, .link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
button { font: inherit; cursor: pointer; }
.actions button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; border-radius: 2px; }
.actions button:hover { background: var(--vscode-button-hoverBackground); }
.link { background: none; border: none; padding: 0; text-align: left; }
.location { font-family: var(--vscode-editor-font-family); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); text-align: left; }
tfoot th, tfoot td { font-weight: bold; border-bottom: none; }
.num { text-align: right; font-variant-numeric: tabular-nums; width: 5em; }
.clean th, .clean td { color: var(--vscode-descriptionForeground); }
.bar-cell { width: 40%; padding-left: 12px; } .bar { width: 100%; height: 10px; display: block; }
rect.error { fill: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
rect.warning { fill: var(--vscode-editorWarning-foreground); }
rect.info { fill: var(--vscode-editorInfo-foreground); }
td.error, .severity.error, span.error { color: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
td.warning, .severity.warning, span.warning { color: var(--vscode-editorWarning-foreground); }
td.info, .severity.info, span.info { color: var(--vscode-editorInfo-foreground); }
.severity { display: inline-block; min-width: 4.5em; font-weight: 600; }
.count { display: inline-block; min-width: 1.6em; padding: 0 6px; border-radius: 8px; text-align: center; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); font-size: 0.9em; }
ul.findings, ul.skipped { list-style: none; padding-left: 0; } .finding { padding: 2px 0; }
.rule { color: var(--vscode-descriptionForeground); margin-left: 6px; }
.ranking li { padding: 1px 0; }
summary { cursor: pointer; } summary h2 { display: inline; }
table.env-contract th, table.env-contract td { vertical-align: top; } td.env { font-family: var(--vscode-editor-font-family); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button) return;
  const data = button.dataset;
  if (data.finding !== undefined) vscode.postMessage({ type: 'openFinding', index: Number(data.finding) });
  else if (data.envRow !== undefined) vscode.postMessage({ type: 'openEnvPlace', row: Number(data.envRow), list: data.envList, index: Number(data.envIndex) });
  else if (data.file !== undefined) vscode.postMessage({ type: 'openFile', index: Number(data.file) });
  else if (data.rule !== undefined) vscode.postMessage({ type: 'showRuleDoc', ruleId: data.rule });
  else if (data.factor !== undefined) vscode.postMessage({ type: 'showRuleDoc', ruleId: data.factor });
  else if (data.export !== undefined) vscode.postMessage({ type: 'export', format: data.export });
});
`;
