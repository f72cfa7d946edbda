import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { AuditReport } from '../../server/src/protocol';
import { CLI } from '../cli/cliHarness';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const UNPINNED = 'dependencies/unpinned-base-image';
const unpinned = (d: Diagnostic[]) => d.filter((x) => x.code === UNPINNED);

describe('language server: the baseline', function () {
  this.timeout(60_000);
  let client: TestLspClient;
  let workspace: string;
  let dockerfile: string;
  let uri: string;
  const text = 'FROM node\nRUN echo hello\n';

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-baseline-'));
    fs.mkdirSync(path.join(workspace, '.git'));
    dockerfile = path.join(workspace, 'api/Dockerfile');
    fs.mkdirSync(path.dirname(dockerfile));
    fs.writeFileSync(dockerfile, text);
    fs.writeFileSync(path.join(workspace, 'worker.Dockerfile'), 'FROM python\n');
    // The CLI writes the baseline; the editor must read it the same way.
    execFileSync(process.execPath, [CLI, 'audit', '.', '--update-baseline'], { cwd: workspace, stdio: 'pipe' });
    uri = pathToFileURL(dockerfile).href;
    client = TestLspClient.start('stdio');
    await client.initialize(workspace);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows an accepted finding as a hint marked (baseline), and a new one as usual', async () => {
    await client.open(uri, 'dockerfile', text);
    const accepted = unpinned(await client.waitForDiagnostics(uri, (d) => unpinned(d).length === 1));
    assert.equal(accepted[0].severity, DiagnosticSeverity.Hint);
    assert.match(String(accepted[0].message), / \(baseline\)$/);

    await client.change(uri, `# build stage\n${text}FROM node AS test\n`, 2);
    const both = unpinned(await client.waitForDiagnostics(uri, (d, v) => v === 2 && unpinned(d).length === 2));
    assert.deepEqual(both.map((d) => [d.range.start.line, d.severity === DiagnosticSeverity.Hint]), [[1, true], [3, false]]);
    assert.ok(!String(both[1].message).endsWith('(baseline)'));
  });

  it('hides accepted findings when twelveFactor.baselineFindings is hide', async () => {
    client.settings = { baselineFindings: 'hide' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const shown = unpinned(await client.waitForDiagnostics(uri, (d) => unpinned(d).length === 1));
    assert.equal(shown[0].range.start.line, 3);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics(uri, (d) => unpinned(d).length === 2);
  });

  it('counts accepted findings in the audit report, per factor', async () => {
    const report = (await client.connection.sendRequest('twelveFactor/audit', { folders: [{ uri: pathToFileURL(workspace).href }] })) as AuditReport;
    assert.ok(report.baseline, 'the report knows the baseline');
    // The open document's unsaved copy has one accepted and one new finding; the closed worker.Dockerfile one accepted.
    assert.equal(report.baseline.accepted, 2);
    assert.equal(report.factors.find((f) => f.factor === 'dependencies')?.baseline, 2);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === UNPINNED).map((f) => `${f.path}:${f.range.start.line}`), ['api/Dockerfile:3']);
  });

  it('follows the baseline file: deleting it shows every finding at its severity again', async () => {
    const baseline = path.join(workspace, '.twelve-factor-baseline.json');
    fs.rmSync(baseline);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(baseline).href, type: 3 }] });
    const all = unpinned(await client.waitForDiagnostics(uri, (d) => unpinned(d).every((x) => x.severity === DiagnosticSeverity.Warning) && unpinned(d).length === 2));
    assert.ok(all.every((d) => !String(d.message).endsWith('(baseline)')));
  });

  it('reports a damaged baseline once and accepts nothing', async () => {
    const baseline = path.join(workspace, '.twelve-factor-baseline.json');
    fs.writeFileSync(baseline, '{ "version": 1, "files": [] }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(baseline).href, type: 1 }] });
    await client.change(uri, `# build stage\n${text}FROM node AS test\n\n`, 3);
    await client.waitForDiagnostics(uri, (d, v) => v === 3 && unpinned(d).length === 2 && unpinned(d).every((x) => x.severity === DiagnosticSeverity.Warning));
    assert.equal(client.shownMessages.filter((m) => /Cannot use the baseline .*it has no "files" object/.test(m)).length, 1);
  });
});
