import * as assert from 'node:assert/strict';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { markReparsed } from '../../server/src/parsing/code/statementReuse';
import { anchorHits, carryWordHits, recordEdit } from '../../server/src/parsing/code/wordHits';
import { random } from '../helpers/random';

const ANCHORS = [/\bprocess\b/g, /\b(listen|serve)\b/g, /\b(?:port|Server|listen)\b/g, /\b(a|ab|b)\b/g];
const PIECES = ['process', 'listen', 'serve', 'port', 'Server', 'a', 'ab', 'b', '_', 'x', '9', ' ', '.', '(', ')', '\n', 'é', ''];

/** A stand-in model of a document being typed in: the hits read only the text. */
const modelOf = (text: string) => {
  const model = { file: { text } } as unknown as CodeModel;
  markReparsed(model);
  return model;
};
const reference = (text: string, anchor: RegExp) => [...text.matchAll(anchor)].map((m) => ({ index: m.index, end: m.index + m[0].length }));

describe('anchor hits carried over an edit', () => {
  it('equal a scan of the whole new text after each of many edits, words split, joined and grown at the edit', () => {
    const next = random(29);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)];
    for (let round = 0; round < 300; round++) {
      let text = Array.from({ length: 40 }, pick).join('');
      let model = modelOf(text);
      for (const anchor of ANCHORS) anchorHits(model, anchor);
      for (let step = 0; step < 20; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const oldEnd = Math.min(text.length, start + Math.floor(next() * 6));
        const inserted = Array.from({ length: Math.floor(next() * 3) }, pick).join('');
        const position = { line: 0, character: 0 };
        recordEdit(model, { startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + inserted.length, startPosition: position, oldEndPosition: position, newEndPosition: position });
        // Now and then two edits arrive before a parse: the hits are then scanned afresh.
        if (next() < 0.1) recordEdit(model, { startIndex: 0, oldEndIndex: 0, newEndIndex: 0, startPosition: position, oldEndPosition: position, newEndPosition: position });
        text = text.slice(0, start) + inserted + text.slice(oldEnd);
        const previous = model;
        model = modelOf(text);
        carryWordHits(model, previous);
        for (const anchor of ANCHORS) assert.deepEqual(anchorHits(model, anchor), reference(text, anchor), `${anchor} on ${JSON.stringify(text)}`);
      }
    }
  });

  it('scans other expressions whole, as matchAll does', () => {
    const text = 'processing process SetOutput New GetEnv';
    for (const anchor of [/\bSetOutput\b|\bNew\b/g, /\bGet\w*\b/g, /process/g, /\bprocess\b/gi]) assert.deepEqual(anchorHits(modelOf(text), anchor), reference(text, anchor));
  });
});
