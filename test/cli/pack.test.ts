import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ruleDocRelativePath } from '../../server/src/engine/docs';
import { allRules } from '../../server/src/engine/registry';
import { ensureBuilt, makeWorkspace, removeWorkspaces, REPO } from './cliHarness';

/** The tarball's limits: today about 1.1 MB packed and 7.2 MB unpacked. */
const MAX_PACKED = 3_000_000;
const MAX_UNPACKED = 12_000_000;

interface PackEntry {
  path: string;
  size: number;
}

/** Runs npm quietly; `--ignore-scripts`, since `npm test` has built already. */
function npm(args: string[], cwd: string): string {
  const run = spawnSync('npm', [...args, '--ignore-scripts', '--loglevel', 'error'], { cwd, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  assert.equal(run.status, 0, `npm ${args.join(' ')}: ${run.stderr}${run.error ?? ''}`);
  return run.stdout;
}

const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

interface PackReport {
  filename: string;
  files: PackEntry[];
  size: number;
  unpackedSize: number;
}

describe('cli: the npm package (npm pack)', function () {
  this.timeout(240_000);
  let scratch: string;
  let report: PackReport;
  before(() => {
    ensureBuilt();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-pack-'));
    // Plain `npm pack`, as pre-commit runs it in the hook repository: pre-commit takes the whole standard
    // output for the tarball's name, so no lifecycle script may print a banner there.
    const plain = spawnSync('npm', ['pack', '--dry-run'], { cwd: REPO, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
    assert.equal(plain.stdout.trim(), `${pkg.name}-${pkg.version}.tgz`, 'npm pack prints the tarball name alone');
    [report] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], REPO)) as [PackReport];
  });
  after(() => {
    removeWorkspaces();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('holds the CLI bundle, its worker, the WASM grammars and every rule doc, and no sources, tests or maps', () => {
    const files = report.files.map((f) => f.path).sort();
    for (const needed of [pkg.bin['twelve-factor'], 'server/out/cliMain.js', 'server/out/auditWorker.js', 'server/out/web-tree-sitter.wasm', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
    assert.ok(files.filter((f) => /^server\/out\/tree-sitter-\w+\.wasm$/.test(f)).length >= 6, 'the grammars are packed');
    for (const rule of allRules()) assert.ok(files.includes(`server/out/docs/${ruleDocRelativePath(rule)}`), `the doc of ${rule.id} is packed`);
    const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|server\/out\/(cli|cliMain|auditWorker)\.js|server\/out\/[\w-]+\.wasm|server\/out\/docs\/(README|[\w-]+\/[\w-]+)\.md)$/.test(f));
    assert.deepEqual(unexpected, [], 'nothing else: no sources, tests, source maps, extension or language-server bundles');
    assert.ok(report.size < MAX_PACKED, `the tarball is ${report.size} bytes, over ${MAX_PACKED}`);
    assert.ok(report.unpackedSize < MAX_UNPACKED, `the package unpacks to ${report.unpackedSize} bytes, over ${MAX_UNPACKED}`);
  });

  it('has no dependencies: everything the CLI needs is bundled, so the tarball installs without network', () => {
    const manifest = pkg as unknown as Record<string, unknown>;
    // A runtime library goes into devDependencies: esbuild bundles it into server/out/cli.js.
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.equal(manifest.bundleDependencies ?? manifest.bundledDependencies, undefined);
  });

  it('chooses its files with .npmignore, since vsce refuses a "files" field beside .vscodeignore', () => {
    assert.equal((pkg as unknown as Record<string, unknown>).files, undefined);
    assert.ok(existsSync(path.join(REPO, '.npmignore')) && existsSync(path.join(REPO, '.vscodeignore')));
  });

  it('installs from the tarball in an empty folder, offline, and `npx twelve-factor audit .` runs there', () => {
    const project = path.join(scratch, 'project');
    mkdirSync(project);
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(scratch, report.filename)], project);
    const workspace = makeWorkspace({ Dockerfile: 'FROM node\nCMD ["node", "server.js"]\n', 'server.js': "require('http').createServer().listen(8080);\n" });
    const run = spawnSync('npx', ['--no-install', 'twelve-factor', 'audit', workspace, '--format', 'json', '--fail-on', 'none'], { cwd: project, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const ruleIds = (JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    assert.ok(ruleIds.includes('dependencies/unpinned-base-image'), `a Dockerfile rule ran: ${ruleIds.join(', ')}`);
    assert.ok(ruleIds.includes('port-binding/hardcoded-listen-port'), `a code rule ran, so the WASM grammars load: ${ruleIds.join(', ')}`);
  });
});
