import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ensureBuilt, REPO, runCli, type JsonFinding } from './cliHarness';

/** The only folders the repository's own .twelve-factor.yaml may ignore: their problems are deliberate. */
const DELIBERATE = ['test/fixtures/**', 'test/e2e/workspace/**', 'examples/**'];

function audit(target: string): JsonFinding[] {
  const run = runCli(['audit', target, '--format', 'json', '--fail-on', 'none'], REPO);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

describe('cli: the repository audits itself', () => {
  before(ensureBuilt);

  it('ignores only the deliberate folders, each with a reason', () => {
    const config = parse(fs.readFileSync(path.join(REPO, '.twelve-factor.yaml'), 'utf8')) as { ignore: Array<{ files: string[]; rules?: string[]; reason?: string }> };
    assert.deepEqual(config.ignore.flatMap((entry) => entry.files).sort(), [...DELIBERATE].sort());
    for (const entry of config.ignore) assert.ok(entry.reason && entry.reason.length > 20, `a reason for ${entry.files.join(', ')}`);
  });

  it('reports no finding outside what .twelve-factor.yaml ignores', () => {
    const findings = audit('.');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId}`), []);
  });

  it('while the ignored folders do hold findings of their own', () => {
    for (const folder of ['test/fixtures', 'examples']) assert.ok(audit(folder).length > 0, `${folder} audited as its own root has findings`);
  });
});
