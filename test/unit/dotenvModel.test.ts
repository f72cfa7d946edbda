import * as assert from 'node:assert/strict';
import * as dotenv from 'dotenv';
import { entryOf, parseDotenv } from '../../server/src/parsing/dotenv/dotenvModel';
import { isEnvTemplate, isTestEnvFile, realFileOf, templateCandidates } from '../../server/src/parsing/dotenv/envFileNames';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const parse = (text: string, name = '/app/.env') => parseDotenv(new SourceFile(name, text));
/** What our parser says dotenv will load: the last entry of each key. */
const values = (text: string) => Object.fromEntries(parse(text).entries.map((e) => [e.key.value, e.value]));

/** Inputs people write, and the corners of dotenv's grammar. */
const CASES = [
  'A=1\nB=2',
  'export A=1\nexport  B = two words  # comment\n',
  'A="double \\n newline" # c\nB=\'single \\n stays\'\nC=`back tick`',
  'MULTI="line one\nline two\nline three"\nNEXT=after',
  "MULTI='a\nb'\nX=1",
  'A=value#not-a-comment\nB=value #comment\nC="quoted # kept"\nD=\'q\' trailing',
  'A=\nB=""\nC=\'\'\nD=   \nE= # only a comment',
  'KEY: yaml style\nOTHER:nospace\nDOTTED.key-name=ok',
  '\r\nA=crlf\r\nB="multi\r\nline"\r\nC=\'x\'\r\n',
  'A=1\rB=2\r',
  '  INDENTED=yes\n\t\tTABBED = 1',
  'DUP=first\nDUP=second',
  'A="unterminated\nB=next',
  'A="escaped \\" quote"\nB=\'it\\\'s\'',
  '# comment only\n#A=commented\n   # indented comment',
  'not a line\n=novalue\nexport\nA B=1\nC=ok',
  'A="a"b"\nB="x" "y"',
  'URL=postgres://u:p@h:5432/db?sslmode=require\nJSON={"a":1,"b":[2]}',
  'A=\u00a0nbsp\u00a0\nB=\u2003em',
  'A="\\r\\n"\nB=`a\nb`\nC="trail"   \n',
  'export A="x" # c\nexport=1\nexport.B=2',
  'A="one"\n\n\nB="two"',
  "A='a\\'b'\nC=3",
  'A=1 # c\n# B=2\nC=${A}-x',
];

describe('dotenvModel', () => {
  it('agrees with dotenv.parse on the corners of its grammar', () => {
    for (const text of CASES) assert.deepEqual(values(text), { ...dotenv.parse(text) }, JSON.stringify(text));
  });

  it('agrees with dotenv.parse on 3,000 generated files', () => {
    const pieces = [
      'A', 'B_2', 'key.x', 'k-y', 'export ', ' ', '\t', '=', ': ', ':', '"', "'", '`', '\\', '\\n', '\\"', "\\'", '#', ' # c',
      'val', 'two words', '\n', '\r\n', '\r', '${X}', 'http://a:b@c', '\u00a0', 'é', '==', '$',
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 16) % n;
    };
    for (let run = 0; run < 3000; run++) {
      let text = '';
      const lines = 1 + random(5);
      for (let l = 0; l < lines; l++) {
        // Mostly well-formed entries, with random pieces in the value and around it.
        text += random(3) === 0 ? 'export ' : '';
        text += ['A', 'B', 'C_1', 'd.e'][random(4)] + ['=', ' = ', ': ', '='][random(4)];
        for (let k = random(6); k > 0; k--) text += pieces[random(pieces.length)];
        text += ['\n', '\r\n', '', '\n\n'][random(4)];
      }
      assert.deepEqual(values(text), { ...dotenv.parse(text) }, JSON.stringify(text));
    }
  });

  it('gives spans for keys and values, mapped back through CRLF line breaks', () => {
    const text = '# head\r\nexport DB_URL = "postgres://db/app" # main\r\nSECRET=«s3cr3t»\r\nEMPTY=\r\nMULTI="a\r\nb"\r\n'.replace(/[«»]/g, '');
    const model = parse(text);
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    assert.deepEqual(model.entries.map((e) => [slice(e.key.span), slice(e.valueSpan), e.quote ?? '', e.exported]), [
      ['DB_URL', 'postgres://db/app', '"', true],
      ['SECRET', 's3cr3t', '', false],
      ['EMPTY', '', '', false],
      ['MULTI', 'a\r\nb', '"', false],
    ]);
    assert.equal(slice(model.entries[0].span), 'export DB_URL = "postgres://db/app" # main');
    assert.equal(entryOf(model, 'MULTI')?.value, 'a\nb');
    assert.deepEqual(model.problems, []);
  });

  it('reports lines dotenv ignores, and keeps the entries around them', () => {
    const text = 'A=1\nthis line is prose\n  =novalue\nB="multi\nline"\nC=3\n';
    const model = parse(text);
    assert.deepEqual(model.problems.map((p) => [p.message, text.slice(p.span.start, p.span.end)]), [
      ['line 2 is not a KEY=value entry, so dotenv ignores it.', 'this line is prose'],
      ['line 3 is not a KEY=value entry, so dotenv ignores it.', '=novalue'],
    ]);
    assert.deepEqual(model.entries.map((e) => e.key.value), ['A', 'B', 'C']);
  });

  it('collects keys documented in comments', () => {
    const text = '# Optional:\n# SENTRY_DSN=\n#export REDIS_URL=redis://localhost\n# not a key\n';
    assert.deepEqual(parse(text).commentedKeys.map((k) => [k.value, text.slice(k.span.start, k.span.end)]), [['SENTRY_DSN', 'SENTRY_DSN'], ['REDIS_URL', 'REDIS_URL']]);
  });

  it('names templates and pairs them with the real file', () => {
    for (const name of ['.env.example', '.env.sample', '/x/.env.template', '.env.dist', '.env.dev-sample', '.env.prod.db-sample', 'example.env']) assert.ok(isEnvTemplate(name), name);
    for (const name of ['.env', '.env.local', '.env.production', 'nrconfig.env', '.env.override']) assert.ok(!isEnvTemplate(name), name);
    assert.equal(templateCandidates('/x/.env')[0], '/x/.env.example');
    assert.equal(realFileOf('/x/.env.example'), '/x/.env');
    assert.equal(realFileOf('/x/.env.dev-sample'), '/x/.env.dev');
    assert.equal(realFileOf('/x/example.env'), undefined);
    for (const name of ['.env.test', '/x/.env.testing', '.env.ci', 'e2e.env']) assert.ok(isTestEnvFile(name), name);
    for (const name of ['.env', '.env.production', '.env.latest', 'contest.env']) assert.ok(!isTestEnvFile(name), name);
  });
});
