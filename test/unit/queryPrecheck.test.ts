import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/engine/registry';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../../server/src/engine';
import { textChange } from '../../server/src/lsp/incrementalTrees';
import { anchoredMatches, CHECKS_WHILE_TYPING, hitsThatMayMatch, observeAnchoredSearches, type CodeModel } from '../../server/src/parsing/code/codeModel';
import { parseCode } from '../../server/src/parsing/code/parseCode';
import { isReparsed, markReparsed } from '../../server/src/parsing/code/statementReuse';
import { mayMatchAt, precheckOf } from '../../server/src/parsing/code/queryPrecheck';
import { isQueryCompiled, queryOf } from '../../server/src/parsing/code/treeSitter';
import { textHits } from '../../server/src/parsing/code/textHits';
import { detectKind } from '../../server/src/parsing/fileKind';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { random } from '../helpers/random';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = process.env.TWELVE_FACTOR_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const everyRuleOn = new ResolvedConfig(undefined, new Map(allRules().map((r) => [r.id, { severity: 'info' as const }])));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === '.git' ? [] : walk(full);
    return d.isFile() ? [full] : [];
  });
}

function codeModel(filePath: string, text: string): CodeModel {
  const kind = detectKind(filePath, text);
  assert.equal(kind?.kind, 'code');
  return parseCode(new SourceFile(filePath, text));
}

/** Whether the real query, restricted to the hit as anchoredMatches runs it, matches there. */
function queryMatchesAt(model: CodeModel, source: string, hit: { index: number; end: number }): boolean {
  return queryOf(model.grammar, source).matches(model.tree.rootNode, { startIndex: hit.index, endIndex: hit.end }).length > 0;
}

function says(filePath: string, text: string, source: string, word: RegExp): { query: boolean; precheck: boolean } {
  const model = codeModel(filePath, text);
  const hit = textHits(model, word)[0];
  const check = precheckOf(source);
  assert.ok(check, `the pre-check reads ${source}`);
  return { query: queryMatchesAt(model, source, hit), precheck: mayMatchAt(check, model.tree.rootNode, hit, new Map()) };
}

describe('query pre-check (no compiled query where none can match)', () => {
  const LISTEN = '(call_expression function: (member_expression property: (property_identifier) @m (#eq? @m "listen")) @call arguments: (arguments . [(number) (identifier)] @port))';
  const cases: { name: string; file: string; text: string; source: string; word: RegExp; query: boolean; precheck: boolean }[] = [
    { name: 'a matching call', file: 'a.ts', text: 'app.listen(3000);\n', source: LISTEN, word: /\blisten\b/g, query: true, precheck: true },
    { name: 'the name in a string', file: 'a.ts', text: 'log("listen on 3000");\n', source: LISTEN, word: /\blisten\b/g, query: false, precheck: false },
    { name: 'the name in a comment', file: 'a.ts', text: '// app.listen(3000)\nfoo();\n', source: LISTEN, word: /\blisten\b/g, query: false, precheck: false },
    { name: 'a leading anchor: the port is not the first argument', file: 'a.ts', text: 'app.listen("x", 3000);\n', source: LISTEN, word: /\blisten\b/g, query: false, precheck: false },
    { name: '#eq? on the property', file: 'a.ts', text: 'app.listens(3000);\n', source: LISTEN, word: /\blistens\b/g, query: false, precheck: false },
    // The pre-check ignores fields and order: it may say yes where the query does not (never the reverse).
    { name: 'anchors between children are not checked', file: 'a.ts', text: 'listen("a", x, 1);\n', source: '(arguments (string) . (number))', word: /\bx\b/g, query: false, precheck: true },
    { name: '#match? with tree-sitter string escapes', file: 'a.py', text: 'x = AutoConfig()\n', source: '(assignment left: (identifier) @reader right: (call function: [(identifier) (attribute)] @make) (#match? @make "(^|\\\\.)(AutoConfig|Config)$"))', word: /\bAutoConfig\b/g, query: true, precheck: true },
    { name: 'a predicate belongs to its own pattern', file: 'a.ts', text: 'new x.MemoryStore();\n', source: '(call_expression function: (identifier) @p) (new_expression constructor: (member_expression property: (property_identifier) @p (#eq? @p "MemoryStore"))) @memory', word: /\bMemoryStore\b/g, query: true, precheck: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(says(c.file, c.text, c.source, c.word), { query: c.query, precheck: c.precheck });
    });
  }

  it('leaves queries with syntax it does not read to the compiled query', () => {
    for (const source of ['(call_expression (arguments (_)*))', '(call_expression !arguments)', '(binary_expression "+" @op)', '((identifier) @a (#eq? @a "x"))', '(ERROR)', '(_ (identifier))']) {
      assert.equal(precheckOf(source), undefined, source);
    }
  });

  // The guard: over the corpus's code files (five languages) and this repository's sources, every
  // anchored search the rules make, at every hit where the compiled query matches, the pre-check says yes.
  it('says yes wherever a query matches, for every query the rules use, over the corpus and the code parsing sources', function () {
    this.timeout(0);
    const files = [...(fs.existsSync(CORPUS) ? walk(CORPUS) : []), ...walk(path.join(ROOT, 'server/src/parsing/code'))].filter((f) => /\.(ts|tsx|js|jsx|mjs|cjs|py|go|java)$/.test(f));
    const sources = new Set<string>();
    const grammars = new Set<string>();
    let checked = 0;
    let declined = 0;
    const failures: string[] = [];
    observeAnchoredSearches((model, anchor, source) => {
      sources.add(source);
      grammars.add(model.grammar);
      const check = precheckOf(source);
      if (!check) return failures.includes(`not read: ${source}`) || failures.push(`not read: ${source}`);
      const memo = new Map();
      for (const hit of textHits(model, anchor)) {
        checked++;
        const may = mayMatchAt(check, model.tree.rootNode, hit, memo);
        if (!may) declined++;
        if (!may && queryMatchesAt(model, source, hit)) failures.push(`${model.file.path}@${hit.index}: ${source.trim().slice(0, 120)}`);
      }
    });
    try {
      for (const filePath of files) {
        const text = fs.readFileSync(filePath, 'utf8');
        const kind = detectKind(filePath, text);
        if (kind?.kind !== 'code') continue;
        lint({ file: new SourceFile(filePath, text), kind, config: everyRuleOn, relativePath: path.relative(ROOT, filePath), workspace: { readText: () => undefined }, budgetMs: Infinity });
      }
    } finally {
      observeAnchoredSearches(undefined);
    }
    assert.deepEqual(failures, []);
    assert.ok(sources.size >= 20 && checked > 1000 && declined > 0, `${sources.size} queries, ${checked} hits, ${declined} declined`);
    if (fs.existsSync(CORPUS)) assert.deepEqual([...grammars].sort(), ['go', 'java', 'javascript', 'python', 'typescript']);
  });

  // While typing, the verdicts of unchanged statements come from the previous parse: after each of
  // many random edits, they are the verdicts of a fresh check of every hit of the new tree.
  it('reuses per statement, while typing, the verdicts a fresh check gives', function () {
    this.timeout(0);
    const sources: Record<string, string> = {
      'server.ts': ['express-api/src/config.ts', 'express-api/src/db.ts', 'express-api/src/server.ts', 'express-api/src/logger.ts'].map((f) => fs.readFileSync(path.join(ROOT, 'test/fixtures/code', f), 'utf8')).join('\n'),
      'app.py': ['flask-app/settings.py', 'flask-app/db.py', 'flask-app/app.py'].map((f) => fs.readFileSync(path.join(ROOT, 'test/fixtures/code', f), 'utf8')).join('\n'),
    };
    const snippets = ['\napp.listen(8080);\n', 'process.env.PORT', 'os.environ.get("PORT", "80")', ' || "dev"', 'listen', 'process', 'env', '{', '}', '(', ')', ';', '\n', '"', '//', '#', 'x', ''];
    let compared = 0;
    let yes = 0;
    let no = 0;
    const failures: string[] = [];
    observeAnchoredSearches((model, anchor, source) => {
      if (!isReparsed(model) || !precheckOf(source)) return;
      const hits = textHits(model, anchor);
      if (hits.length === 0) return;
      const memo = new Map();
      const fresh = hits.filter((hit) => mayMatchAt(precheckOf(source)!, model.tree.rootNode, hit, memo)).map((hit) => hit.index);
      const reused = hitsThatMayMatch(model, anchor, hits, source);
      compared++;
      if (fresh.length > 0) yes++;
      else no++;
      if (JSON.stringify(reused) !== JSON.stringify(fresh)) failures.push(`${model.file.path} v${model.file.version}: ${source.trim().slice(0, 80)}: ${reused} vs ${fresh}`);
    });
    try {
      for (const [name, source] of Object.entries(sources)) {
        for (const seed of [1, 2, 3]) {
          const next = random(seed * 7919);
          const cache = new ModelCache();
          const document = TextDocument.create(`file:///w/${name}`, 'x', 1, source);
          let version = 1;
          const lintNow = () => lint({ file: new SourceFile(`/w/${name}`, document.getText(), version), config: everyRuleOn, relativePath: name, workspace: { readText: () => undefined }, cache });
          lintNow();
          for (let round = 0; round < 20; round++) {
            const text = document.getText();
            const start = Math.floor(next() * (text.length + 1));
            const end = next() < 0.3 ? Math.min(text.length, start + Math.floor(next() * 30)) : start;
            const ranged = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: snippets[Math.floor(next() * snippets.length)] };
            cache.edit(`/w/${name}`, textChange(document, ranged));
            TextDocument.update(document, [ranged], ++version);
            lintNow();
          }
        }
      }
    } finally {
      observeAnchoredSearches(undefined);
    }
    assert.deepEqual(failures, []);
    assert.ok(compared > 500 && yes > 0 && no > 0, `${compared} searches compared (${yes} may match, ${no} cannot)`);
  });

  it('compiles a query that keeps being checked while typing, once the checks have cost about a compilation', () => {
    // A query no rule uses, and a long statement with many hits where it cannot match.
    const source = '(variable_declarator name: (identifier) @name value: (regex) @value)';
    const text = `function f() {\n${'  zz(1);\n'.repeat(CHECKS_WHILE_TYPING + 1)}}\n`;
    const model = () => codeModel('a.ts', text);
    // A file parsed once is checked as often as it is linted: its checks are not counted.
    for (let i = 0; i < 3; i++) assert.deepEqual(anchoredMatches(model(), /\bzz\b/g, source), []);
    assert.equal(isQueryCompiled('typescript', source), false);
    const typed = model();
    markReparsed(typed);
    assert.deepEqual(anchoredMatches(typed, /\bzz\b/g, source), []);
    assert.equal(isQueryCompiled('typescript', source), false, 'checked while typing: not compiled yet');
    const again = model();
    markReparsed(again);
    assert.deepEqual(anchoredMatches(again, /\bzz\b/g, source), []);
    assert.equal(isQueryCompiled('typescript', source), true, 'over the budget: compiled');
  });
});
