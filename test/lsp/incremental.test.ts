import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const RULE = 'port-binding/hardcoded-listen-port';

describe('language server: incremental sync of code files', function () {
  let client: TestLspClient;
  let dir: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-inc-'));
    client = TestLspClient.start('stdio');
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the diagnostics of a fresh open after a series of ranged edits', async () => {
    const start = "import express from 'express';\nconst app = express();\n\napp.listen(process.env.PORT ?? 3000);\n";
    const uri = pathToFileURL(path.join(dir, 'server.ts')).href;
    await client.open(uri, 'typescript', start);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    // Type a second server, a character at a time, with a CRLF and a non-ASCII comment on the way.
    const document = TextDocument.create(uri, 'typescript', 1, start);
    const typed = '// é😀 admin\r\nadmin.listen(9090);\n';
    let version = 1;
    for (const ch of typed) {
      const at = document.positionAt(document.getText().length);
      const change = { range: { start: at, end: at }, text: ch };
      TextDocument.update(document, [change], ++version);
      await client.changeRanges(uri, [change], version);
    }
    // Then replace `9090` by `8081` in one ranged change and delete the first listen line.
    const text = document.getText();
    const edits = [
      { range: { start: document.positionAt(text.indexOf('9090')), end: document.positionAt(text.indexOf('9090') + 4) }, text: '8081' },
      { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' },
    ];
    TextDocument.update(document, edits, ++version);
    await client.changeRanges(uri, edits, version);
    const last = version;
    const incremental = await client.waitForDiagnostics(uri, (_d, v) => v === last);

    const fresh = pathToFileURL(path.join(dir, 'fresh.ts')).href;
    await client.open(fresh, 'typescript', document.getText());
    const expected = await client.waitForDiagnostics(fresh, (_d, v) => v === 1);
    assert.deepEqual(incremental, expected);
    assert.deepEqual(incremental.filter((d) => d.code === RULE).map((d) => d.range.start.line), [4]);
  });

  it('moves, adds and drops findings as edits change a statement, the text around it, and the boundary between two', async () => {
    const SECRET = 'config/hardcoded-secret';
    const start = ['const a = 1;', 'function handler() {', '  const token = "abc";', '  return token;', '}', 'const b = 2;', ''].join('\n');
    const uri = pathToFileURL(path.join(dir, 'handlers.ts')).href;
    await client.open(uri, 'typescript', start);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    const document = TextDocument.create(uri, 'typescript', 1, start);
    let version = 1;
    /** Sends one ranged edit at a text's offset and returns the secret findings' lines of the new version. */
    const edit = async (from: number, to: number, text: string) => {
      const change = { range: { start: document.positionAt(from), end: document.positionAt(to) }, text };
      TextDocument.update(document, [change], ++version);
      const expected = version;
      await client.changeRanges(uri, [change], version);
      const diagnostics = await client.waitForDiagnostics(uri, (_d, v) => v === expected);
      return diagnostics.filter((d) => d.code === SECRET).map((d) => d.range.start.line);
    };
    const at = (needle: string) => document.getText().indexOf(needle);
    // Inside the statement: the short value grows into a secret, and back.
    assert.deepEqual(await edit(at('abc') + 3, at('abc') + 3, 'Kx9-long-value'), [2]);
    assert.deepEqual(await edit(at('abc'), at('abc') + 'abcKx9-long-value'.length, 'abc'), []);
    // Outside it: a new statement with a secret above the function, then a line above everything.
    assert.deepEqual(await edit(at('\nfunction'), at('\nfunction'), '\nconst apiKey = "sk-9Qx7-long-value";'), [1]);
    assert.deepEqual(await edit(0, 0, '// header\n'), [2]);
    // Across a boundary: the secret's statement joined with the function's, then split again.
    const joint = at('";') + 1;
    await edit(joint, at('{') + 1, '');
    assert.deepEqual(await edit(joint, joint, ';\nfunction handler() {'), [2]);
    // Deleting the secret's line drops its finding.
    assert.deepEqual(await edit(at('const apiKey'), at('function handler'), ''), []);

    const fresh = pathToFileURL(path.join(dir, 'handlers-fresh.ts')).href;
    await client.open(fresh, 'typescript', document.getText());
    const expected = await client.waitForDiagnostics(fresh, (_d, v) => v === 1);
    const last = version;
    assert.deepEqual(await client.waitForDiagnostics(uri, (_d, v) => v === last), expected);
  });

  it('lints an edited code file again at a save, parsed afresh, and a save without edits changes nothing', async () => {
    const start = "import express from 'express';\nconst app = express();\napp.listen(3000);\n";
    const uri = pathToFileURL(path.join(dir, 'saved.ts')).href;
    await client.open(uri, 'typescript', start);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    // A save of the opened text (its tree was parsed from scratch) has nothing to redo: no new lint.
    await client.save(uri);
    await assert.rejects(client.waitForNextDiagnostics(uri, () => true, 1500), /Timed out/);
    const edit = { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }, text: '8080' };
    await client.changeRanges(uri, [edit], 2);
    const typed = await client.waitForDiagnostics(uri, (_d, v) => v === 2);
    // After edits, a save lints the same version again from a fresh parse: the CLI's view of the saved text.
    const relinted = client.waitForNextDiagnostics(uri, (_d, v) => v === 2);
    await client.save(uri);
    assert.deepEqual(await relinted, typed);
    assert.deepEqual(typed.filter((d) => d.code === RULE).map((d) => d.range.start.line), [2]);
  });
});
