import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditReport } from '../../server/src/protocol';
import { CLI, ensureBuilt, REPO } from '../cli/cliHarness';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const PRELOAD = path.join(REPO, 'test/helpers/noNetwork.cjs');
const EXAMPLES = path.join(REPO, 'examples');

/**
 * No network and no child processes: the CLI and the language server run over examples/ with sockets,
 * HTTP, DNS and child_process patched to throw (test/helpers/noNetwork.cjs), and everything still works.
 */
describe('isolation: no network, no child processes', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  it('the preload does forbid them', () => {
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', 'require("node:child_process").execSync("true")'], { encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /child_process.execSync is forbidden/);
  });

  for (const jobs of ['1', '2']) {
    it(`the CLI audits examples/ with --jobs ${jobs}, with the same report as without the preload`, () => {
      const args = [CLI, 'audit', EXAMPLES, '--format', 'json', '--fail-on', 'none', '--jobs', jobs];
      const isolated = spawnSync(process.execPath, ['--require', PRELOAD, ...args], { encoding: 'utf8', timeout: 60_000 });
      const plain = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
      assert.equal(isolated.status, 0, isolated.stderr);
      const report = JSON.parse(isolated.stdout) as { files: number; findings: unknown[] };
      assert.ok(report.files > 10 && report.findings.length > 10);
      assert.equal(isolated.stdout, plain.stdout);
    });
  }

  it('the language server lints, hovers and audits examples/ over stdio', async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE));
    const client = TestLspClient.startScript(SERVER_BUNDLE, ['--stdio'], process.env, ['--require', PRELOAD]);
    try {
      await client.initialize(EXAMPLES);
      const file = path.join(EXAMPLES, fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).find((p) => path.basename(p) === 'Dockerfile')!);
      const uri = pathToFileURL(file).href;
      await client.open(uri, 'dockerfile', fs.readFileSync(file, 'utf8'));
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 30_000);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostics[0].range.start });
      assert.ok(hover, 'a hover over the finding');
      const report = (await client.connection.sendRequest('twelveFactor/audit', { folders: [{ uri: pathToFileURL(EXAMPLES).href }] })) as AuditReport;
      assert.ok(report.files > 10 && report.findings.length > 10);
      assert.deepEqual(client.logs.filter((l) => /forbidden/.test(l)), []);
    } finally {
      await client.stop();
    }
  });
});
