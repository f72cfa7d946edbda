import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runOnWorker, type Print } from '../../server/src/cli/launcher';
import { ensureBuilt, isolatingConfig, makeWorkspace, REPO, removeWorkspaces, runCli, UNPINNED } from './cliHarness';

/** The CLI run in-process: its bundle started directly, on the main thread. */
function runInProcess(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [path.join(REPO, 'server/out/cliMain.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 512 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli: the launcher runs the CLI on a worker thread', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  const cases: [name: string, args: string[]][] = [
    ['examples, text', ['audit', 'examples']],
    ['examples, json', ['audit', 'examples', '--format', 'json', '--fail-on', 'none']],
    ['examples, sarif', ['audit', 'examples', '--format', 'sarif']],
    ['fixtures, markdown', ['audit', 'test/fixtures', '--format', 'markdown', '--fail-on', 'warning']],
    ['fixtures with --jobs 2', ['audit', 'test/fixtures', '--format', 'json', '--jobs', '2']],
    ['--help', ['--help']],
    ['--version', ['--version']],
    ['a usage error', ['audit', '.', '--format', 'xml']],
    ['a missing path', ['audit', 'no-such-folder']],
  ];
  for (const [name, args] of cases) {
    it(`gives the report, messages and exit code of the in-process CLI: ${name}`, () => {
      const launched = runCli(args, REPO);
      const direct = runInProcess(args, REPO);
      assert.equal(launched.stderr, direct.stderr);
      assert.equal(launched.code, direct.code);
      assert.equal(launched.stdout, direct.stdout);
      assert.ok(launched.stdout.length + launched.stderr.length > 0, 'the case prints something to compare');
    });
  }

  it('keeps stderr warnings and the exit code of a failing audit', () => {
    const root = makeWorkspace({ Dockerfile: 'FROM node\n', 'notes.yaml': 'just: text\n', '.twelve-factor.yaml': isolatingConfig({ [UNPINNED]: 'error' }) });
    const launched = runCli(['audit', '.', '--format', 'json'], root);
    assert.equal(launched.code, 1);
    assert.deepEqual(launched, { ...runInProcess(['audit', '.', '--format', 'json'], root), code: 1 });
  });
});

describe('cli: runOnWorker', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-launcher-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a worker script and collects what the launcher prints. */
  async function launch(source: string, limits = {}): Promise<{ code: number; printed: [string, string][] }> {
    const script = path.join(dir, `w${Math.random().toString(36).slice(2)}.js`);
    writeFileSync(script, source);
    const printed: [string, string][] = [];
    const print: Print = (stream, text) => printed.push([stream, text]);
    const code = await runOnWorker(script, ['a', 'b'], limits, print);
    return { code, printed };
  }

  it('prints what the CLI sends, in order, and resolves with its exit code; the CLI gets the arguments', async () => {
    const { code, printed } = await launch(`const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ type: 'stdout', text: process.argv.slice(2).join(',') });
      parentPort.postMessage({ type: 'stderr', text: 'warn' });
      parentPort.postMessage({ type: 'stdout', text: '!' });
      parentPort.postMessage({ type: 'exit', code: 3 });`);
    assert.equal(code, 3);
    assert.deepEqual(printed, [['stdout', 'a,b'], ['stderr', 'warn'], ['stdout', '!']]);
  });

  it('an error thrown outside the CLI is one internal-error line and exit code 2', async () => {
    const { code, printed } = await launch(`throw new Error('boom\\nsecond line');`);
    assert.equal(code, 2);
    assert.deepEqual(printed, [['stderr', 'twelve-factor: internal error: boom (set TWELVE_FACTOR_DEBUG=1 for details)\n']]);
  });

  it('a CLI that stops without an exit code is an internal error, not a clean run', async () => {
    const { code, printed } = await launch(`process.exit(0);`);
    assert.equal(code, 2);
    assert.match(printed.map((p) => p[1]).join(''), /^twelve-factor: internal error: the audit stopped before it finished \(exit code 0\)/);
  });

  it('running out of memory says so and exits with 2', async () => {
    const { code, printed } = await launch(`const keep = []; for (;;) keep.push(new Array(1e5).fill({ a: 1 }));`, { maxOldGenerationSizeMb: 16 });
    assert.equal(code, 2);
    assert.equal(printed.length, 1);
    assert.match(printed[0][1], /^twelve-factor: the audit ran out of memory \(.*\); audit fewer files at a time\.\n$/);
  });
});
