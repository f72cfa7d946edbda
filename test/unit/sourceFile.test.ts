import * as assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/parsing/sourceFile';

describe('SourceFile', () => {
  it('maps offsets to positions and back across \\n, \\r\\n and \\r', () => {
    const file = new SourceFile('/x', 'ab\r\ncd\nef\rgh');
    assert.equal(file.lineCount, 4);
    assert.deepEqual(file.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(file.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(file.positionAt(8), { line: 2, character: 1 });
    assert.deepEqual(file.positionAt(11), { line: 3, character: 1 });
    for (let offset = 0; offset <= file.text.length; offset++) {
      const back = file.offsetAt(file.positionAt(offset));
      // an offset inside a \r\n pair maps to the end of the line content
      assert.ok(back === offset || (file.text[offset - 1] === '\r' && back === offset - 1), `offset ${offset}`);
    }
  });

  it('clamps out-of-range offsets and positions', () => {
    const file = new SourceFile('/x', 'one\ntwo');
    assert.deepEqual(file.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(file.positionAt(999), { line: 1, character: 3 });
    assert.equal(file.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(file.offsetAt({ line: 9, character: 0 }), 7);
  });

  it('converts spans to ranges and gives line text without breaks', () => {
    const file = new SourceFile('/x', 'FROM node\r\nCMD x\n');
    assert.deepEqual(file.rangeOf({ start: 5, end: 9 }), { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
    assert.equal(file.lineText(0), 'FROM node');
    assert.equal(file.lineText(1), 'CMD x');
    assert.equal(file.lineText(2), '');
    assert.equal(file.eol, '\r\n');
  });
});
