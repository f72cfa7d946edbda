import * as assert from 'node:assert/strict';
import { auditJson, ensureBuilt, filesWith, makeWorkspace, removeWorkspaces, UNPINNED } from './cliHarness';

const FROM_NODE = 'FROM node\n';

describe('cli: what gets audited, and with which configuration', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('honours root and nested .gitignore files and skips node_modules and vendored folders', () => {
    const root = makeWorkspace({
      '.gitignore': '# build output\ndist/\n*.local.Dockerfile\n',
      Dockerfile: FROM_NODE,
      'dist/Dockerfile': FROM_NODE,
      'dev.local.Dockerfile': FROM_NODE,
      'svc/.gitignore': 'scratch/\n!keep.local.Dockerfile\n',
      'svc/Dockerfile': FROM_NODE,
      'svc/scratch/Dockerfile': FROM_NODE,
      'svc/keep.local.Dockerfile': FROM_NODE,
      'node_modules/pkg/Dockerfile': FROM_NODE,
      'svc/node_modules/pkg/Dockerfile': FROM_NODE,
      'vendor/lib/Dockerfile': FROM_NODE,
      'third_party/x/Dockerfile': FROM_NODE,
      '.venv/Dockerfile': FROM_NODE,
    });
    const { findings } = auditJson(['.'], root);
    assert.deepEqual(filesWith(findings, UNPINNED), ['Dockerfile', 'svc/Dockerfile', 'svc/keep.local.Dockerfile']);
  });

  it('a .twelve-factor.yaml turning the rule off removes its findings', () => {
    const before = makeWorkspace({ Dockerfile: FROM_NODE });
    assert.deepEqual(filesWith(auditJson(['.'], before).findings, UNPINNED), ['Dockerfile']);
    const after = makeWorkspace({ Dockerfile: FROM_NODE, '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: off\n` });
    const { findings } = auditJson(['.'], after);
    assert.deepEqual(filesWith(findings, UNPINNED), []);
    assert.deepEqual(filesWith(findings, 'codebase/invalid-config'), [], 'the config file itself is valid');
  });

  it('a .twelve-factor.yaml can raise the severity and applies to a file named on its own', () => {
    const root = makeWorkspace({ 'app/Dockerfile': FROM_NODE, '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: error\n` });
    const { findings } = auditJson(['app/Dockerfile'], root);
    assert.deepEqual(findings.filter((f) => f.ruleId === UNPINNED).map((f) => [f.file, f.severity]), [['app/Dockerfile', 'error']]);
  });

  it('--config replaces the root config, and its own problems are reported', () => {
    const root = makeWorkspace({
      Dockerfile: FROM_NODE,
      '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: error\n`,
      'ci/strict.yaml': `rules:\n  ${UNPINNED}: off\n  not-a-key: 1\n`,
    });
    const { findings } = auditJson(['.', '--config', 'ci/strict.yaml'], root);
    assert.deepEqual(filesWith(findings, UNPINNED), []);
    assert.deepEqual(filesWith(findings, 'codebase/invalid-config'), ['ci/strict.yaml']);
  });

  it('.vscode/settings.json (JSON with comments) twelveFactor.rules turns the rule off, as in the editor', () => {
    const settings = '{\n  // team default\n  "editor.tabSize": 2,\n  /* ours */\n  "twelveFactor.rules": { "dependencies/unpinned-base-image": "off", },\n}\n';
    const root = makeWorkspace({ Dockerfile: FROM_NODE, '.vscode/settings.json': settings });
    const { findings } = auditJson(['.'], root);
    assert.deepEqual(filesWith(findings, UNPINNED), []);
    assert.deepEqual(filesWith(findings, 'codebase/invalid-config'), []);
  });

  it('the editor settings win over the team config, as in the editor', () => {
    const root = makeWorkspace({
      Dockerfile: FROM_NODE,
      '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: off\n`,
      '.vscode/settings.json': `{ "twelveFactor": { "rules": { "${UNPINNED}": "info" } } }`,
    });
    assert.deepEqual(auditJson(['.'], root).findings.filter((f) => f.ruleId === UNPINNED).map((f) => f.severity), ['info']);
  });

  it('reports a broken settings file instead of failing', () => {
    const root = makeWorkspace({ Dockerfile: FROM_NODE, '.vscode/settings.json': '{ "twelveFactor.rules": ' });
    const { findings } = auditJson(['.'], root);
    assert.deepEqual(filesWith(findings, 'codebase/invalid-config'), ['.vscode/settings.json']);
    assert.deepEqual(filesWith(findings, UNPINNED), ['Dockerfile']);
  });
});
