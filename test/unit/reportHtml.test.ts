import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, MAX_FINDINGS_SHOWN, reportHtml } from '../../client/src/reportHtml';
import type { AuditReport, ReportFinding } from '../../server/src/protocol';

const CRAFTED = '<img src=x onerror=alert(1)>.yaml';
const NONCE = 'bm9uY2Utdm9yLXRlc3Q=';

function finding(path: string, factor: string, severity: ReportFinding['severity'], message: string, line = 0): ReportFinding {
  return { uri: `file:///ws/${encodeURIComponent(path)}`, path, range: { start: { line, character: 2 }, end: { line, character: 6 } }, ruleId: `${factor}/some-rule`, factor, severity, message };
}

function report(findings: ReportFinding[]): AuditReport {
  const factors = ['codebase', 'dependencies', 'config'].map((factor, i) => {
    const mine = findings.filter((f) => f.factor === factor);
    const count = (s: string) => mine.filter((f) => f.severity === s).length;
    return { factor, title: ['I. Codebase', 'II. Dependencies', 'III. Config'][i], error: count('error'), warning: count('warning'), info: count('info'), total: mine.length };
  });
  return {
    id: 1,
    finishedAt: '2025-01-02T03:04:05.000Z',
    durationMs: 1234,
    scope: ['.'],
    files: 3,
    filesWithFindings: 2,
    summary: `${findings.length} problems`,
    totals: { error: 1, warning: 1, info: 0, total: findings.length },
    factors,
    topRules: [{ ruleId: 'config/<b>rule</b>', factor: 'config', count: 2 }],
    topFiles: [{ uri: 'file:///ws/x', path: `k8s/${CRAFTED}`, error: 1, warning: 0, info: 0, total: 1 }],
    findings,
    skipped: [{ path: `vendor/${CRAFTED}`, folder: true, reason: 'dependencies, vendored code or build output' }],
  };
}

/** Every tag of the page (escaped text contains no `<`, so these are the page's own elements). */
const tags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe('audit report page', () => {
  const findings = [
    finding(`k8s/${CRAFTED}`, 'config', 'error', 'Secret "</script><script>alert(2)</script>" in plain text: ab…'),
    finding('api/Dockerfile', 'dependencies', 'warning', 'Base image "node" has no tag & floats.', 3),
  ];
  const html = reportHtml(report(findings), { nonce: NONCE });

  it('renders a file named like markup as text, in findings, rankings and the skipped list', () => {
    assert.ok(html.includes(`k8s/&lt;img src=x onerror=alert(1)&gt;.yaml:1:3`), 'finding location');
    assert.ok(html.includes(`vendor/&lt;img src=x onerror=alert(1)&gt;.yaml/`), 'skipped list');
    assert.equal(html.split(`k8s/&lt;img src=x onerror=alert(1)&gt;.yaml`).length - 1, 2, 'finding and top file, both escaped');
    assert.ok(html.includes('Secret &quot;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot; in plain text: ab…'));
    assert.ok(html.includes('data-rule="config/&lt;b&gt;rule&lt;/b&gt;"'), 'escaped inside attributes too');
    for (const tag of tags(html)) {
      assert.ok(!/^<(img|iframe|object|embed|link|base)\b/i.test(tag), `no ${tag}`);
      assert.ok(!/\son[a-z]+\s*=/i.test(tag), `no inline handler in ${tag}`);
    }
  });

  it('has a strict policy with a nonce: one style and one script, both carrying it, and nothing remote', () => {
    assert.equal(contentSecurityPolicy(NONCE), `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(NONCE)}">`));
    const scripts = tags(html).filter((t) => t.startsWith('<script'));
    const styles = tags(html).filter((t) => t.startsWith('<style'));
    assert.deepEqual(scripts, [`<script nonce="${NONCE}">`]);
    assert.deepEqual(styles, [`<style nonce="${NONCE}">`]);
    assert.ok(!tags(html).some((t) => /\sstyle\s*=/.test(t)), 'no inline style attributes (the policy would block them)');
    assert.ok(!/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i.test(html), 'no remote resource');
    assert.ok(!/url\(/i.test(html), 'no CSS url()');
  });

  it('shows a scorecard row per factor with counts and a bar scaled to the worst factor', () => {
    const row = (title: string) => html.slice(html.indexOf(`>${title}<`), html.indexOf('</tr>', html.indexOf(`>${title}<`)));
    assert.match(row('III. Config'), /<td class="num error">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num"><a [^>]*>1<\/a><\/td>/);
    assert.match(row('III. Config'), /<rect class="error" x="0.00" y="0" width="100.00" height="10">/);
    assert.match(row('II. Dependencies'), /<rect class="warning" x="0.00" y="0" width="100.00" height="10">/);
    assert.ok(html.includes('<tr class="clean"><th scope="row"><button type="button" class="link" data-factor="codebase" title="Show the rules of this factor">I. Codebase</button></th>'), 'a factor without findings is shown, muted, and opens its page');
    assert.ok(html.includes('data-factor="config" title="Show the rules of this factor">III. Config</button>'), 'every factor opens its page');
    assert.ok(html.includes('<a href="#factor-config" title="Go to the findings">1</a>') && html.includes('<h3 id="factor-config">'), 'a factor\'s total links to its findings');
    assert.ok(!/no rules yet/i.test(html), 'no note about missing rules');
  });

  it('makes every finding a keyboard-operable button that names it by index', () => {
    assert.ok(html.includes('<button type="button" class="link location" data-finding="0" title="Open at the finding">k8s/&lt;img'));
    assert.ok(html.includes('data-finding="1" title="Open at the finding">api/Dockerfile:4:3</button>'));
    assert.ok(!/<(div|span)[^>]*data-finding/.test(html), 'clickable things are buttons, which take focus and Enter');
  });

  it('lists at most MAX_FINDINGS_SHOWN findings and says so', () => {
    const many = Array.from({ length: MAX_FINDINGS_SHOWN + 3 }, (_, i) => finding(`f${i}.env`, 'config', 'info', 'x', i));
    const big = reportHtml(report(many), { nonce: NONCE });
    assert.equal(big.split('data-finding=').length - 1, MAX_FINDINGS_SHOWN);
    assert.ok(big.includes(`The first ${MAX_FINDINGS_SHOWN} of ${MAX_FINDINGS_SHOWN + 3} findings`));
  });

  it('escapeHtml also neutralises control characters and bidi overrides', () => {
    assert.equal(escapeHtml(`a\u202Eb\u0007c "'&`), 'a\uFFFDb\uFFFDc &quot;&#39;&amp;');
  });
});

describe('audit report page with a baseline', () => {
  const base = report([finding('api/Dockerfile', 'dependencies', 'warning', 'Base image "node" has no tag.', 3)]);

  it('adds a Baseline column per factor and a note with the stale entries, only when there is a baseline', () => {
    const withBaseline: AuditReport = { ...base, factors: base.factors.map((f) => ({ ...f, baseline: f.factor === 'config' ? 4 : 0 })), baseline: { accepted: 4, stale: 1, files: ['/ws/.twelve-factor-baseline.json'] } };
    const html = reportHtml(withBaseline, { nonce: NONCE });
    assert.match(html, /<th scope="col" class="num"[^>]*>Baseline<\/th>/);
    assert.match(html, /III\. Config<\/button><\/th>(<td[^>]*>(<a [^>]*>)?\d+(<\/a>)?<\/td>){4}<td class="num baseline">4<\/td>/);
    assert.match(html, /4 accepted in the baseline; 1 of its entries no longer match a finding/);
    const without = reportHtml(base, { nonce: NONCE });
    assert.ok(!without.includes('Baseline</th>') && !without.includes('accepted in the baseline'));
  });
});

describe('audit report page with an environment contract', () => {
  const place = (name: string, path: string, line: number) => ({ name, uri: `file:///ws/${path}`, path, line });
  const withContract: AuditReport = {
    ...report([]),
    envContract: [
      {
        service: 'web',
        platform: 'compose',
        at: place('web', 'docker-compose.yml', 1),
        read: [place('DATABASE_URL', 'web/server.js', 3), place('SMTP_HOST', 'web/server.js', 7)],
        provided: [place('DATABASE_URL', 'docker-compose.yml', 6), place('LEFTOVER_FLAG', 'docker-compose.yml', 9)],
        missing: [place('SMTP_HOST', 'web/server.js', 7)],
        unused: [place('LEFTOVER_FLAG', 'docker-compose.yml', 9)],
      },
      { service: CRAFTED, platform: 'kubernetes', at: place(CRAFTED, `k8s/${CRAFTED}`, 0), read: [place(`<b>X</b>`, 'a.py', 0)], provided: [], missing: [], unused: [] },
    ],
  };
  const html = reportHtml(withContract, { nonce: NONCE });
  const section = html.slice(html.indexOf('<section aria-labelledby="env-contract">'), html.indexOf('</section>', html.indexOf('aria-labelledby="env-contract"')));
  const row = (n: number) => section.split('<tr>')[n + 2];

  it('shows one row per service with the variables read, provided, missing and unused, as in the Markdown export', () => {
    assert.ok(section.includes('<h2 id="env-contract">Environment contract</h2>'));
    assert.ok(section.includes('<th scope="col">Service</th><th scope="col">Read</th><th scope="col">Provided</th><th scope="col">Missing</th><th scope="col">Unused</th>'));
    const cells = row(0).split('<td').slice(1).map((cell) => [...cell.matchAll(/>([A-Z_]+)<\/button>/g)].map((m) => m[1]));
    assert.deepEqual(cells, [['DATABASE_URL', 'SMTP_HOST'], ['DATABASE_URL', 'LEFTOVER_FLAG'], ['SMTP_HOST'], ['LEFTOVER_FLAG']]);
    assert.match(row(0), /<td class="env warning">/, 'missing variables stand out');
    assert.match(row(1), /<td class="env">—<\/td><td class="env">—<\/td><td class="env">—<\/td><\/tr>/, 'an empty list is a dash');
  });

  it('makes each variable and service a button naming its place by row, list and index, which the script posts', () => {
    assert.ok(row(0).includes('<button type="button" class="link" data-env-row="0" data-env-list="service" data-env-index="0" title="docker-compose.yml:2">web</button>'));
    assert.ok(row(0).includes('data-env-row="0" data-env-list="missing" data-env-index="0" title="web/server.js:8">SMTP_HOST</button>'));
    assert.ok(row(0).includes('data-env-row="0" data-env-list="unused" data-env-index="0" title="docker-compose.yml:10">LEFTOVER_FLAG</button>'));
    assert.ok(html.includes("vscode.postMessage({ type: 'openEnvPlace', row: Number(data.envRow), list: data.envList, index: Number(data.envIndex) })"));
  });

  it('renders names and paths like markup as text', () => {
    assert.ok(row(1).includes('&lt;img src=x onerror=alert(1)&gt;.yaml</button>') && row(1).includes('&lt;b&gt;X&lt;/b&gt;</button>'));
    assert.ok(!tags(section).some((t) => /^<(img|b)\b/i.test(t)));
  });

  it('has no section when the audit found no contract', () => {
    assert.ok(!reportHtml(report([]), { nonce: NONCE }).includes('Environment contract'));
  });
});
