import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/engine/registry';
import { observeAnchoredSearches, type CodeModel } from '../../server/src/parsing/code/codeModel';
import { parseCode } from '../../server/src/parsing/code/parseCode';
import { mayMatchAt, precheckOf } from '../../server/src/parsing/code/queryPrecheck';
import { queryOf } from '../../server/src/parsing/code/treeSitter';
import { anchorHits } from '../../server/src/parsing/code/wordHits';
import { detectKind } from '../../server/src/parsing/fileKind';
import { SourceFile } from '../../server/src/parsing/sourceFile';

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
  const hit = anchorHits(model, word)[0];
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
      for (const hit of anchorHits(model, anchor)) {
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
});
