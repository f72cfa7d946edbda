import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const RULE = 'dependencies/unpinned-base-image';
const hasRule = (d: Diagnostic[]) => d.some((x) => x.code === RULE);

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function applyEdits(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `action "${action.title}" carries edits`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

describe('language server over stdio', function () {
  let client: TestLspClient;
  let workspace: string;
  let uri: string;
  const text = 'FROM node\nWORKDIR /app\nCMD ["node", "server.js"]\n';

  before(async function () {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    workspace = tempWorkspace({ Dockerfile: text });
    uri = pathToFileURL(path.join(workspace, 'Dockerfile')).href;
    client = TestLspClient.start('stdio');
    const init = (await client.initialize(workspace)) as { capabilities: { codeActionProvider: { codeActionKinds: string[] }; hoverProvider: boolean } };
    assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.twelveFactor'));
    assert.equal(init.capabilities.hoverProvider, true);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes diagnostics with source, code and a doc link', async () => {
    await client.open(uri, 'dockerfile', text);
    const diagnostics = await client.waitForDiagnostics(uri, hasRule);
    const d = diagnostics.find((x) => x.code === RULE)!;
    assert.equal(d.source, 'twelve-factor');
    assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
    assert.match(d.codeDescription!.href, /docs\/dependencies\/unpinned-base-image\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), 'the doc link points at a bundled file');
    assert.equal((d.data as { ruleId: string }).ruleId, RULE);
  });

  it('shows the rule rationale on hover over the finding', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /dependencies\/unpinned-base-image/);
    assert.match(value, /\[Rule documentation\]\(file:/);
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.equal(none, null);
  });

  it('offers disable and documentation actions; disabling for the line removes the diagnostic', async () => {
    const [d] = (await client.waitForDiagnostics(uri, hasRule)).filter((x) => x.code === RULE);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Disable ${RULE} for this line`), titles.join(' | '));
    assert.ok(titles.includes(`Disable ${RULE} for this file`));
    const doc = actions.find((a) => a.title === `Show documentation for ${RULE}`)!;
    assert.deepEqual(doc.command, { title: `Show documentation for ${RULE}`, command: 'twelveFactor.showRuleDoc', arguments: [RULE] });

    const disabled = applyEdits(text, actions.find((a) => a.title === `Disable ${RULE} for this line`)!, uri);
    assert.equal(disabled, `# twelve-factor-disable-next-line ${RULE} -- TODO: say why this is acceptable\n${text}`);
    await client.change(uri, disabled, 2);
    await client.waitForDiagnostics(uri, (ds) => !hasRule(ds));
    await client.change(uri, text, 3);
    await client.waitForDiagnostics(uri, hasRule);
  });

  it("applies the rule's own preferred fix, and the diagnostic goes away", async () => {
    const fixUri = pathToFileURL(path.join(workspace, 'api', 'Dockerfile')).href;
    const before = 'FROM node:20-alpine\nCMD node server.js\n';
    await client.open(fixUri, 'dockerfile', before);
    const [d] = (await client.waitForDiagnostics(fixUri, (ds) => ds.some((x) => x.code === 'disposability/exec-form-entrypoint'))).filter(
      (x) => x.code === 'disposability/exec-form-entrypoint',
    );
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: fixUri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred fix');
    assert.equal(preferred[0].kind, 'quickfix');
    const after = applyEdits(before, preferred[0], fixUri);
    assert.equal(after, 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
    await client.change(fixUri, after, 2);
    await client.waitForDiagnostics(fixUri, (ds) => !ds.some((x) => x.code === 'disposability/exec-form-entrypoint'));
  });

  it('offers source.fixAll.twelveFactor with every automatic fix, leaving the ENV removal to a person', async () => {
    const fixUri = pathToFileURL(path.join(workspace, 'worker', 'Dockerfile')).href;
    const before = 'FROM python:3.12-slim\nENV API_TOKEN=abcd1234efgh5678\nCMD python worker.py\n';
    await client.open(fixUri, 'dockerfile', before);
    await client.waitForDiagnostics(fixUri, (ds) => ds.length >= 2);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: fixUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.twelveFactor'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.twelveFactor']);
    assert.equal(applyEdits(before, actions[0], fixUri), 'FROM python:3.12-slim\nENV API_TOKEN=abcd1234efgh5678\nCMD ["python", "worker.py"]\n');
  });

  it('"Disable for this file" keeps parser directives first, and the finding goes away', async () => {
    const headerUri = pathToFileURL(path.join(workspace, 'Dockerfile.directive')).href;
    const before = '# syntax=docker/dockerfile:1\nFROM node\n';
    await client.open(headerUri, 'dockerfile', before);
    const [d] = (await client.waitForDiagnostics(headerUri, hasRule)).filter((x) => x.code === RULE);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: headerUri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const after = applyEdits(before, actions.find((a) => a.title === `Disable ${RULE} for this file`)!, headerUri);
    assert.equal(after, `# syntax=docker/dockerfile:1\n# twelve-factor-disable-file ${RULE} -- TODO: say why this is acceptable\nFROM node\n`);
    await client.change(headerUri, after, 2);
    await client.waitForDiagnostics(headerUri, (ds) => !hasRule(ds));
  });

  it('turns a rule off and on through twelveFactor.rules', async () => {
    client.settings = { rules: { [RULE]: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (ds) => !hasRule(ds));
    client.settings = { rules: { 'dependencies/*': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const back = await client.waitForDiagnostics(uri, hasRule);
    assert.equal(back.find((x) => x.code === RULE)!.severity, 1, 'factor/* raised it to error');
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (ds) => ds.find((x) => x.code === RULE)?.severity === 2);
  });

  it('pulls settings once per document until the configuration changes', async () => {
    const before = client.configurationRequests;
    await client.change(uri, `${text}\n`, 10);
    await client.waitForDiagnostics(uri, hasRule);
    await client.change(uri, text, 11);
    await client.waitForDiagnostics(uri, hasRule);
    assert.equal(client.configurationRequests, before, 'edits reuse the cached settings');
  });

  it('follows .twelve-factor.yaml changes, and reports a bad key in that file', async () => {
    const configPath = path.join(workspace, '.twelve-factor.yaml');
    const configUri = pathToFileURL(configPath).href;
    fs.writeFileSync(configPath, `rules:\n  ${RULE}: off\nrequireReasons: true\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await client.waitForDiagnostics(uri, (ds) => !hasRule(ds));
    const configDiagnostics = await client.waitForDiagnostics(configUri, (ds) => ds.length > 0);
    assert.equal(configDiagnostics[0].code, 'codebase/invalid-config');
    assert.match(configDiagnostics[0].message as string, /Unknown key "requireReasons"/);
    assert.deepEqual(configDiagnostics[0].range.start, { line: 2, character: 0 });

    fs.rmSync(configPath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    await client.waitForDiagnostics(uri, hasRule);
    await client.waitForDiagnostics(configUri, (ds) => ds.length === 0);
  });
});

describe('language server over IPC', () => {
  it('initializes and publishes diagnostics', async () => {
    const workspace = tempWorkspace({ 'Dockerfile.prod': 'FROM python:latest\n' });
    const client = TestLspClient.start('ipc');
    try {
      await client.initialize(workspace);
      const uri = pathToFileURL(path.join(workspace, 'Dockerfile.prod')).href;
      await client.open(uri, 'dockerfile', 'FROM python:latest\n');
      const diagnostics = await client.waitForDiagnostics(uri, hasRule);
      assert.deepEqual(diagnostics.find((d) => d.code === RULE)!.range.start, { line: 0, character: 12 });
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('language server: bad settings', () => {
  it('tells the user about a bad twelveFactor.rules value once, and applies the defaults to it', async () => {
    const workspace = tempWorkspace({ Dockerfile: 'FROM node\n' });
    const client = TestLspClient.start('stdio');
    const warnings = client.shownMessages;
    try {
      client.settings = { rules: { [RULE]: 'loud' } };
      await client.initialize(workspace);
      const uri = pathToFileURL(path.join(workspace, 'Dockerfile')).href;
      await client.open(uri, 'dockerfile', 'FROM node\n');
      const diagnostics = await client.waitForDiagnostics(uri, hasRule);
      assert.equal(diagnostics.find((d) => d.code === RULE)!.severity, 2, 'the default severity applies');
      await client.change(uri, 'FROM node\n\n', 2);
      await client.waitForDiagnostics(uri, (ds) => hasRule(ds));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.change(uri, 'FROM node\n', 3);
      await client.waitForDiagnostics(uri, hasRule);
      assert.equal(warnings.length, 1, `one warning, not one per lint: ${JSON.stringify(warnings)}`);
      assert.match(warnings[0], /Invalid value "loud" for "twelveFactor.rules.dependencies\/unpinned-base-image"/);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
