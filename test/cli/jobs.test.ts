import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ensureBuilt, makeWorkspace, removeWorkspaces, runCli } from './cliHarness';

const CORPUS = '/work/shared/corpus';

/** Dockerfiles with findings of several rules, a few unreadable ones, and a config that changes severities. */
function busyWorkspace(): string {
  const files: Record<string, string> = { '.twelve-factor.yaml': 'rules:\n  dependencies/*: error\n', '.gitignore': 'ignored/\n' };
  for (let i = 0; i < 60; i++) {
    files[`svc${i}/Dockerfile`] = i % 3 === 0 ? `FROM node\nENV API_TOKEN=abcd${i}efgh5678ijkl\nCMD npm start\n` : `FROM python:3.${i % 12}-slim\nCMD python app.py\n`;
  }
  files['bin/Dockerfile'] = 'FROM node\u0000\n';
  files['ignored/Dockerfile'] = 'FROM node\n';
  return makeWorkspace(files);
}

describe('cli: --jobs', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  for (const format of ['json', 'markdown', 'sarif', 'text']) {
    it(`--jobs 3 gives the same ${format} report as one thread, findings in the same order`, () => {
      const root = busyWorkspace();
      const single = runCli(['audit', '.', '--format', format, '--fail-on', 'none'], root);
      const pooled = runCli(['audit', '.', '--format', format, '--fail-on', 'none', '--jobs', '3'], root);
      assert.equal(single.code, 0, single.stderr);
      assert.equal(pooled.code, 0, pooled.stderr);
      assert.ok(single.stdout.length > 500, 'the workspace has findings to compare');
      assert.equal(pooled.stdout, single.stdout);
    });
  }

  it('the corpus gives the same JSON report with --jobs 2', function () {
    if (!existsSync(CORPUS)) this.skip();
    // Two whole-corpus audits: on a busy 2-core machine each may take a minute.
    this.timeout(300_000);
    const single = runCli(['audit', CORPUS, '--format', 'json', '--fail-on', 'none'], CORPUS, 140_000);
    const pooled = runCli(['audit', CORPUS, '--format', 'json', '--fail-on', 'none', '--jobs', '2'], CORPUS, 140_000);
    assert.equal(single.code, 0, single.stderr);
    assert.ok(JSON.parse(single.stdout).files > 1000);
    assert.equal(pooled.stdout, single.stdout);
  });
});
