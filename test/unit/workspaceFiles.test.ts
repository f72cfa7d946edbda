import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readBoundedText, workspaceFilesOnDisk } from '../../server/src/audit/auditFs';
import { MAX_READ_BYTES } from '../../server/src/engine/lint';
import { workspaceFiles } from '../../server/src/lsp/documentLinter';

describe('workspace files on disk (shared by the CLI and the language server)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-files-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '\uFEFF{"scripts":{"start":"node a.js"}}');
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'huge.json'), '');
    fs.truncateSync(path.join(dir, 'huge.json'), MAX_READ_BYTES + 1); // sparse: cheap to create
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads text without a byte-order mark, and nothing for folders, missing or oversized files', () => {
    const files = workspaceFilesOnDisk();
    assert.equal(files.readText(path.join(dir, 'package.json')), '{"scripts":{"start":"node a.js"}}');
    assert.equal(files.readText(path.join(dir, 'folder')), undefined);
    assert.equal(files.readText(path.join(dir, 'missing.json')), undefined);
    assert.equal(files.readText(path.join(dir, 'huge.json')), undefined);
  });

  it('in the language server, prefers an open document over the disk', () => {
    const file = path.join(dir, 'package.json');
    const files = workspaceFiles((p) => (p === file ? '{"unsaved":true}' : undefined));
    assert.equal(files.readText(file), '{"unsaved":true}');
    assert.equal(files.readText(path.join(dir, 'missing.json')), undefined);
  });
});

describe('readBoundedText (the one reader of workspace files)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bounded-'));
    fs.writeFileSync(path.join(dir, 'small.txt'), 'héllo');
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(100));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
    return 'read';
  };

  it('reads a regular file up to its limit, and refuses larger ones, folders and missing files', () => {
    assert.equal(readBoundedText(path.join(dir, 'small.txt'), 6), 'héllo');
    assert.equal(codeOf(() => readBoundedText(path.join(dir, 'big.txt'), 99)), 'EFBIG');
    assert.equal(codeOf(() => readBoundedText(dir, 99)), 'EISDIR');
    assert.equal(codeOf(() => readBoundedText(path.join(dir, 'none'), 99)), 'ENOENT');
  });

  it('refuses devices and FIFOs without reading or waiting', function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
    assert.equal(codeOf(() => readBoundedText(path.join(dir, 'zero'), MAX_READ_BYTES)), 'ENOTREG');
    assert.equal(codeOf(() => readBoundedText('/dev/null', MAX_READ_BYTES)), 'ENOTREG');
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    assert.equal(codeOf(() => readBoundedText(path.join(dir, 'fifo'), MAX_READ_BYTES)), 'ENOTREG');
    assert.equal(workspaceFilesOnDisk().readText(path.join(dir, 'fifo')), undefined);
  });
});
