import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { AuditCancelledError } from '../../server/src/audit/auditControl';
import { AuditInputError, auditFolders, runAudit } from '../../server/src/audit/runAudit';
import { fsError, memoryFs } from '../helpers/memoryFs';

const UNPINNED = 'dependencies/unpinned-base-image';
const ROOT = path.resolve('/ws');

describe('runAudit', () => {
  const unpinned = (result: Awaited<ReturnType<typeof runAudit>>) =>
    result.results.flatMap((r) => r.findings.filter((f) => f.ruleId === UNPINNED).map((f) => `${r.displayPath}:${f.range.start.line}:${f.range.start.character}`));

  it('audits a folder as a workspace root, counting every analysed file', async () => {
    const fs = memoryFs(ROOT, { 'api/Dockerfile': 'FROM node\n', 'web/Dockerfile': 'FROM node:20\n', 'README.md': '' });
    const result = await runAudit({ paths: ['.'], cwd: ROOT, fs });
    assert.equal(result.root, ROOT);
    assert.equal(result.files, 2);
    assert.deepEqual(result.results.map((r) => [r.file, r.relativePath, r.displayPath]), [
      [path.join(ROOT, 'api', 'Dockerfile'), 'api/Dockerfile', 'api/Dockerfile'],
      [path.join(ROOT, 'web', 'Dockerfile'), 'web/Dockerfile', 'web/Dockerfile'],
    ]);
    assert.deepEqual(unpinned(result), ['api/Dockerfile:0:5']);
    assert.deepEqual(result.skipped, []);
  });

  it('drops a byte-order mark, as the editor does, so positions agree', async () => {
    const fs = memoryFs(ROOT, { Dockerfile: '\uFEFFFROM node\n' });
    assert.deepEqual(unpinned(await runAudit({ paths: ['.'], cwd: ROOT, fs })), ['Dockerfile:0:5']);
  });

  it('a file whose rules read the index is checked against every file, even one found after it', async () => {
    // a/ is walked before z/: the Deployment is linted at once, then again once the autoscaler is indexed.
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n';
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n';
    const singleReplica = async (files: Record<string, string>) =>
      (await runAudit({ paths: ['.'], cwd: ROOT, fs: memoryFs(ROOT, files) })).results.flatMap((r) => r.findings.filter((f) => f.ruleId === 'concurrency/single-replica').map(() => r.displayPath));
    assert.deepEqual(await singleReplica({ 'a/web.yaml': deployment }), ['a/web.yaml']);
    assert.deepEqual(await singleReplica({ 'a/web.yaml': deployment, 'z/hpa.yaml': hpa }), []);
  });

  it('turns an unreadable file into a codebase/unparsable-file finding', async () => {
    const fs = memoryFs(ROOT, { Dockerfile: fsError('EACCES') });
    const [file] = (await runAudit({ paths: ['.'], cwd: ROOT, fs })).results;
    assert.deepEqual(file.findings.map((f) => [f.ruleId, f.severity, f.message]), [
      ['codebase/unparsable-file', 'warning', 'Not analysed: the file cannot be read (permission denied).'],
    ]);
  });

  it('a file keeps the path as given and gets its root from its surroundings', async () => {
    const fs = memoryFs(ROOT, { '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: error\n`, 'svc/api/Dockerfile': 'FROM node\n' });
    const result = await runAudit({ paths: ['svc/api/Dockerfile'], cwd: ROOT, fs });
    assert.equal(result.root, undefined);
    assert.deepEqual(result.results.map((r) => [r.relativePath, r.displayPath]), [['svc/api/Dockerfile', 'svc/api/Dockerfile']]);
    assert.equal(result.results[0].findings.find((f) => f.ruleId === UNPINNED)?.severity, 'error', 'the root config applies');
  });

  it('several folders: files are named under the folder as given, and a file is audited once', async () => {
    const fs = memoryFs(ROOT, { 'a/Dockerfile': 'FROM node\n', 'b/Dockerfile': 'FROM node\n' });
    const result = await runAudit({ paths: ['./a', 'b', 'a/Dockerfile'], cwd: ROOT, fs });
    assert.deepEqual(unpinned(result), ['a/Dockerfile:0:5', 'b/Dockerfile:0:5']);
    assert.equal(result.files, 2);
  });

  it('lists a named file of no known kind as skipped', async () => {
    const fs = memoryFs(ROOT, { 'notes.txt': 'hello', 'x.yaml': 'a: 1\n' });
    const result = await runAudit({ paths: ['notes.txt', 'x.yaml'], cwd: ROOT, fs });
    assert.deepEqual(result.skipped.map((s) => [s.displayPath, s.reason]), [['notes.txt', 'unknownKind'], ['x.yaml', 'unknownKind']]);
    assert.equal(result.files, 0);
  });

  it('lints an explicit config file even outside the audited folder', async () => {
    const fs = memoryFs(ROOT, { 'app/Dockerfile': 'FROM node\n', 'ci/tf.yaml': `rules:\n  ${UNPINNED}: off\n  typo: 1\n` });
    const result = await runAudit({ paths: ['app'], configPath: 'ci/tf.yaml', cwd: ROOT, fs });
    assert.deepEqual(unpinned(result), []);
    const config = result.results.find((r) => r.displayPath === 'ci/tf.yaml');
    assert.deepEqual(config?.findings.map((f) => f.ruleId), ['codebase/invalid-config']);
  });

  it('throws AuditInputError for a missing path or an unreadable config', async () => {
    const fs = memoryFs(ROOT, { Dockerfile: '', 'tf.yaml': fsError('EACCES') });
    await assert.rejects(runAudit({ paths: ['nope'], cwd: ROOT, fs }), (e: unknown) => e instanceof AuditInputError && e.message === 'Path not found: nope');
    await assert.rejects(runAudit({ paths: ['.'], configPath: 'tf.yaml', cwd: ROOT, fs }), /^AuditInputError: Cannot read config file tf\.yaml: permission denied$/);
    await assert.rejects(runAudit({ paths: [], cwd: ROOT, fs }), AuditInputError);
  });

  it('passes the date on, so expired ignore entries are reported', async () => {
    const config = `ignore:\n  - files: [Dockerfile]\n    rules: [${UNPINNED}]\n    expires: 2024-01-01\n`;
    const fs = memoryFs(ROOT, { Dockerfile: 'FROM node\n', '.twelve-factor.yaml': config });
    assert.deepEqual(unpinned(await runAudit({ paths: ['.'], cwd: ROOT, fs, today: '2023-12-31' })), []);
    assert.deepEqual(unpinned(await runAudit({ paths: ['.'], cwd: ROOT, fs, today: '2024-01-01' })), ['Dockerfile:0:5']);
  });

  it('lists skipped paths by display path, with files that could not be analysed', async () => {
    const fs = memoryFs(ROOT, { '.gitignore': 'dist/\n', 'dist/Dockerfile': '', 'vendor/Dockerfile': '', 'b/Dockerfile': fsError('EACCES'), 'a/Dockerfile': 'FROM node\u0000\n' });
    const result = await runAudit({ paths: ['.'], cwd: ROOT, fs });
    assert.deepEqual(result.skipped.map((s) => [s.displayPath, s.folder, s.reason]), [
      ['a/Dockerfile', false, 'binary'],
      ['b/Dockerfile', false, 'unreadable'],
      ['dist', true, 'gitignore'],
      ['vendor', true, 'vendored'],
    ]);
    assert.equal(result.files, 2, 'files that could not be analysed still count, with their finding');
  });
});

describe('auditFolders (the editor audit)', () => {
  const files = { '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: error\n`, 'api/Dockerfile': 'FROM node\n', 'web/Dockerfile': 'FROM node\n', 'web/skip/Dockerfile': 'FROM node\n' };

  it('a subfolder keeps its workspace root: its config, and paths relative to the root', async () => {
    const fs = memoryFs(ROOT, files);
    const result = await auditFolders([{ folder: path.join(ROOT, 'web'), root: ROOT, exclude: (abs) => abs.endsWith(`${path.sep}skip`) }], { fs });
    assert.equal(result.root, ROOT);
    assert.deepEqual(result.results.map((r) => [r.displayPath, r.relativePath]), [['web/Dockerfile', 'web/Dockerfile']]);
    assert.equal(result.results[0].findings.find((f) => f.ruleId === UNPINNED)?.severity, 'error');
    assert.deepEqual(result.skipped.map((s) => [s.displayPath, s.reason]), [['web/skip', 'excluded']]);
  });

  it('reads open documents instead of the disk, and applies the editor rules over the settings file', async () => {
    const fs = memoryFs(ROOT, { ...files, '.vscode/settings.json': `{ "twelveFactor.rules": { "${UNPINNED}": "off" } }` });
    const openTexts = new Map([[path.join(ROOT, 'api', 'Dockerfile'), 'FROM node:20.11\nFROM python\n']]);
    const editorRules = new Map([[ROOT, new Map([[UNPINNED, { severity: 'info' as const }]])]]);
    const result = await auditFolders([{ folder: ROOT, displayPrefix: 'ws' }], { fs, openTexts, editorRules });
    assert.equal(result.root, undefined, 'a prefixed (multi-root) audit has no single root');
    const found = result.results.flatMap((r) => r.findings.filter((f) => f.ruleId === UNPINNED).map((f) => `${r.displayPath}:${f.range.start.line}:${f.severity}`));
    assert.deepEqual(found, ['ws/api/Dockerfile:1:info', 'ws/web/Dockerfile:0:info', 'ws/web/skip/Dockerfile:0:info']);
  });

  it('stops with AuditCancelledError when cancelled, reporting progress before', async () => {
    // Single-replica Deployments: the index pass parses them for their facts, and their rules read the
    // index, so the check pass lints them again; both passes take long enough to report progress.
    const env = Array.from({ length: 10 }, (_, k) => `            - { name: VAR_${k}, value: value-${k} }`).join('\n');
    const deployment = (i: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web${i} }\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n          env:\n${env}\n`;
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`svc${i}/deploy.yaml`, deployment(i)]));
    const fs = memoryFs(ROOT, many);
    const phases = new Set<string>();
    let checked = 0;
    const control = {
      onProgress: (p: { phase: string; done: number }) => {
        phases.add(p.phase);
        if (p.phase === 'checking') checked = p.done;
      },
      isCancelled: () => checked > 0,
    };
    await assert.rejects(auditFolders([{ folder: ROOT }], { fs, control }), AuditCancelledError);
    assert.ok(phases.has('indexing') && phases.has('checking'), [...phases].join());
    assert.ok(checked < 120, `stopped at ${checked} of 120`);
  });
});
