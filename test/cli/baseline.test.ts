import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { sarifErrors } from '../helpers/sarifSchema';
import { auditJson, ensureBuilt, isolatingConfig, makeWorkspace, removeWorkspaces, runCli, UNPINNED } from './cliHarness';

const BASELINE = '.twelve-factor-baseline.json';

/** A workspace whose findings are `dependencies/unpinned-base-image` errors only, one per bare FROM. */
function workspace(files: Record<string, string>): string {
  return makeWorkspace({ '.twelve-factor.yaml': isolatingConfig({ [UNPINNED]: 'error' }), ...files });
}

function write(root: string, rel: string, text: string) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe('cli: baseline', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('accepts the current findings, then reports only new ones and says how many were accepted', () => {
    const root = workspace({ 'api/Dockerfile': 'FROM node\nRUN echo api\n', 'web/Dockerfile': 'FROM nginx\nCOPY . /usr/share/nginx/html\n' });
    assert.equal(runCli(['audit', '.'], root).code, 1);

    const update = runCli(['audit', '.', '--update-baseline'], root);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stderr, /wrote \.twelve-factor-baseline\.json: 2 accepted findings/);
    assert.ok(!readFileSync(path.join(root, BASELINE), 'utf8').includes('FROM'), 'the baseline holds fingerprints, not text');

    const again = runCli(['audit', '.'], root);
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /No problems in 3 files\n2 accepted in the baseline\n$/);

    // Edits above, below and on the line keep the acceptance; a copy elsewhere and a move do not.
    write(root, 'api/Dockerfile', '# syntax=docker/dockerfile:1\n\nFROM node   \nRUN echo api\nEXPOSE 3000\n');
    assert.equal(runCli(['audit', '.'], root).code, 0);
    write(root, 'api/Dockerfile', '# syntax=docker/dockerfile:1\n\nFROM node   \nRUN echo api\nEXPOSE 3000\nFROM node\nCMD ["node"]\n');
    const copied = auditJson(['.'], root);
    assert.deepEqual(copied.findings.map((f) => `${f.file}:${f.range.start.line}`), ['api/Dockerfile:5']);
    mkdirSync(path.join(root, 'site'));
    renameSync(path.join(root, 'web/Dockerfile'), path.join(root, 'site/Dockerfile'));
    const moved = auditJson(['.'], root);
    assert.deepEqual(moved.findings.map((f) => f.file).sort(), ['api/Dockerfile', 'site/Dockerfile']);

    // --no-baseline shows everything.
    assert.equal(auditJson(['.', '--no-baseline'], root).findings.length, 3);
  });

  it('marks SARIF results new or unchanged, lists fixed entries as absent, and drops them on update', () => {
    const root = workspace({ 'a/Dockerfile': 'FROM node\n', 'b/Dockerfile': 'FROM nginx\n' });
    runCli(['audit', '.', '--update-baseline'], root);
    write(root, 'a/Dockerfile', 'FROM node:20.11\n'); // fixed
    write(root, 'c/Dockerfile', 'FROM redis\n'); // new

    const text = runCli(['audit', '.'], root);
    assert.match(text.stdout, /1 accepted in the baseline; 1 baseline entry no longer matches a finding \(fixed\): run with --update-baseline to drop it/);
    assert.equal(text.code, 1, 'the new finding fails the run');

    const sarif = JSON.parse(runCli(['audit', '.', '--format', 'sarif', '--fail-on', 'none'], root).stdout);
    assert.deepEqual(sarifErrors(sarif), []);
    const states = sarif.runs[0].results.map((r: { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.baselineState}`);
    assert.deepEqual(states.sort(), ['a/Dockerfile absent', 'b/Dockerfile unchanged', 'c/Dockerfile new']);

    const update = runCli(['audit', '.', '--update-baseline'], root);
    assert.match(update.stderr, /2 accepted findings, 1 stale entry dropped/);
    assert.match(runCli(['audit', '.'], root).stdout, /2 accepted in the baseline\n$/);
  });

  it('updates only the entries of the files it audits', () => {
    const root = workspace({ 'a/Dockerfile': 'FROM node\n', 'b/Dockerfile': 'FROM nginx\n' });
    runCli(['audit', '.', '--update-baseline'], root);
    write(root, 'b/Dockerfile', 'FROM nginx\nFROM alpine\n');
    runCli(['audit', 'b/Dockerfile', '--update-baseline'], root);
    const entries = JSON.parse(readFileSync(path.join(root, BASELINE), 'utf8')).files;
    assert.deepEqual(Object.keys(entries), ['a/Dockerfile', 'b/Dockerfile']);
    assert.equal(entries['b/Dockerfile'][UNPINNED].length, 2);
    assert.equal(runCli(['audit', '.'], root).code, 0);
  });

  it('refuses a damaged baseline with exit code 2, and --update-baseline replaces it', () => {
    const root = workspace({ Dockerfile: 'FROM node\n', [BASELINE]: '{"version": 1, "files": ' });
    const run = runCli(['audit', '.'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot use the baseline .*\.twelve-factor-baseline\.json: it is not valid JSON/);
    const update = runCli(['audit', '.', '--update-baseline'], root);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stderr, /replacing a damaged baseline/);
    assert.equal(runCli(['audit', '.'], root).code, 0);
    assert.ok(existsSync(path.join(root, BASELINE)));
  });
});
