import * as assert from 'node:assert/strict';
import { grammarFor, type CodeModel } from '../../server/src/parsing/code/codeModel';
import { stringLiteral, isStringNode } from '../../server/src/parsing/code/strings';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import type { Node } from 'web-tree-sitter';

const parse = (name: string, text: string) => PARSERS.code!.parse(new SourceFile(`/w/${name}`, text)) as CodeModel;

/** Every string literal of a file, decoded (undefined for computed ones). */
function literals(model: CodeModel): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const walk = (n: Node) => {
    if (isStringNode(n)) out.push(stringLiteral(n)?.value);
    else for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(model.tree.rootNode);
  return out;
}

describe('code parsing (tree-sitter)', () => {
  it('picks the grammar by language and extension', () => {
    assert.equal(grammarFor('typescript', '/a/b.tsx'), 'tsx');
    assert.equal(grammarFor('typescript', '/a/b.mts'), 'typescript');
    assert.equal(grammarFor('javascript', '/a/b.jsx'), 'javascript');
    const tsx = parse('App.tsx', 'export const App = () => <div className="x">{process.env.NAME}</div>;\n');
    assert.equal(tsx.grammar, 'tsx');
    assert.equal(tsx.tree.rootNode.hasError, false);
    const ts = parse('a.ts', 'const n = <number>value;\n');
    assert.equal(ts.grammar, 'typescript');
    assert.equal(ts.tree.rootNode.hasError, false, 'a type assertion is not JSX in a .ts file');
  });

  it('parses each language without errors', () => {
    const samples: [string, string][] = [
      ['a.js', 'const app = require("express")();\napp.listen(3000);\n'],
      ['a.py', 'import os\nport = int(os.environ.get("PORT", "5000"))\n'],
      ['A.java', 'class A { String url = System.getenv("DATABASE_URL"); }\n'],
      ['main.go', 'package main\nimport "os"\nfunc main() { _ = os.Getenv("PORT") }\n'],
    ];
    for (const [name, text] of samples) {
      const model = parse(name, text);
      assert.equal(model.tree.rootNode.hasError, false, name);
      assert.equal(model.tree.rootNode.endIndex, text.length, `${name}: indices are UTF-16 offsets`);
    }
  });

  it('decodes constant string literals and leaves computed ones undefined', () => {
    assert.deepEqual(literals(parse('a.ts', 'const a = "x\\ty"; const b = `t`; const c = `t${a}`; const d = \'it\\\'s\'; // "not a string"\n')), ['x\ty', 't', undefined, "it's"]);
    assert.deepEqual(literals(parse('a.py', 'a = "x\\ny"\nb = r"\\d+"\nc = f"{a}!"\nd = f"plain"\n# "comment"\n')), ['x\ny', '\\d+', undefined, 'plain']);
    assert.deepEqual(literals(parse('A.java', 'class A { String a = "q\\"uote"; String b = ""; /* "c" */ }\n')), ['q"uote', '']);
    assert.deepEqual(literals(parse('m.go', 'package m\nvar a = "x\\u00e9"\nvar b = `raw\\n`\n// "c"\n')), ['xé', 'raw\\n']);
  });

  it('gives literal content spans inside the quotes, with non-ASCII text before them', () => {
    const text = 'const é = "😀"; const s = "abc";\n';
    const model = parse('a.js', text);
    const node = model.tree.rootNode.descendantsOfType('string').filter((n): n is Node => n !== null)[1];
    const literal = stringLiteral(node)!;
    assert.equal(text.slice(literal.contentSpan.start, literal.contentSpan.end), 'abc');
  });

  it('finds the start of the statement around an offset, and the header after a shebang', () => {
    const text = '#!/usr/bin/env node\nconst pool = new Pool({\n  connectionString: "x",\n});\n';
    const model = parse('a.js', text);
    assert.equal(PARSERS.code!.statementStart!(model, text.indexOf('"x"')), text.indexOf('const'));
    assert.equal(PARSERS.code!.headerEnd!(model), text.indexOf('const'));
  });

  it('survives a file being typed: a syntax error still gives a model', () => {
    const model = parse('a.ts', 'app.listen(3000\nconst x = ');
    assert.equal(model.tree.rootNode.hasError, true);
  });
});
