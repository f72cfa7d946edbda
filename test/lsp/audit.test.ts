import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, WorkDoneProgress, type Diagnostic } from 'vscode-languageserver/node';
import type { AuditReport, ExportResult } from '../../server/src/protocol';
import { runCli, type JsonFinding } from '../cli/cliHarness';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const UNPINNED = 'dependencies/unpinned-base-image';
const hasUnpinned = (d: Diagnostic[]) => d.some((x) => x.code === UNPINNED);

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-audit-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

type Progress = { kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number; cancellable?: boolean };

/** Records the `$/progress` notifications of one token, with when each arrived. */
function recordProgress(client: TestLspClient, token: string): { at: number; value: Progress }[] {
  const seen: { at: number; value: Progress }[] = [];
  client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
    seen.push({ at: performance.now(), value });
  });
  return seen;
}

describe('language server: twelveFactor/audit', function () {
  this.timeout(60_000);
  let client: TestLspClient;
  let root: string;
  const uri = (rel: string) => pathToFileURL(path.join(root, ...rel.split('/'))).href;
  const audit = (token: string, folders = [{ uri: pathToFileURL(root).href, exclude: ['hidden', '**/*.tmp.dockerfile'] }]) =>
    client.connection.sendRequest('twelveFactor/audit', { folders, workDoneToken: token }) as Promise<AuditReport>;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    root = tempWorkspace({
      'api/Dockerfile': 'FROM node\nCMD ["node", "server.js"]\n',
      'web/Dockerfile': 'FROM python:latest\nCMD python app.py\n',
      'worker/Dockerfile': 'FROM golang:1.22-alpine\nCMD ["./worker"]\n',
      '.gitignore': 'dist/\n',
      'dist/Dockerfile': 'FROM node\n',
      'node_modules/pkg/Dockerfile': 'FROM node\n',
      'hidden/Dockerfile': 'FROM node\n',
      'scratch.tmp.dockerfile': 'FROM node\n',
      'nested/hidden/Dockerfile': 'FROM node\n',
    });
    client = TestLspClient.start('stdio');
    await client.initialize(root);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('walks by the CLI rules plus files.exclude, with work-done progress from begin to end', async () => {
    const progress = recordProgress(client, 'audit-1');
    const report = await audit('audit-1');
    assert.deepEqual([...new Set(report.findings.map((f) => f.path))].sort(), ['api/Dockerfile', 'nested/hidden/Dockerfile', 'web/Dockerfile']);
    assert.equal(report.files, 4);
    assert.deepEqual(report.skipped, [
      { path: 'dist', folder: true, reason: 'ignored by .gitignore' },
      { path: 'hidden', folder: true, reason: 'excluded by files.exclude' },
      { path: 'node_modules', folder: true, reason: 'dependencies, vendored code or build output' },
      { path: 'scratch.tmp.dockerfile', folder: false, reason: 'excluded by files.exclude' },
    ]);
    assert.equal(report.factors.length, 12);
    const deps = report.factors.find((f) => f.factor === 'dependencies')!;
    assert.equal(deps.total, report.findings.filter((f) => f.factor === 'dependencies').length);
    assert.equal(report.topRules[0].count, Math.max(...report.topRules.map((r) => r.count)));
    const api = report.findings.find((f) => f.path === 'api/Dockerfile' && f.ruleId === UNPINNED)!;
    assert.equal(api.uri, uri('api/Dockerfile'));
    assert.deepEqual(api.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });

    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(progress[0].value.cancellable, true);
    assert.equal(kinds.at(-1), 'end');
  });

  it('finds the same findings as the CLI on the same folder, and exports the same Markdown and SARIF', async () => {
    const report = await audit('audit-2', [{ uri: pathToFileURL(root).href, exclude: [] }]);
    const cli = JSON.parse(runCli(['audit', '.', '--format', 'json', '--fail-on', 'none'], root).stdout) as { files: number; findings: JsonFinding[] };
    assert.equal(report.files, cli.files);
    assert.deepEqual(
      report.findings.map((f) => ({ file: f.path, range: f.range, ruleId: f.ruleId, factor: f.factor, severity: f.severity, message: f.message })),
      cli.findings,
    );
    for (const format of ['markdown', 'sarif'] as const) {
      const exported = (await client.connection.sendRequest('twelveFactor/exportAuditReport', { id: report.id, format })) as ExportResult;
      const run = runCli(['audit', '.', '--format', format, '--fail-on', 'none'], root);
      assert.equal(exported.text, run.stdout, `${format} export differs from the CLI`);
    }
    assert.match(runCli(['audit', '.', '--format', 'markdown', '--fail-on', 'none'], root).stdout, /\[api\/Dockerfile:1\]\(api\/Dockerfile#L1\)/);
    await assert.rejects(client.connection.sendRequest('twelveFactor/exportAuditReport', { id: report.id - 1, format: 'markdown' }), /no longer the latest audit/);
  });

  it('publishes findings of closed files, and hands them over to live diagnostics and back without duplicates', async () => {
    await audit('audit-3');
    const api = uri('api/Dockerfile');
    const closed = await client.waitForDiagnostics(api, hasUnpinned);
    assert.equal(closed.filter((d) => d.code === UNPINNED).length, 1);
    assert.ok(closed.every((d) => (d.data as { fix?: unknown }).fix === undefined), 'audit entries carry no fix');

    // Opened with an unsaved fix: the live diagnostics replace the audit's entry.
    await client.open(api, 'dockerfile', 'FROM node:20.11-alpine\nCMD ["node", "server.js"]\n');
    await client.waitForDiagnostics(api, (d) => !hasUnpinned(d));
    // An audit while it is open reads the editor's text and leaves its diagnostics alone.
    const whileOpen = await audit('audit-4');
    assert.ok(!whileOpen.findings.some((f) => f.path === 'api/Dockerfile' && f.ruleId === UNPINNED), 'the open, unsaved text was audited');

    // Closed unsaved: the disk still has the problem, so the entry comes back, once.
    await client.close(api);
    const back = await client.waitForDiagnostics(api, hasUnpinned);
    assert.equal(back.filter((d) => d.code === UNPINNED).length, 1);

    // Fixed on disk while closed: the watcher's change clears the stale entry.
    fs.writeFileSync(path.join(root, 'api', 'Dockerfile'), 'FROM node:20.11-alpine\nCMD ["node", "server.js"]\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: api, type: 2 }] });
    await client.waitForDiagnostics(api, (d) => !hasUnpinned(d));

    // A settings change re-lints the closed files the audit listed.
    const web = uri('web/Dockerfile');
    await client.waitForDiagnostics(web, hasUnpinned);
    client.settings = { rules: { [UNPINNED]: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(web, (d) => d.length > 0 && !hasUnpinned(d));
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(web, hasUnpinned);

    // A file the new audit excludes loses the entry an older audit gave it.
    const nested = uri('nested/hidden/Dockerfile');
    await client.waitForDiagnostics(nested, hasUnpinned);
    await audit('audit-5', [{ uri: pathToFileURL(root).href, exclude: ['**/hidden'] }]);
    await client.waitForDiagnostics(nested, (d) => d.length === 0);
  });

  it('skips a folder whose twelveFactor.enable is off, and says so', async () => {
    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      const report = await audit('audit-6');
      assert.equal(report.files, 0);
      assert.deepEqual(report.skipped, [{ path: path.basename(root), folder: true, reason: 'twelveFactor.enable is off' }]);
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });
});

describe('language server: cancelling twelveFactor/audit', function () {
  this.timeout(120_000);

  it('stops the server-side work soon after the cancel, and the server answers at once afterwards', async () => {
    const files: Record<string, string> = {};
    const body = Array.from({ length: 40 }, (_, i) => `RUN echo step ${i} && apt-get install -y pkg${i}`).join('\n');
    for (let i = 0; i < 1200; i++) files[`svc${i}/Dockerfile`] = `FROM node\n${body}\nENV TOKEN_${i}=abcdefgh12345678\nCMD npm start\n`;
    const root = tempWorkspace(files);
    const client = TestLspClient.start('stdio');
    try {
      await client.initialize(root);
      const progress = recordProgress(client, 'cancel-me');
      const source = new CancellationTokenSource();
      let cancelledAt = 0;
      // Cancel once the audit is reading or checking files, a good way in (a faster audit may check
      // all of them within one progress interval, so reading counts too).
      let timer: NodeJS.Timeout | undefined;
      const firstReport = new Promise<void>((resolve) => {
        timer = setInterval(() => {
          if (progress.some((p) => p.value.kind === 'report' && /^(Reading|Checking) \d+ of 1200/.test(p.value.message ?? ''))) resolve();
        }, 2);
      });
      const request = client.connection.sendRequest('twelveFactor/audit', { folders: [{ uri: pathToFileURL(root).href }], workDoneToken: 'cancel-me' }, source.token);
      const outcome = request.then(
        () => ({ answeredAt: performance.now(), error: undefined as { code?: number } | undefined }),
        (error: { code?: number }) => ({ answeredAt: performance.now(), error }),
      );
      await Promise.race([firstReport, outcome]).finally(() => clearInterval(timer));
      cancelledAt = performance.now();
      source.cancel();
      const { answeredAt, error } = await outcome;
      assert.equal(error?.code, -32800, 'the request ends as cancelled (it had not finished before the cancel)');
      const latency = answeredAt - cancelledAt;
      console.log(`      cancel → response: ${latency.toFixed(0)} ms`);
      assert.ok(latency < 1000, `the audit stopped ${latency.toFixed(0)} ms after the cancel`);

      const last = progress.filter((p) => p.value.kind === 'report').at(-1)!;
      const done = Number(/(?:Reading|Checking) (\d+) of/.exec(last.value.message ?? '')?.[1]);
      assert.ok(done < 1200, `it stopped at ${done} of 1200 files`);
      assert.equal(progress.at(-1)!.value.kind, 'end', 'the progress ends');
      assert.ok(client.logs.some((l) => /^Audit cancelled after \d+ ms\.$/.test(l)), client.logs.join('\n'));

      // Nothing keeps running: a request now is answered without waiting for the rest of the audit.
      const before = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(root, 'svc0', 'Dockerfile')).href }, position: { line: 0, character: 0 } });
      assert.ok(performance.now() - before < 500, 'the server is idle again');
      assert.equal(progress.filter((p) => p.at > answeredAt).length, 0, 'no progress after the answer');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: the audit report\'s environment contract', function () {
  this.timeout(60_000);
  const MONOREPO = path.resolve(__dirname, '../fixtures/env-contract');
  const SECRET = 'Zq8vN3xT1pLm4RwK9sYb';
  let client: TestLspClient;
  let root: string;
  let report: AuditReport;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-audit-env-')));
    fs.cpSync(MONOREPO, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'web', 'web.env'), `SESSION_SECRET=${SECRET}\n`);
    client = TestLspClient.start('stdio');
    await client.initialize(root);
    report = (await client.connection.sendRequest('twelveFactor/audit', { folders: [{ uri: pathToFileURL(root).href, exclude: [] }], workDoneToken: 'audit-env' })) as AuditReport;
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('has one row per service, with the missing and unused variables where the rules report them', () => {
    const rows = report.envContract ?? [];
    assert.deepEqual(rows.map((r) => `${r.service} ${r.platform} ${r.at.path}:${r.at.line + 1}`), ['billing cloudfoundry billing/manifest.yml:2', 'Deployment orders kubernetes deploy/k8s/orders.yaml:4', 'web compose docker-compose.yml:2']);
    const web = rows.find((r) => r.service === 'web')!;
    assert.deepEqual(web.missing.map((p) => `${p.name}@${p.path}:${p.line + 1}`), ['BUILD_SHA@web/server.js:9', 'SMTP_HOST@web/server.js:8']);
    assert.deepEqual(web.unused.map((p) => `${p.name}@${p.path}:${p.line + 1}`), ['LEFTOVER_FLAG@docker-compose.yml:10']);
    const reported = new Set(report.findings.filter((f) => f.ruleId === 'config/undeclared-env-var').map((f) => `${f.uri}:${f.range.start.line}`));
    assert.deepEqual(rows.flatMap((r) => r.missing.map((p) => `${p.uri}:${p.line}`)).sort(), [...reported].sort(), 'missing = the findings');
  });

  it('links each variable to its line: the file URI exists and the line names the variable (Spring-relaxed)', () => {
    const relaxed = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
    for (const row of report.envContract ?? []) {
      for (const p of [row.at, ...row.read, ...row.provided, ...row.missing, ...row.unused]) {
        const line = fs.readFileSync(fileURLToPath(p.uri), 'utf8').split('\n')[p.line];
        assert.ok(line !== undefined && relaxed(line).includes(relaxed(p.name.replace(/^Deployment /, ''))), `${p.name} on ${p.path}:${p.line + 1}: ${line}`);
      }
    }
  });

  it('agrees with the Markdown export, name by name and place by place, and shows no value', async () => {
    const exported = ((await client.connection.sendRequest('twelveFactor/exportAuditReport', { id: report.id, format: 'markdown' })) as ExportResult).text;
    const section = exported.slice(exported.indexOf('## Environment contract'));
    const markdownRows = section.split('\n').filter((l) => l.startsWith('| [')).map((l) => l.split(' | ').slice(1).map((cell) => [...cell.matchAll(/\[([^\]]+)\]\(([^)#]+)#L(\d+)\)/g)].map((m) => `${m[1].replace(/\\(.)/g, '$1')}@${m[2]}:${m[3]}`)));
    const reportRows = (report.envContract ?? []).map((r) => [r.read, r.provided, r.missing, r.unused].map((list) => list.map((p) => `${p.name}@${p.path}:${p.line + 1}`)));
    assert.deepEqual(reportRows, markdownRows);
    assert.ok(reportRows[2][1].some((p) => p.startsWith('SESSION_SECRET@web/web.env:')), 'the env_file key is provided');
    assert.ok(!JSON.stringify(report).includes(SECRET.slice(2)), 'the env file\'s value is never shown');
  });
});
