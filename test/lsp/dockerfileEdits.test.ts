import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

// Typing into a Dockerfile parses again only the instruction an edit changes (parsing/dockerfile/editedModel.ts):
// the diagnostics after each edit must be those of the same text opened afresh.
describe('language server: typing into a Dockerfile', function () {
  let client: TestLspClient;
  let dir: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-dockeredit-'));
    for (const sub of ['typed', 'fresh']) fs.mkdirSync(path.join(dir, sub));
    client = TestLspClient.start('stdio');
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the diagnostics of a fresh open after each edit of a RUN line, a FROM line and a stage name', async () => {
    const start = [
      'FROM node:20.11.1 AS build',
      'WORKDIR /src',
      'RUN curl -fsSL https://example.com/install.sh',
      'COPY . .',
      'FROM build AS app',
      'RUN apt-get update && apt-get install -y curl',
      'CMD ["node", "server.js"]',
      '',
    ].join('\n');
    const uri = pathToFileURL(path.join(dir, 'typed', 'Dockerfile')).href;
    await client.open(uri, 'dockerfile', start);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    const document = TextDocument.create(uri, 'dockerfile', 1, start);
    let version = 1;
    let fresh = 0;
    /** Types `text` a character at a time after `after`, then checks against a fresh open. */
    const type = async (after: string, text: string) => {
      for (const ch of text) {
        const at = document.positionAt(document.getText().indexOf(after) + after.length);
        const change = { range: { start: at, end: at }, text: ch };
        TextDocument.update(document, [change], ++version);
        await client.changeRanges(uri, [change], version);
        after += ch;
      }
      const last = version;
      const typed = await client.waitForDiagnostics(uri, (_d, v) => v === last);
      const other = pathToFileURL(path.join(dir, 'fresh', `${++fresh}`, 'Dockerfile')).href;
      await client.open(other, 'dockerfile', document.getText());
      const expected = await client.waitForDiagnostics(other, (_d, v) => v === 1);
      await client.close(other);
      assert.deepEqual(typed, expected, document.getText());
      return typed.map((d) => `${d.code}@${d.range.start.line}`);
    };
    // A pipe into a shell on line 3, and the findings below it stay where they are.
    const piped = await type('https://example.com/install.sh', ' | sh');
    assert.ok(piped.includes('dependencies/remote-script-pipe@2'), piped.join());
    // A moving tag on the first FROM; the second stage no longer builds on a renamed first stage.
    const tagged = await type('node:20.11.1', '-slim');
    assert.ok(!tagged.some((f) => f.startsWith('dependencies/unpinned-base-image@0')), tagged.join());
    await type('AS build', 'er');
    const unpinned = await type('FROM build AS app', 'x');
    assert.ok(unpinned.includes('dependencies/unpinned-base-image@4'), unpinned.join());
  });
});
