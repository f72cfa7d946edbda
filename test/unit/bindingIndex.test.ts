import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { bindingIndex, bindingOf, type BoundValue } from '../../server/src/parsing/code/bindings';
import { valuesBoundTo } from '../../server/src/parsing/code/boundLiterals';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const parse = (name: string, text: string) => PARSERS.code!.parse(new SourceFile(`/w/${name}`, text)) as CodeModel;

/** The search before the index: every hit asks {@link bindingOf} for every value of the nodes up to 5 levels above it. */
function valuesBoundToPerHit(model: CodeModel, anchor: RegExp): BoundValue[] {
  const out: BoundValue[] = [];
  const seen = new Set<number>();
  for (const hit of model.file.text.matchAll(anchor)) {
    const nameNode = model.tree.rootNode.descendantForIndex(hit.index, hit.index + hit[0].length);
    if (!nameNode || nameNode.type === 'comment') continue;
    let owner: Node | null = nameNode;
    for (let depth = 0; owner && depth < 5; depth++, owner = owner.parent) {
      const candidates: Node[] = [];
      for (const field of ['value', 'right', 'arguments']) {
        const child = owner.childForFieldName(field);
        if (!child) continue;
        if (['expression_list', 'argument_list', 'arguments', 'literal_element'].includes(child.type)) candidates.push(...(child.namedChildren as Node[]));
        else candidates.push(child);
      }
      for (const candidate of candidates) {
        if (seen.has(candidate.id)) continue;
        const binding = bindingOf(candidate);
        if (binding && binding.nameSpan.start <= hit.index && hit.index < binding.nameSpan.end) {
          seen.add(candidate.id);
          out.push({ value: candidate, binding });
        }
      }
    }
  }
  return out.sort((a, b) => a.value.startIndex - b.value.startIndex);
}

const ANCHOR = /pass(?:word|wd)?|secret|token|api_?key|debug/gi;
const manyArguments = Array.from({ length: 60 }, (_, i) => `password${i}`).join(', ');

/** [file, text, the names bound to values matching ANCHOR, in source order]. */
const CASES: [string, string, string[]][] = [
  ['a.js', 'const password = "pw"; let apiKey; apiKey = "k"; const o = { secret: "s", token: `t` };\n', ['password', 'apiKey', 'secret', 'token']],
  ['a.ts', 'class C { apiKey = "k"; private password: string = "p"; }\nthis.token = "t";\napp.config["SECRET_KEY"] = "s";\n', ['apiKey', 'password', 'token', 'SECRET_KEY']],
  ['a.js', 'props.put("password", "pw");\nprops.set(/* the key */ "token", "t");\nbuilder.password("pw");\nf(password, "x");\n', ['password', 'token']],
  ['a.js', `configure(${manyArguments});\nconst debug = true;\n`, ['debug']],
  ['A.java', `class A { void f() { configure(${manyArguments}); b.password(secretValue); debug = true; } }\n`, ['password', 'debug']],
  ['a.py', 'password = "pw"\nDEBUG = True\nconnect(host="db", password="pw", token=t)\nd = {"secret": "s", "api_key": k}\napp.config["SECRET_KEY"] = "s"\napp.secret_key = "s"\n', ['password', 'DEBUG', 'password', 'token', 'secret', 'api_key', 'SECRET_KEY', 'secret_key']],
  ['A.java', 'class A {\n  String password = "pw";\n  void f() { props.setProperty("token", "t"); b.apiKey("k"); debug = true; }\n}\n', ['password', 'token', 'apiKey', 'debug']],
  ['main.go', 'package main\nconst Password = "pw"\nvar apiKey, debug = "k", true\nfunc f() {\n  token, other := "t", "o"\n  cfg.Secret = "s"\n  c := Config{Password: "pw", Token: t}\n  _ = c\n}\n', ['Password', 'apiKey', 'debug', 'token', 'Secret', 'Password', 'Token']],
  ['a.js', '// const password = "pw";\nconst s = "password";\nconst { password } = opts;\n', []],
];

describe('binding index', () => {
  for (const [name, text, expected] of CASES) {
    it(`binds as the per-value search does: ${text.split('\n')[0].slice(0, 60)}`, () => {
      const model = parse(name, text);
      const index = bindingIndex(model.tree);
      const walk = (node: Node) => {
        assert.deepEqual(index.bindingOf(node), bindingOf(node), `${node.type} at ${node.startIndex}`);
        for (const child of node.namedChildren) if (child) walk(child);
      };
      walk(model.tree.rootNode);
      const found = valuesBoundTo(model, ANCHOR);
      const simplify = (values: BoundValue[]) => values.map(({ value, binding }) => ({ value: value.id, ...binding }));
      assert.deepEqual(simplify(found), simplify(valuesBoundToPerHit(model, ANCHOR)));
      assert.deepEqual(found.map((v) => v.binding.name), expected);
    });
  }

  it('is kept per tree: every rule on one parse shares it', () => {
    const model = parse('a.js', 'const password = "pw";\n');
    assert.equal(bindingIndex(model.tree), bindingIndex(model.tree));
    assert.notEqual(bindingIndex(model.tree), bindingIndex(parse('a.js', 'const password = "pw";\n').tree));
  });
});
