import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, ensureBuilt, REPO, type JsonFinding } from './cliHarness';

/** The only folders the repository's own .twelve-factor.yaml may ignore: their problems are deliberate. */
const DELIBERATE = ['test/fixtures/**', 'test/e2e/workspace/**', 'examples/**'];

/** Audits a folder of the repository; the whole repository takes a while on a busy machine, so no short kill timer. */
function audit(target: string): JsonFinding[] {
  const run = spawnSync(process.execPath, [CLI, 'audit', target, '--format', 'json', '--fail-on', 'none'], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

describe('cli: the repository audits itself', function () {
  this.timeout(300_000);
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
