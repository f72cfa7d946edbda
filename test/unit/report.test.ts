import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { AuditResult } from '../../server/src/audit/runAudit';
import type { Finding, Severity } from '../../server/src/engine/types';
import { formatJson, formatMarkdown, formatSarif, formatText } from '../../server/src/report';
import { sarifErrors } from '../helpers/sarifSchema';

const ROOT = path.resolve('/repo');

function finding(ruleId: string, severity: Severity, message: string, line: number, start: number, end: number): Finding {
  const factor = ruleId.slice(0, ruleId.indexOf('/')) as Finding['factor'];
  return { ruleId, factor, severity, message, span: { start: 0, end: 0 }, range: { start: { line, character: start }, end: { line, character: end } } };
}

/** Three files: two findings, one crafted message, and a clean file. */
const RESULT: AuditResult = {
  root: ROOT,
  files: 3,
  skipped: [],
  results: [
    {
      file: path.join(ROOT, '.twelve-factor.yaml'),
      relativePath: '.twelve-factor.yaml',
      displayPath: '.twelve-factor.yaml',
      findings: [finding('codebase/invalid-config', 'error', 'Unknown key "rulez" <b>|x|</b> *bold* $PORT $HOST\n\u001b[2Jnext', 0, 0, 5)],
    },
    {
      file: path.join(ROOT, 'my app', 'Dockerfile'),
      relativePath: 'my app/Dockerfile',
      displayPath: 'my app/Dockerfile',
      findings: [
        finding('dependencies/unpinned-base-image', 'warning', 'Base image "node" has no tag.', 0, 5, 9),
        finding('dependencies/unpinned-base-image', 'info', 'Base image "python:latest" uses the latest tag.', 3, 12, 18),
      ],
    },
    { file: path.join(ROOT, 'Procfile'), relativePath: 'Procfile', displayPath: 'Procfile', findings: [] },
  ],
};

describe('report formatters', () => {
  it('text: grouped lines, counts per factor, total; control characters neutralised', () => {
    assert.equal(
      formatText(RESULT),
      [
        '.twelve-factor.yaml:1:1  error    Unknown key "rulez" <b>|x|</b> *bold* $PORT $HOST \uFFFD[2Jnext  codebase/invalid-config',
        '',
        'my app/Dockerfile:1:6  warning  Base image "node" has no tag.  dependencies/unpinned-base-image',
        'my app/Dockerfile:4:13  info     Base image "python:latest" uses the latest tag.  dependencies/unpinned-base-image',
        '',
        'By factor:',
        '  I. Codebase       1 problem (1 error, 0 warnings, 0 info)',
        '  II. Dependencies  2 problems (0 errors, 1 warning, 1 info)',
        '',
        '3 problems (1 error, 1 warning, 1 info) in 2 of 3 files',
        '',
      ].join('\n'),
    );
    assert.equal(formatText({ files: 0, results: [], skipped: [] }), 'No problems in 0 files\n');
  });

  it('json: the documented shape only, 0-based', () => {
    const report = JSON.parse(formatJson(RESULT));
    assert.deepEqual(report, {
      files: 3,
      findings: [
        { file: '.twelve-factor.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, ruleId: 'codebase/invalid-config', factor: 'codebase', severity: 'error', message: RESULT.results[0].findings[0].message },
        { file: 'my app/Dockerfile', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } }, ruleId: 'dependencies/unpinned-base-image', factor: 'dependencies', severity: 'warning', message: 'Base image "node" has no tag.' },
        { file: 'my app/Dockerfile', range: { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } }, ruleId: 'dependencies/unpinned-base-image', factor: 'dependencies', severity: 'info', message: 'Base image "python:latest" uses the latest tag.' },
      ],
    });
  });

  it('markdown: summary table, a section per factor in factor order, escaped messages, doc links', () => {
    const md = formatMarkdown(RESULT);
    assert.ok(md.startsWith('# Twelve-factor audit\n\n3 problems (1 error, 1 warning, 1 info) in 2 of 3 files.\n'));
    assert.ok(md.includes('| [I. Codebase](https://github.com/twelve-factor-guide/twelve-factor-guide/blob/main/server/src/rules/codebase/README.md) | 1 | 0 | 0 | 1 |\n| [II. Dependencies](https://github.com/twelve-factor-guide/twelve-factor-guide/blob/main/server/src/rules/dependencies/README.md) | 0 | 1 | 1 | 2 |\n| **All** | 1 | 1 | 1 | 3 |'), md);
    const codebase = md.slice(md.indexOf('## I. Codebase'), md.indexOf('## II. Dependencies'));
    assert.equal(
      codebase.trim(),
      '## I. Codebase\n\n- **error** [.twelve-factor.yaml:1](.twelve-factor.yaml#L1): Unknown key "rulez" \\<b\\>\\|x\\|\\</b\\> \\*bold\\* \\$PORT \\$HOST \uFFFD\\[2Jnext ([codebase/invalid-config](https://github.com/twelve-factor-guide/twelve-factor-guide/blob/main/server/src/rules/codebase/invalid-config.md))',
    );
    const deps = md.slice(md.indexOf('## II. Dependencies'));
    assert.ok(deps.includes('- **warning** [my app/Dockerfile:1](my%20app/Dockerfile#L1): Base image "node" has no tag. ([dependencies/unpinned-base-image]('), deps);
    assert.ok(deps.includes('- **info** [my app/Dockerfile:4](my%20app/Dockerfile#L4): '), deps);
    assert.ok(deps.indexOf('**warning**') < deps.indexOf('**info**'));
    assert.equal(formatMarkdown({ files: 4, results: [], skipped: [] }), '# Twelve-factor audit\n\nNo problems in 4 files.\n');
  });

  it('markdown: an Environment contract section, one row per service, every name linked to its line and escaped, never a value', () => {
    const crafted = 'A|B<img src=x>';
    const md = formatMarkdown({
      root: ROOT,
      files: 2,
      results: [
        { file: path.join(ROOT, 'docker-compose.yml'), relativePath: 'docker-compose.yml', displayPath: 'docker-compose.yml', findings: [] },
        { file: path.join(ROOT, 'web', 'server.js'), relativePath: 'web/server.js', displayPath: 'web/server.js', findings: [] },
      ],
      skipped: [],
      envContract: [
        {
          service: 'web|api',
          platform: 'compose',
          file: path.join(ROOT, 'docker-compose.yml'),
          line: 2,
          read: [{ name: 'DB_URL', file: path.join(ROOT, 'web', 'server.js'), line: 4 }, { name: crafted, file: path.join(ROOT, 'web', 'server.js'), line: 5 }],
          provided: [{ name: 'SESSION_SECRET', file: path.join(ROOT, 'web', 'web (1).env'), line: 1 }],
          missing: [{ name: 'DB_URL', file: path.join(ROOT, 'web', 'server.js'), line: 4 }],
          unused: [],
        },
      ],
    });
    const section = md.slice(md.indexOf('## Environment contract'));
    assert.equal(
      section,
      [
        '## Environment contract',
        '',
        '| Service | Read | Provided | Missing | Unused |',
        '| --- | --- | --- | --- | --- |',
        '| [web\\|api](docker-compose.yml#L2) (compose) | [DB\\_URL](web/server.js#L4), [A\\|B\\<img src=x\\>](web/server.js#L5) | [SESSION\\_SECRET](web/web%20%281%29.env#L1) | [DB\\_URL](web/server.js#L4) | — |',
        '',
      ].join('\n'),
    );
    assert.ok(md.indexOf('## Environment contract') > md.indexOf('No problems'), 'after the summary');
    assert.ok(!formatMarkdown({ files: 1, results: [], skipped: [] }).includes('Environment contract'), 'no section without a contract');
    assert.equal(formatJson({ files: 2, results: [], skipped: [], envContract: [] }), '{\n  "files": 2,\n  "findings": []\n}\n', 'the JSON contract is unchanged');
  });

  it('markdown: links escape crafted names in text and target; skipped paths are listed with their reason', () => {
    const crafted = '<img src=x onerror=alert(1)> [x](y).yaml';
    const md = formatMarkdown({
      root: ROOT,
      files: 1,
      results: [{ file: path.join(ROOT, 'k8s', crafted), relativePath: `k8s/${crafted}`, displayPath: `k8s/${crafted}`, findings: [finding('codebase/unparsable-file', 'warning', 'Not analysed.', 2, 0, 1)] }],
      skipped: [
        { path: path.join(ROOT, 'node_modules'), displayPath: 'node_modules', folder: true, reason: 'vendored' },
        { path: path.join(ROOT, 'dist'), displayPath: 'dist', folder: true, reason: 'gitignore' },
        { path: path.join(ROOT, 'big.yaml'), displayPath: 'big_*.yaml', folder: false, reason: 'tooLarge' },
      ],
    });
    assert.ok(
      md.includes('- **warning** [k8s/\\<img src=x onerror=alert(1)\\> \\[x\\](y).yaml:3](k8s/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%20%5Bx%5D%28y%29.yaml#L3): Not analysed.'),
      md,
    );
    assert.ok(!/(^|[^\\])<img/.test(md), 'no raw HTML from a file name');
    assert.ok(
      md.endsWith(
        '<details><summary>Not analysed: 3 paths</summary>\n\n- node\\_modules/: dependencies, vendored code or build output\n- dist/: ignored by .gitignore\n- big\\_\\*.yaml: too large to analyse\n\n</details>\n',
      ),
      md,
    );
  });

  it('sarif: valid 2.1.0, levels mapped, ruleIndex consistent, URIs encoded, docs passed in', () => {
    const docs = new Map([['dependencies/unpinned-base-image', '# dependencies/unpinned-base-image\n\nPin it.\n']]);
    const log = JSON.parse(formatSarif(RESULT, { version: '9.9.9', ruleDocs: docs }));
    assert.deepEqual(sarifErrors(log), []);
    const run = log.runs[0];
    assert.equal(run.tool.driver.version, '9.9.9');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/repo\/$/);
    assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['error', 'warning', 'note']);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(run.results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'my%20app/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 10 },
    });
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'dependencies/unpinned-base-image');
    assert.equal(rule.name, 'UnpinnedBaseImage');
    assert.equal(rule.help.markdown, docs.get(rule.id));
    assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'codebase/invalid-config').help.markdown, undefined);
  });

  it('sarif: a file outside the source root gets an absolute file URI', () => {
    const log = JSON.parse(formatSarif(RESULT, { version: '1.0.0', srcRoot: path.resolve('/elsewhere') }));
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(uri.uriBaseId, undefined);
    assert.match(uri.uri, /^file:\/\/.*\/repo\/\.twelve-factor\.yaml$/);
    assert.deepEqual(sarifErrors(log), []);
  });
});
