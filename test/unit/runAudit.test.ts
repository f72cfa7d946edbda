import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { AuditInputError, runAudit } from '../../server/src/audit/runAudit';
import { fsError, memoryFs } from '../helpers/memoryFs';

const UNPINNED = 'dependencies/unpinned-base-image';
const ROOT = path.resolve('/ws');

describe('runAudit', () => {
  const unpinned = (result: ReturnType<typeof runAudit>) =>
    result.results.flatMap((r) => r.findings.filter((f) => f.ruleId === UNPINNED).map((f) => `${r.displayPath}:${f.range.start.line}:${f.range.start.character}`));

  it('audits a folder as a workspace root, counting every analysed file', () => {
    const fs = memoryFs(ROOT, { 'api/Dockerfile': 'FROM node\n', 'web/Dockerfile': 'FROM node:20\n', 'README.md': '' });
    const result = runAudit({ paths: ['.'], cwd: ROOT, fs });
    assert.equal(result.root, ROOT);
    assert.equal(result.files, 2);
    assert.deepEqual(result.results.map((r) => [r.file, r.relativePath, r.displayPath]), [
      [path.join(ROOT, 'api', 'Dockerfile'), 'api/Dockerfile', 'api/Dockerfile'],
      [path.join(ROOT, 'web', 'Dockerfile'), 'web/Dockerfile', 'web/Dockerfile'],
    ]);
    assert.deepEqual(unpinned(result), ['api/Dockerfile:0:5']);
    assert.deepEqual(result.skipped, []);
  });

  it('drops a byte-order mark, as the editor does, so positions agree', () => {
    const fs = memoryFs(ROOT, { Dockerfile: '\uFEFFFROM node\n' });
    assert.deepEqual(unpinned(runAudit({ paths: ['.'], cwd: ROOT, fs })), ['Dockerfile:0:5']);
  });

  it('turns an unreadable file into a codebase/unparsable-file finding', () => {
    const fs = memoryFs(ROOT, { Dockerfile: fsError('EACCES') });
    const [file] = runAudit({ paths: ['.'], cwd: ROOT, fs }).results;
    assert.deepEqual(file.findings.map((f) => [f.ruleId, f.severity, f.message]), [
      ['codebase/unparsable-file', 'warning', 'Not analysed: the file cannot be read (permission denied).'],
    ]);
  });

  it('a file keeps the path as given and gets its root from its surroundings', () => {
    const fs = memoryFs(ROOT, { '.twelve-factor.yaml': `rules:\n  ${UNPINNED}: error\n`, 'svc/api/Dockerfile': 'FROM node\n' });
    const result = runAudit({ paths: ['svc/api/Dockerfile'], cwd: ROOT, fs });
    assert.equal(result.root, undefined);
    assert.deepEqual(result.results.map((r) => [r.relativePath, r.displayPath]), [['svc/api/Dockerfile', 'svc/api/Dockerfile']]);
    assert.equal(result.results[0].findings.find((f) => f.ruleId === UNPINNED)?.severity, 'error', 'the root config applies');
  });

  it('several folders: files are named under the folder as given, and a file is audited once', () => {
    const fs = memoryFs(ROOT, { 'a/Dockerfile': 'FROM node\n', 'b/Dockerfile': 'FROM node\n' });
    const result = runAudit({ paths: ['./a', 'b', 'a/Dockerfile'], cwd: ROOT, fs });
    assert.deepEqual(unpinned(result), ['a/Dockerfile:0:5', 'b/Dockerfile:0:5']);
    assert.equal(result.files, 2);
  });

  it('lists a named file of no known kind as skipped', () => {
    const fs = memoryFs(ROOT, { 'notes.txt': 'hello', 'x.yaml': 'a: 1\n' });
    const result = runAudit({ paths: ['notes.txt', 'x.yaml'], cwd: ROOT, fs });
    assert.deepEqual(result.skipped, ['notes.txt', 'x.yaml']);
    assert.equal(result.files, 0);
  });

  it('lints an explicit config file even outside the audited folder', () => {
    const fs = memoryFs(ROOT, { 'app/Dockerfile': 'FROM node\n', 'ci/tf.yaml': `rules:\n  ${UNPINNED}: off\n  typo: 1\n` });
    const result = runAudit({ paths: ['app'], configPath: 'ci/tf.yaml', cwd: ROOT, fs });
    assert.deepEqual(unpinned(result), []);
    const config = result.results.find((r) => r.displayPath === 'ci/tf.yaml');
    assert.deepEqual(config?.findings.map((f) => f.ruleId), ['codebase/invalid-config']);
  });

  it('throws AuditInputError for a missing path or an unreadable config', () => {
    const fs = memoryFs(ROOT, { Dockerfile: '', 'tf.yaml': fsError('EACCES') });
    assert.throws(() => runAudit({ paths: ['nope'], cwd: ROOT, fs }), (e: unknown) => e instanceof AuditInputError && e.message === 'Path not found: nope');
    assert.throws(() => runAudit({ paths: ['.'], configPath: 'tf.yaml', cwd: ROOT, fs }), /^AuditInputError: Cannot read config file tf\.yaml: permission denied$/);
    assert.throws(() => runAudit({ paths: [], cwd: ROOT, fs }), AuditInputError);
  });

  it('passes the date on, so expired ignore entries are reported', () => {
    const config = `ignore:\n  - files: [Dockerfile]\n    rules: [${UNPINNED}]\n    expires: 2024-01-01\n`;
    const fs = memoryFs(ROOT, { Dockerfile: 'FROM node\n', '.twelve-factor.yaml': config });
    assert.deepEqual(unpinned(runAudit({ paths: ['.'], cwd: ROOT, fs, today: '2023-12-31' })), []);
    assert.deepEqual(unpinned(runAudit({ paths: ['.'], cwd: ROOT, fs, today: '2024-01-01' })), ['Dockerfile:0:5']);
  });
});
