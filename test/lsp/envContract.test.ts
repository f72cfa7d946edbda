import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, Location } from 'vscode-languageserver/node';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const MONOREPO = path.resolve(__dirname, '../fixtures/env-contract');
const CONTRACT = ['config/undeclared-env-var', 'config/unused-env-var'];

/** The lines (1-based) of a file whose `expect:` comments name a contract rule, as `line:rule`. */
function expectedIn(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (/\sexpect:\s*(.+?)\s*$/.exec(line)?.[1].split(/[\s,]+/) ?? []).filter((id) => CONTRACT.includes(id)).map((id) => `${i + 1}:${id}`)).sort();
}

const contractFindings = (d: Diagnostic[]) => d.filter((x) => CONTRACT.includes(String(x.code))).map((x) => `${x.range.start.line + 1}:${x.code}`).sort();

/** The position of the n-th occurrence of `needle` in a text, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: the env contract in the editor', function () {
  let client: TestLspClient;
  let workspace: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;
  const textOf = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');
  const languages: Record<string, string> = { '.js': 'javascript', '.py': 'python', '.java': 'java', '.yml': 'yaml', '.yaml': 'yaml' };

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-env-'));
    fs.cpSync(MONOREPO, workspace, { recursive: true });
    client = TestLspClient.start('stdio');
    await client.initialize(workspace);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  for (const rel of ['web/server.js', 'orders/app.py', 'billing/src/main/java/com/acme/billing/BillingConfig.java', 'docker-compose.yml', 'deploy/k8s/orders.yaml', 'billing/manifest.yml']) {
    it(`reports in ${rel} what the CLI reports`, async () => {
      const text = textOf(rel);
      await client.open(uriOf(rel), languages[path.extname(rel)], text);
      // The first lint may run before the background index is complete; the index then re-lints.
      await client.waitForDiagnostics(uriOf(rel), (d) => JSON.stringify(contractFindings(d)) === JSON.stringify(expectedIn(text)));
    });
  }

  it('hover on a read lists its providers with file, line and form', async () => {
    const text = textOf('web/server.js');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('web/server.js') }, position: positionOf(text, 'DATABASE_URL', 2) })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\.\.\/docker-compose\.yml:7\]/);
    assert.match(value, /placeholder \(web\)/);
    assert.match(value, /\.env\.example:1\]\([^)]+\) — documented/);
  });

  it('Go to Definition on a read jumps to its providers, an env_file entry and a ConfigMap key included', async () => {
    const js = textOf('web/server.js');
    const session = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf('web/server.js') }, position: positionOf(js, 'SESSION_SECRET', 1) })) as Location[];
    assert.deepEqual(session.map((l) => [l.uri, l.range.start.line]), [[uriOf('web/web.env'), 0]]);
    const py = textOf('orders/app.py');
    const payment = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf('orders/app.py') }, position: positionOf(py, '"PAYMENT_API"', 2) })) as Location[];
    assert.deepEqual(payment.map((l) => [l.uri, l.range.start.line]), [[uriOf('deploy/k8s/orders-config.yaml'), 6]]);
  });

  it('Find References on a provider lists the reads it serves', async () => {
    const yaml = textOf('docker-compose.yml');
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf('docker-compose.yml') }, position: positionOf(yaml, 'DATABASE_URL', 1), context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line]), [[uriOf('web/server.js'), 3]]);
  });

  it('declaring a variable in a manifest clears the diagnostic in an open code file', async () => {
    const compose = textOf('docker-compose.yml');
    const edited = compose.replace('      CACHE_TTL: "300"\n', '      CACHE_TTL: "300"\n      SMTP_HOST: ${SMTP_HOST}\n');
    await client.change(uriOf('docker-compose.yml'), edited, 2);
    const hasSmtp = (d: Diagnostic[]) => d.some((x) => x.code === 'config/undeclared-env-var' && /^SMTP_HOST/.test(String(x.message)));
    await client.waitForDiagnostics(uriOf('web/server.js'), (d) => !hasSmtp(d));
    await client.change(uriOf('docker-compose.yml'), compose, 3);
    await client.waitForDiagnostics(uriOf('web/server.js'), hasSmtp);
  });
});
