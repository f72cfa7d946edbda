import * as assert from 'node:assert/strict';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { PassThrough, Writable } from 'node:stream';
import '../../server/src/startup/oneWriteMessages';

describe('one write per LSP message', () => {
  it('writes the header and the body of a message together, and a reader reads the messages back', async () => {
    const chunks: Buffer[] = [];
    const wire = new PassThrough();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        wire.write(chunk);
        done();
      },
    });
    const writer = new StreamMessageWriter(sink);
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/Dockerfile', version: 2, diagnostics: [{ message: 'ünïcode – bytes' }] } },
      { jsonrpc: '2.0', id: 1, result: null },
    ];
    for (const message of messages) await writer.write(message as never);
    assert.equal(chunks.length, 2);
    const body = JSON.stringify(messages[0]);
    assert.equal(chunks[0].toString('utf8'), `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

    const read: unknown[] = [];
    const reader = new StreamMessageReader(wire);
    await new Promise<void>((resolve) => {
      reader.listen((message) => {
        read.push(message);
        if (read.length === messages.length) resolve();
      });
    });
    assert.deepEqual(read, messages);
    reader.dispose();
  });
});
