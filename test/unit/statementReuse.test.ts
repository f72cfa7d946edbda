import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, ModelCache, ResolvedConfig, type LintOutput } from '../../server/src/engine';
import { textChange } from '../../server/src/lsp/incrementalTrees';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { random } from '../helpers/random';

// What typing reuses per top-level statement (the facts of the rules' searches around name hits)
// must never change a finding: after each edit, linting through the model cache (incremental parse,
// facts of unchanged statements carried over) gives exactly what linting the same text afresh gives.

const FIXTURES = path.resolve(__dirname, '../fixtures/code');
/** Each language's fixture sources joined: many statements, with findings among them. */
const SOURCES: Record<string, string> = {
  'server.ts': ['express-api/src/config.ts', 'express-api/src/db.ts', 'express-api/src/server.ts', 'express-api/src/logger.ts'].map(read).join('\n'),
  'app.py': ['flask-app/settings.py', 'flask-app/db.py', 'flask-app/app.py'].map(read).join('\n'),
  'main.go': read('go-server/main.go') + '\n' + read('go-server/store.go').replace(/^package \w+\n/, ''),
  'OrderController.java': read('spring-service/src/main/java/com/example/orders/OrderController.java'),
};

function read(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

// Pieces that add or remove findings (secrets bound to names, fallbacks, ports, log files), and that
// join or split statements (braces, semicolons, quotes, comment openers).
const SNIPPETS = [
  '\nconst dbPassword = "hunter2-Kx9";\n', '\npassword = "hunter2-Kx9"\n', '\n\tpassword := "hunter2-Kx9"\n', '\nprivate String password = "hunter2-Kx9";\n',
  ' || "dev-secret-1"', 'process.env.JWT_SECRET', 'os.environ.get("API_TOKEN", "tok-123456")', 'os.Getenv("PORT")',
  '\napp.listen(8080);\n', "\nfs.createWriteStream('/var/log/app.log');\n", 'postgres://app:pw1234@db/app', 'password', 'process',
  '{', '}', '(', ')', ';', '\n', '"', "'", '`', '//', '/*', '*/', '#', 'x', '',
];

/** Names the rules' searches start from. */
const NAMES = ['env', 'environ', 'Getenv', 'getenv', 'password', 'Password', 'secret', 'token', 'listen', 'PORT', 'port', 'log'];

const config = new ResolvedConfig();
const lintText = (name: string, text: string, version: number, cache?: ModelCache): LintOutput =>
  lint({ file: new SourceFile(`/w/${name}`, text, version), config, relativePath: name, workspace: { readText: () => undefined }, cache });

const treeOf = (output: LintOutput) => (output.model as CodeModel).tree.rootNode.toString();
const findings = (output: LintOutput) => output.findings.map((f) => ({ id: f.ruleId, span: f.span, message: f.message }));

/** Applies one change to the document and tells the cache about it, as the language server does. */
function change(document: TextDocument, cache: ModelCache, name: string, start: number, end: number, text: string, version: number): void {
  const ranged = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
  cache.edit(`/w/${name}`, textChange(document, ranged));
  TextDocument.update(document, [ranged], version);
}

describe('facts reused per statement while typing', () => {
  let savesChecked = 0;
  for (const [name, source] of Object.entries(SOURCES)) {
    it(`give the findings of a fresh lint after each of many edits (${name})`, () => {
      let findingsSeen = 0;
      let rounds = 0;
      let otherTrees = 0;
      // Seed 23 makes the Java source's incremental reparse differ from a fresh parse (round 2): the save check below needs one.
      for (const seed of [1, 2, 3, 4, 5, 6, 23]) {
        const next = random(seed * 104729);
        const cache = new ModelCache();
        const document = TextDocument.create(`file:///w/${name}`, 'x', 1, source);
        let version = 1;
        lintText(name, document.getText(), version, cache);
        for (let round = 0; round < 25; round++) {
          const changes = 1 + Math.floor(next() * 3);
          for (let c = 0; c < changes; c++) {
            const text = document.getText();
            const start = Math.floor(next() * (text.length + 1));
            const kind = next();
            const word = NAMES[Math.floor(next() * NAMES.length)];
            const places = [...text.matchAll(new RegExp(word, 'g'))].map((m) => m.index);
            if (kind < 0.2 && places.length > 0) {
              // A name the rules look for overwritten in place (`env` → `enx`, `password` → `pas_word`): the finding goes, no span moves.
              const at = places[Math.floor(next() * places.length)] + Math.floor(next() * word.length);
              change(document, cache, name, at, at + 1, next() < 0.5 ? 'x' : '_', ++version);
              continue;
            }
            if (kind < 0.35) {
              // A character overwritten (`env` → `enx`): no span moves, only what the text says.
              change(document, cache, name, start, Math.min(text.length, start + 1), 'xyz_.("'[Math.floor(next() * 7)], ++version);
              continue;
            }
            // Mostly typing (a piece in), sometimes a deletion that may join two statements.
            const end = kind < 0.45 ? Math.min(text.length, start + Math.floor(next() * 40)) : start;
            change(document, cache, name, start, end, SNIPPETS[Math.floor(next() * SNIPPETS.length)], ++version);
          }
          const incremental = lintText(name, document.getText(), version, cache);
          const fresh = lintText(name, document.getText(), version);
          rounds++;
          // Tree-sitter's incremental reparse now and then builds another tree than a fresh parse of
          // the same text (after an overwritten character, say); the rules then see another tree.
          // What is compared here is what the reuse adds: findings over the same tree.
          if (treeOf(incremental) !== treeOf(fresh)) {
            otherTrees++;
            savesChecked++;
            // A save parses the text afresh (the language server's didSave): the editor then has the CLI's tree and findings.
            assert.ok(cache.reparseAfresh(`/w/${name}`), 'an incrementally reparsed model can be parsed afresh');
            const saved = lintText(name, document.getText(), version, cache);
            assert.equal(treeOf(saved), treeOf(fresh), `seed ${seed}, round ${round}: the tree after a save`);
            assert.deepEqual(findings(saved), findings(fresh), `seed ${seed}, round ${round}: the findings after a save`);
            continue;
          }
          findingsSeen += fresh.findings.length;
          assert.deepEqual(findings(incremental), findings(fresh), `seed ${seed}, round ${round}`);
        }
      }
      assert.ok(findingsSeen > 100, `only ${findingsSeen} findings: the comparison would prove little`);
      assert.ok(otherTrees * 10 < rounds, `${otherTrees} of ${rounds} reparses differ from a fresh parse: the comparison would prove little`);
    });
  }

  it('checked a save on at least one reparse whose tree differed from a fresh parse', () => {
    assert.ok(savesChecked > 0, 'no incremental reparse differed: the save check above proved nothing');
  });

  it('follow a finding added and removed inside a statement, outside it, and across a statement boundary', () => {
    const name = 'app.ts';
    const lines = ['const a = 1;', 'function handler() {', '  const token = "abc";', '  return token;', '}', 'const b = 2;', ''];
    const document = TextDocument.create(`file:///w/${name}`, 'x', 1, lines.join('\n'));
    const cache = new ModelCache();
    let version = 1;
    const secrets = () => findings(lintText(name, document.getText(), version, cache)).filter((f) => f.id === 'config/hardcoded-secret');
    assert.equal(secrets().length, 0, 'a three-letter value is too short to be a secret');
    const at = (needle: string) => document.getText().indexOf(needle);
    // Inside the statement: the value grows into a secret, then shrinks again.
    change(document, cache, name, at('abc') + 3, at('abc') + 3, 'Kx9-long-value', ++version);
    assert.equal(secrets().length, 1);
    change(document, cache, name, at('abcKx9'), at('abcKx9') + 'abcKx9-long-value'.length, 'abc', ++version);
    assert.equal(secrets().length, 0);
    // Outside it: a new statement after `const a = 1;` with a secret, the function untouched.
    change(document, cache, name, at('\nfunction'), at('\nfunction'), '\nconst apiKey = "sk-9Qx7-long-value";', ++version);
    assert.deepEqual(secrets().map((f) => f.span.start), [at('"sk-9Qx7')]);
    // Across a boundary: deleting `;\nfunction handler() {` joins the two statements; the secret now is inside a broken one.
    const joinStart = at('";') + 1;
    change(document, cache, name, joinStart, at('{') + 1, '', ++version);
    assert.deepEqual(secrets(), findings(lintText(name, document.getText(), version)).filter((f) => f.id === 'config/hardcoded-secret'));
    // And split again: the finding moves with its statement, as a fresh lint finds it.
    change(document, cache, name, joinStart, joinStart, ';\nfunction handler() {', ++version);
    assert.deepEqual(secrets().map((f) => f.span.start), [at('"sk-9Qx7')]);
    // An edit above everything shifts every statement: the finding's span moves with it.
    change(document, cache, name, 0, 0, '// header\n', ++version);
    assert.deepEqual(secrets().map((f) => f.span.start), [at('"sk-9Qx7')]);
  });
});

// Every whole-text search the code rules run while typing (secret names, token formats, service URLs,
// host keys, stand-ins, session stores, file writes, config libraries, the whole env) with a hit.
const SEARCHED = [
  'import express from \'express\';',
  'import session from \'express-session\';',
  'import convict from \'convict\';',
  'import env from \'env-var\';',
  'import { Pool } from \'pg\';',
  'import Redis from \'ioredis\';',
  'import sqlite3 from \'sqlite3\';',
  'import * as fs from \'fs\';',
  'const app = express();',
  'app.use(session({ secret: process.env.SESSION_SECRET }));',
  'const pool = new Pool({ host: \'db.internal\', port: 5432 });',
  'const cache = new Redis({ host: \'cache.internal\' });',
  'const db = new sqlite3.Database(\'app.db\');',
  'const url = \'postgres://db.internal:5432/app\';',
  'const dsn = \'app@tcp(mysql.internal:3306)/app\';',
  'const pg = \'host=db.internal user=app dbname=app\';',
  'const stripe = \'sk_live_4eC39HqLyjWDarjtT1zdp7dc\';',
  'const github = \'ghp_abcdefghijklmnopqrstuvwxyz0123456789\';',
  'const apiKey = \'Kx9-live-key-4eC39HqLyjWDar\';',
  'const config = convict({ port: { env: \'PORT\', default: 8080 } });',
  'const port = env.get(\'PORT\').default(\'3000\').asPortNumber();',
  'const all = { ...process.env };',
  'app.post(\'/upload\', (req, res) => {',
  '  fs.writeFileSync(\'/var/data/upload.bin\', req.body);',
  '  res.end();',
  '});',
  'app.listen(port);',
].join('\n');
/** Pieces that make, break, split and join those hits, and lines. */
const SEARCH_EDGES = /host|sk_live_|ghp_|postgres:\/\/|tcp\(|sqlite3?|express-session|writeFileSync|env-var|convict|process\.env|apiKey|secret/gi;
const SEARCH_PIECES = ['\n', '\n', 'sk_live_', 'ghp_', '://', 'postgres', 'host', 'Host', 'sqlite', 'session', 'writeFile', 'env-var', 'convict', 'process.env', 'tcp(', '@', ':', '"', "'", 'x', '_', ' ', '.', ''];

describe('text hits carried while typing', () => {
  it('give the findings of a fresh lint after each of many edits that make, break, split and join hits and lines', () => {
    const name = 'app.ts';
    let findingsSeen = 0;
    let compared = 0;
    for (const seed of [1, 2, 3, 4]) {
      const next = random(seed * 7919);
      const cache = new ModelCache();
      const document = TextDocument.create(`file:///w/${name}`, 'x', 1, SEARCHED);
      let version = 1;
      lintText(name, document.getText(), version, cache);
      for (let round = 0; round < 40; round++) {
        const text = document.getText();
        // Mostly at the edge of a hit (where a word grows, shrinks or splits), else anywhere.
        const edges = [...text.matchAll(SEARCH_EDGES)].flatMap((m) => [m.index, m.index + m[0].length]);
        const start = next() < 0.6 && edges.length > 0 ? edges[Math.floor(next() * edges.length)] : Math.floor(next() * (text.length + 1));
        const end = next() < 0.3 ? Math.min(text.length, start + 1 + Math.floor(next() * 6)) : start;
        change(document, cache, name, start, end, SEARCH_PIECES[Math.floor(next() * SEARCH_PIECES.length)], ++version);
        const incremental = lintText(name, document.getText(), version, cache);
        const fresh = lintText(name, document.getText(), version);
        if (treeOf(incremental) !== treeOf(fresh)) continue;
        compared++;
        findingsSeen += fresh.findings.length;
        assert.deepEqual(findings(incremental), findings(fresh), `seed ${seed}, round ${round}`);
      }
    }
    assert.ok(compared > 120 && findingsSeen > 1000, `${compared} rounds, ${findingsSeen} findings: the comparison would prove little`);
  });
});
