import * as assert from 'node:assert/strict';
import { TOKEN_HITS, tokenHits } from '../../server/src/analysis/tokenHits';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { markReparsed } from '../../server/src/parsing/code/statementReuse';
import { carryTextHits, readsOneLine, recordEdit, textHits, type Scan } from '../../server/src/parsing/code/textHits';
import { random } from '../helpers/random';

/** Searches of the shapes the rules run: word anchors, case-blind names inside words, URLs, lookarounds, an empty match. */
const SEARCHES: { pattern: RegExp; scan?: Scan }[] = [
  { pattern: /\bprocess\b/g },
  { pattern: /\b(listen|serve)\b/g },
  { pattern: /\b(a|ab|b)\b/g },
  { pattern: /pass(?:word|wd)?|pwd|token|api_?key/gi },
  { pattern: /\b(?:postgres(?:ql)?|redis)(?:\+[a-z0-9]+)?:\/\//gi },
  { pattern: /\bprocess\.env\b|\bconvict\b/g },
  { pattern: /(?<![\w.])ab(?!\()|x\.?y/g },
  { pattern: /['"]a['"]/g },
  { pattern: /a*/g },
  { pattern: TOKEN_HITS, scan: tokenHits },
];
const PIECES = ['process', '.env', 'listen', 'serve', 'a', 'ab', 'b', 'x', 'y', '.', '(', '"', "'", 'PASS', 'word', 'pwd', 'token', 'api_key', 'postgres', 'redis', '+srv', '://', 'u:pw@', 'AKIA', 'ghp_', 'sk_live_', 'convict', '_', '9', ' ', '\n', '\n', 'é', ''];

/** A stand-in model of a document being typed in: the hits read only the text. */
const modelOf = (text: string) => {
  const model = { file: { text } } as unknown as CodeModel;
  markReparsed(model);
  return model;
};
const reference = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => ({ index: m.index, end: m.index + m[0].length }));

describe('text hits carried over an edit', () => {
  it('equal a scan of the whole new text after each of many random edits, lines split, joined and grown at the edit', () => {
    const next = random(29);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)];
    for (let round = 0; round < 300; round++) {
      let text = Array.from({ length: 40 }, pick).join('');
      let model = modelOf(text);
      for (const { pattern, scan } of SEARCHES) textHits(model, pattern, scan);
      for (let step = 0; step < 20; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const oldEnd = Math.min(text.length, start + Math.floor(next() * 8));
        const inserted = Array.from({ length: Math.floor(next() * 3) }, pick).join('');
        const position = { line: 0, character: 0 };
        recordEdit(model, { startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + inserted.length, startPosition: position, oldEndPosition: position, newEndPosition: position });
        // Now and then two edits arrive before a parse: the hits are then scanned afresh.
        if (next() < 0.1) recordEdit(model, { startIndex: 0, oldEndIndex: 0, newEndIndex: 0, startPosition: position, oldEndPosition: position, newEndPosition: position });
        text = text.slice(0, start) + inserted + text.slice(oldEnd);
        const previous = model;
        model = modelOf(text);
        carryTextHits(model, previous);
        for (const { pattern, scan } of SEARCHES) assert.deepEqual(textHits(model, pattern, scan), reference(text, pattern), `${pattern} on ${JSON.stringify(text)}`);
      }
    }
  });

  it('scans a search that may read past its line whole, as matchAll does', () => {
    const text = 'process\n.env a\n b';
    let model = modelOf(text);
    const crossing = [/process\s*\.env/g, /a\s+b/g, /[^x]+/g];
    for (const pattern of crossing) textHits(model, pattern);
    const position = { line: 0, character: 0 };
    recordEdit(model, { startIndex: 7, oldEndIndex: 8, newEndIndex: 8, startPosition: position, oldEndPosition: position, newEndPosition: position });
    const edited = 'process .env a\n b';
    const previous = model;
    model = modelOf(edited);
    carryTextHits(model, previous);
    for (const pattern of crossing) assert.deepEqual(textHits(model, pattern), reference(edited, pattern), String(pattern));
  });
});

describe('readsOneLine', () => {
  it('proves the searches the rules run, and refuses what can match or read a line break', () => {
    for (const pattern of [...SEARCHES.map((s) => s.pattern), /[^\s'"]{0,9}@/g, /[^\n]x/g, /\S+:/g, /a.b/g, /[a-z]\.[A-Z]/gi, /(?<=\.)x/g, /sqlite|fakeredis|redis-mock/g]) {
      assert.equal(readsOneLine(pattern), true, String(pattern));
    }
    const refused = [/a\s*b/g, /a\nb/g, /[^a]b/g, /[^]/g, /[^\S]/g, /\W/g, /\D/g, /^a/g, /a$/g, /a/gm, /a.b/gs, /a/gu, /a\x0ab/g, /a\u000ab/g, new RegExp('a\\12', 'g'), /(a)\1/g, /a\cJ/g, /a/y, /a/, /[\s]/g];
    for (const pattern of refused) assert.equal(readsOneLine(pattern), false, String(pattern));
  });
});
