import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../../package.json';
import { ensureBuilt, isolatingConfig, makeWorkspace, removeWorkspaces, runCli, UNPINNED } from './cliHarness';

/** A workspace whose only possible finding is one `dependencies/unpinned-base-image` at the given severity. */
function onlyUnpinned(severity: string): string {
  return makeWorkspace({ Dockerfile: 'FROM node\n', '.twelve-factor.yaml': isolatingConfig({ [UNPINNED]: severity }) });
}

describe('cli: exit codes and arguments', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  const table: [severity: string, failOn: string | undefined, code: number][] = [
    ['warning', undefined, 0],
    ['warning', 'error', 0],
    ['warning', 'warning', 1],
    ['warning', 'info', 1],
    ['warning', 'none', 0],
    ['info', 'warning', 0],
    ['info', 'info', 1],
    ['error', undefined, 1],
    ['error', 'none', 0],
  ];
  for (const [severity, failOn, code] of table) {
    it(`${severity === 'warning' ? 'a' : 'an'} ${severity} finding with --fail-on ${failOn ?? '(default: error)'} exits with ${code}`, () => {
      const root = onlyUnpinned(severity);
      const run = runCli(['audit', '.', ...(failOn ? ['--fail-on', failOn] : [])], root);
      assert.equal(run.code, code, run.stderr);
      assert.ok(run.stdout.includes(`Dockerfile:1:6  ${severity.padEnd(7)}  `), run.stdout);
      assert.equal(run.stderr, '');
    });
  }

  it('no path audits the current folder', () => {
    const root = onlyUnpinned('error');
    const run = runCli(['audit'], root);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes(UNPINNED));
  });

  const bad: [args: string[], message: RegExp][] = [
    [[], /^twelve-factor: Missing command/],
    [['lint', '.'], /^twelve-factor: Unknown command "lint"/],
    [['audit', '.', '--format', 'xml'], /^twelve-factor: Invalid --format "xml": expected text, json, sarif or markdown\.$/m],
    [['audit', '.', '--fail-on=sometimes'], /^twelve-factor: Invalid --fail-on "sometimes"/],
    [['audit', '.', '--format'], /^twelve-factor: Option --format needs a value/],
    [['audit', '.', '--frmat', 'json'], /^twelve-factor: Unknown option --frmat\.$/m],
    [['audit', 'no-such-folder'], /^twelve-factor: Path not found: no-such-folder$/m],
    [['audit', '.', '--config', 'missing.yaml'], /^twelve-factor: Config file not found: missing\.yaml$/m],
    [['audit', '.', '--config', 'sub'], /^twelve-factor: Config path is not a file: sub$/m],
  ];
  for (const [args, message] of bad) {
    it(`exits with 2 and one clear line for: ${args.join(' ') || '(nothing)'}`, () => {
      const root = makeWorkspace({ Dockerfile: 'FROM node\n', 'sub/README.md': '' });
      const run = runCli(args, root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^Usage: twelve-factor audit/m, 'a usage hint');
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(run.stdout, '');
    });
  }

  it('--help prints the usage on stdout and exits with 0', () => {
    const run = runCli(['--help'], process.cwd());
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: twelve-factor audit \[<paths…>\] \[--format text\|json\|sarif\|markdown\] \[--fail-on error\|warning\|info\|none\]/);
    assert.match(run.stdout, /Exit codes:/);
    assert.equal(runCli(['audit', '-h'], process.cwd()).stdout, run.stdout);
  });

  it('--version prints the package version', () => {
    const run = runCli(['--version'], process.cwd());
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('--output writes the report to a file, creating its folder, and keeps the exit code', () => {
    const root = onlyUnpinned('error');
    const run = runCli(['audit', '.', '--format', 'json', '--output', 'reports/audit.json'], root);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    const file = path.join(root, 'reports', 'audit.json');
    assert.ok(existsSync(file));
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).findings[0].ruleId, UNPINNED);
  });

  it('names a file that is not analysed on stderr, without failing', () => {
    const root = makeWorkspace({ 'README.md': '# hi\n', Dockerfile: 'FROM node:20.11\n' });
    const run = runCli(['audit', 'README.md', 'Dockerfile'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'twelve-factor: skipped README.md: not a file kind the tool analyses.\n');
  });
});
