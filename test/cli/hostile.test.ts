import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { auditJson, ensureBuilt, filesWith, makeWorkspace, removeWorkspaces, UNPINNED } from './cliHarness';

const FROM_NODE = 'FROM node\n';
const posix = process.platform !== 'win32';

describe('cli: hostile workspaces get a verdict, never a hang', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('a .gitignore that is a FIFO or a link to /dev/zero is passed over, and the rest is audited', function () {
    if (!posix) this.skip();
    const fifo = makeWorkspace({ Dockerfile: FROM_NODE });
    execFileSync('mkfifo', [path.join(fifo, '.gitignore')]);
    // The CLI harness kills a run after 30 s: a blocking read of the FIFO fails the test instead of hanging it.
    assert.deepEqual(filesWith(auditJson(['.'], fifo).findings, UNPINNED), ['Dockerfile']);
    const zero = makeWorkspace({ Dockerfile: FROM_NODE, 'svc/Dockerfile': FROM_NODE });
    symlinkSync('/dev/zero', path.join(zero, '.gitignore'));
    symlinkSync('/dev/zero', path.join(zero, 'svc', '.gitignore'));
    assert.deepEqual(filesWith(auditJson(['.'], zero).findings, UNPINNED), ['Dockerfile', 'svc/Dockerfile']);
  });

  it('a .twelve-factor.yaml above the size limit is reported and its rules are not applied', () => {
    const root = makeWorkspace({ Dockerfile: FROM_NODE, '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: off\n# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    const { findings } = auditJson(['.'], root);
    assert.deepEqual(filesWith(findings, UNPINNED), ['Dockerfile']);
    assert.deepEqual(filesWith(findings, 'codebase/unparsable-file'), ['.twelve-factor.yaml']);
  });

  it('a .twelve-factor.yaml linked from outside the workspace is refused with a finding and not applied; a link inside is followed', function () {
    if (!posix) this.skip();
    const outside = makeWorkspace({ 'policy.yaml': `rules:\n  ${UNPINNED}: off\n` });
    const root = makeWorkspace({ Dockerfile: FROM_NODE });
    symlinkSync(path.join(outside, 'policy.yaml'), path.join(root, '.twelve-factor.yaml'));
    const { findings } = auditJson(['.'], root);
    assert.deepEqual(filesWith(findings, UNPINNED), ['Dockerfile']);
    const refused = findings.filter((f) => f.ruleId === 'codebase/invalid-config');
    assert.deepEqual(refused.map((f) => [f.file, /link to a file outside the workspace/.test(f.message)]), [['.twelve-factor.yaml', true]]);

    const inside = makeWorkspace({ Dockerfile: FROM_NODE, 'config/policy.yaml': `rules:\n  ${UNPINNED}: off\n` });
    symlinkSync(path.join('config', 'policy.yaml'), path.join(inside, '.twelve-factor.yaml'));
    assert.deepEqual(auditJson(['.'], inside).findings, []);
  });

  it('deep nesting gets the same verdict and columns on the main thread and on workers', () => {
    const deep = `services:\n app:\n  image: app:1.0\n  labels:\n${Array.from({ length: 1900 }, (_, i) => `${' '.repeat(i + 3)}k${i}:\n`).join('')}`;
    const root = makeWorkspace({
      'compose.yaml': deep,
      'k8s/flow.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
      '.vscode/settings.json': `{"twelveFactor.rules": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      'app.js': `const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`,
      Dockerfile: FROM_NODE,
    });
    const one = auditJson(['.', '--jobs', '1'], root).findings;
    assert.deepEqual(auditJson(['.', '--jobs', '2'], root).findings, one);
    const tooDeep = one.filter((f) => /nested deeper than 200 levels/.test(f.message)).map((f) => [f.file, f.range.start.line]);
    assert.deepEqual(tooDeep, [['.vscode/settings.json', 0], ['compose.yaml', 201], ['k8s/flow.yaml', 5]]);
  });
});
