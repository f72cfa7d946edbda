import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditJson, ensureBuilt, REPO } from './cliHarness';

/** The monorepo of the env contract: compose (JavaScript), Kubernetes (Python) and Cloud Foundry (Java). */
const MONOREPO = path.join(REPO, 'test/fixtures/env-contract');
const CONTRACT_RULES = ['config/undeclared-env-var', 'config/unused-env-var'];

/** `file:line:rule` for every `expect: <rule>` comment of the contract rules in the monorepo. */
function expected(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        fs.readFileSync(abs, 'utf8').split('\n').forEach((line, i) => {
          for (const id of /\sexpect:\s*(.+?)\s*$/.exec(line)?.[1].split(/[\s,]+/) ?? []) {
            if (CONTRACT_RULES.includes(id)) out.push(`${path.relative(MONOREPO, abs).split(path.sep).join('/')}:${i + 1}:${id}`);
          }
        });
      }
    }
  };
  walk(MONOREPO);
  return out.sort();
}

describe('cli: the env contract over a monorepo', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  it('reports every missing and unused variable where the fixtures expect it, and nothing else', () => {
    const { findings } = auditJson(['.'], MONOREPO);
    const actual = findings.filter((f) => CONTRACT_RULES.includes(f.ruleId)).map((f) => `${f.file}:${f.range.start.line + 1}:${f.ruleId}`).sort();
    assert.ok(expected().length >= 7, 'the monorepo has missing and unused variables in all three services');
    assert.deepEqual(actual, expected());
  });

  it('gives the same findings with a worker pool', () => {
    const single = auditJson(['.'], MONOREPO).findings.filter((f) => CONTRACT_RULES.includes(f.ruleId));
    const pooled = auditJson(['.', '--jobs', '2'], MONOREPO).findings.filter((f) => CONTRACT_RULES.includes(f.ruleId));
    assert.deepEqual(pooled, single);
  });

  it('names the deployment files it looked at', () => {
    const { findings } = auditJson(['.'], MONOREPO);
    const smtp = findings.find((f) => f.message.startsWith('SMTP_HOST'));
    assert.match(smtp?.message ?? '', /looked at docker-compose\.yml, web\/\.env\.example, web\/Dockerfile, web\/web\.env/);
  });
});
