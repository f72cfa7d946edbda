import * as assert from 'node:assert/strict';
import { MAX_READ_BYTES } from '../../server/src/engine/lint';
import { auditJson, ensureBuilt, isolatingConfig, makeWorkspace, removeWorkspaces, runCli, UNPINNED } from './cliHarness';

const DOCKERFILE = 'FROM node\nCMD ["node", "server.js"]\n';

describe('cli: report formats', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('json: exactly { files, findings[] } with relative files and 0-based ranges', () => {
    const root = makeWorkspace({ 'api/Dockerfile': DOCKERFILE, 'worker/Dockerfile': 'FROM python:3.12-slim\n', 'README.md': '# not analysed\n' });
    const { run, files, findings } = auditJson(['.'], root);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['files', 'findings']);
    assert.equal(files, 2);
    for (const f of findings) assert.deepEqual(Object.keys(f), ['file', 'range', 'ruleId', 'factor', 'severity', 'message']);
    const unpinned = findings.filter((f) => f.ruleId === UNPINNED);
    assert.deepEqual(unpinned, [
      {
        file: 'api/Dockerfile',
        range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } },
        ruleId: UNPINNED,
        factor: 'dependencies',
        severity: 'warning',
        message: 'Base image "node" has no tag, so it floats to latest; pin a version (and ideally a digest).',
      },
    ]);
  });

  it('json: a file argument keeps the path as given; a second folder prefixes its files', () => {
    const root = makeWorkspace({ 'a/Dockerfile': DOCKERFILE, 'b/Dockerfile': DOCKERFILE });
    assert.deepEqual(auditJson(['./a/Dockerfile'], root).findings.filter((f) => f.ruleId === UNPINNED).map((f) => f.file), ['./a/Dockerfile']);
    assert.deepEqual(auditJson(['a', 'b'], root).findings.filter((f) => f.ruleId === UNPINNED).map((f) => f.file), ['a/Dockerfile', 'b/Dockerfile']);
  });

  it('text: file:line:col lines grouped by file, counts per factor and a total that match the findings', () => {
    const root = makeWorkspace({ 'a/Dockerfile': DOCKERFILE, 'b/Dockerfile': 'FROM python:latest\n', 'c/Dockerfile': 'FROM node:20.11-alpine\n' });
    const run = runCli(['audit', '.', '--fail-on', 'none'], root);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes(`a/Dockerfile:1:6  warning  Base image "node" has no tag, so it floats to latest; pin a version (and ideally a digest).  ${UNPINNED}`), run.stdout);
    assert.ok(lines.some((l) => l.startsWith('b/Dockerfile:1:13  warning  ') && l.endsWith(`  ${UNPINNED}`)), run.stdout);

    // Grouped: each file's lines are contiguous, and a blank line closes each group.
    const findingLines = lines.filter((l) => /^\S+:\d+:\d+  /.test(l));
    const order = findingLines.map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual(order, [...order].sort());
    for (let i = 0; i < lines.length - 1; i++) {
      const file = (l: string) => (/^\S+:\d+:\d+  /.test(l) ? l.slice(0, l.indexOf(':')) : undefined);
      if (file(lines[i]) && file(lines[i + 1])) assert.equal(file(lines[i]), file(lines[i + 1]), 'a group change without a blank line');
    }

    // The counts agree with what the JSON format reports for the same workspace.
    const { findings, files } = auditJson(['.'], root);
    assert.equal(findingLines.length, findings.length);
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const withFindings = new Set(findings.map((f) => f.file)).size;
    const total = lines.find((l) => /problems? \(/.test(l) && !l.startsWith(' '));
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    assert.equal(
      total,
      `${plural(findings.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${withFindings} of ${plural(files, 'file')}`,
    );
    const byFactor = lines.slice(lines.indexOf('By factor:') + 1);
    const dependencies = findings.filter((f) => f.factor === 'dependencies').length;
    assert.ok(byFactor.some((l) => /^ {2}II\. Dependencies +\d+ problems? \(/.test(l) && l.includes(` ${plural(dependencies, 'problem')} (`)), run.stdout);
  });

  it('text: a clean workspace says so, counting the config file it analysed too', () => {
    const root = makeWorkspace({ Dockerfile: 'FROM node:20.11-alpine\n', '.twelve-factor.yaml': isolatingConfig({ [UNPINNED]: 'warning' }) });
    const run = runCli(['audit', '.'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'No problems in 2 files\n');
  });

  it('text: each file that could not be analysed gets a line with its reason, also when nothing else is said', () => {
    const root = makeWorkspace({
      'big/Dockerfile': `FROM node:20.11\n${'#'.repeat(MAX_READ_BYTES)}\n`,
      'bin.dockerfile': 'FROM node:20.11\u0000\n',
      'ok/Dockerfile': 'FROM node:20.11-alpine\n',
      // The finding codebase/unparsable-file would say it too; off, the list is all that tells.
      '.twelve-factor.yaml': isolatingConfig({ [UNPINNED]: 'warning' }),
    });
    const run = runCli(['audit', '.'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'Not analysed:\n  big/Dockerfile  too large to analyse\n  bin.dockerfile  binary content\n\nNo problems in 4 files\n');
  });

  it('text --quiet: the finding lines alone, the same exit code, and no note on stderr', () => {
    const root = makeWorkspace({ 'a/Dockerfile': DOCKERFILE, 'b/Dockerfile': 'FROM python:latest\n', 'bin.dockerfile': 'FROM node\u0000\n', 'README.md': '# hi\n' });
    const args = ['audit', 'a/Dockerfile', 'b/Dockerfile', 'bin.dockerfile', 'README.md', '--fail-on', 'warning'];
    const full = runCli(args, root);
    const quiet = runCli([...args, '--quiet'], root);
    assert.equal(full.code, 1, full.stderr);
    assert.equal(quiet.code, 1, quiet.stderr);
    assert.match(full.stderr, /skipped README\.md/);
    assert.equal(quiet.stderr, '');
    const findingLines = full.stdout.split('\n').filter((l) => /^\S+:\d+:\d+  /.test(l));
    assert.ok(findingLines.some((l) => l.startsWith('b/Dockerfile:')) && findingLines.some((l) => l.startsWith('bin.dockerfile:')), full.stdout);
    assert.equal(quiet.stdout, findingLines.map((l) => `${l}\n`).join(''));
    const nothing = runCli(['audit', '-q', 'README.md'], root);
    assert.deepEqual([nothing.code, nothing.stdout, nothing.stderr], [0, '', ''], 'nothing to say is silence');
  });

  it('markdown: a summary table, then the findings grouped under their factor, linked to the rule doc', () => {
    const root = makeWorkspace({ Dockerfile: DOCKERFILE, '.vscode/settings.json': '{ "twelveFactor.rules": { "no_such_rule": "off" } }' });
    const run = runCli(['audit', '.', '--format', 'markdown', '--fail-on', 'none'], root);
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    assert.ok(md.startsWith('# Twelve-factor audit\n'));
    assert.match(md, /\| Factor \| Errors \| Warnings \| Info \| Total \|/);
    assert.match(md, /^\| \[II\. Dependencies\]\(https:\/\/github\.com\/[^)]*\/rules\/dependencies\/README\.md\) \| \d+ \| [1-9]\d* \| \d+ \| [1-9]\d* \|$/m);
    assert.match(md, /^\| \[I\. Codebase\]\(https:\/\/github\.com\/[^)]*\/rules\/codebase\/README\.md\) \| 1 \| 0 \| 0 \| 1 \|$/m);

    const section = (title: string) => {
      const start = md.indexOf(`\n## ${title}\n`);
      assert.ok(start >= 0, `no section ${title}`);
      const next = md.indexOf('\n## ', start + 1);
      return md.slice(start, next === -1 ? undefined : next);
    };
    assert.ok(md.indexOf('\n## I. Codebase\n') < md.indexOf('\n## II. Dependencies\n'), 'sections follow the order of the factors');
    const deps = section('II. Dependencies');
    assert.ok(deps.includes(`- **warning** [Dockerfile:1](Dockerfile#L1): Base image "node" has no tag, so it floats to latest; pin a version (and ideally a digest). ([${UNPINNED}](`), deps);
    assert.ok(deps.includes('/server/src/rules/dependencies/unpinned-base-image.md)'), deps);
    assert.ok(!deps.includes('codebase/'), 'a codebase finding listed under dependencies');
    assert.ok(section('I. Codebase').includes('[.vscode/settings.json:1](.vscode/settings.json#L1): Unknown rule "no\\_such\\_rule"'), section('I. Codebase'));
  });
});
