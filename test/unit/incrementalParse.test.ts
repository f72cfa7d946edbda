import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, ModelCache, ResolvedConfig, type LintOutput } from '../../server/src/engine';
import { textChange } from '../../server/src/lsp/incrementalTrees';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { envReadsOf } from '../../server/src/parsing/code/env/envRead';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { random } from '../helpers/random';

const SOURCES: Record<string, string> = {
  'server.ts': [
    "import express from 'express';",
    'const app = express();',
    "const port = process.env.PORT || 3000; // the listen port",
    "const { DATABASE_URL, LOG_LEVEL = 'info' } = process.env;",
    "const secret = 'keyboard-cat-1234';",
    '/* a block comment with process.env.NOT_READ */',
    "app.get('/', (_req, res) => res.send(`hello ${process.env.NAME ?? 'é😀'}`));",
    'app.listen(8080, () => console.log(port));',
    '',
  ].join('\n'),
  'app.py': ['import os', 'DEBUG = True', 'url = os.environ.get("DATABASE_URL", "sqlite://")', 'def main():', '    """docstring os.getenv("X")"""', '    app.run(port=5000)', ''].join('\n'),
  'main.go': ['package main', '', 'import "os"', '', 'func main() {', '\tport := os.Getenv("PORT")', '\tif port == "" {', '\t\tport = "8080"', '\t}', '\thttp.ListenAndServe(":"+port, nil)', '}', ''].join('\n'),
};

const SNIPPETS = ['process.env.', 'os.Getenv("A")', 'os.environ["B"]', '"', "'", '`', '//', '/*', '*/', '#', '\n', '\r\n', '{', '}', '(', ')', ' || 3000', ' ?? "x"', 'app.listen(', 'é😀', '    ', '\t', 'x', '=', ';', ''];

function summary(output: LintOutput) {
  const model = output.model as CodeModel;
  return { tree: model.tree.rootNode.toString(), reads: envReadsOf(model), findings: output.findings.map((f) => ({ id: f.ruleId, span: f.span, message: f.message })) };
}

const config = new ResolvedConfig();
const lintText = (name: string, text: string, version: number, cache?: ModelCache) =>
  lint({ file: new SourceFile(`/w/${name}`, text, version), config, relativePath: name, workspace: { readText: () => undefined }, cache });

describe('incremental parsing', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    it(`random edits through tree.edit give what a fresh parse gives (${name})`, () => randomEdits(name, source, false));
    it(`random edits sent as the full text give what a fresh parse gives (${name})`, () => randomEdits(name, source, true));
  }

  function randomEdits(name: string, source: string, fullText: boolean): void {
    {
      for (let seed = 1; seed <= 12; seed++) {
        const next = random(seed * 7919);
        const cache = new ModelCache();
        const document = TextDocument.create(`file:///w/${name}`, 'x', 1, source);
        let version = 1;
        lintText(name, document.getText(), version, cache);
        for (let round = 0; round < 15; round++) {
          // Several changes arrive between two lints, as typing outpaces the debounce.
          const changes = 1 + Math.floor(next() * 4);
          for (let c = 0; c < changes; c++) {
            const text = document.getText();
            const start = Math.floor(next() * (text.length + 1));
            const end = Math.min(text.length, start + Math.floor(next() * 8));
            const insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
            const ranged = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
            // A client without incremental sync sends the whole new text: the change is narrowed to the part that differs.
            const change = fullText ? { text: text.slice(0, start) + insert + text.slice(end) } : ranged;
            cache.edit(`/w/${name}`, textChange(document, change));
            TextDocument.update(document, [change], ++version);
          }
          const incremental = summary(lintText(name, document.getText(), version, cache));
          const fresh = summary(lintText(name, document.getText(), version));
          assert.deepEqual(incremental, fresh, `seed ${seed}, round ${round}: ${JSON.stringify(document.getText())}`);
        }
      }
    }
  }

  it('narrows a full-text change to the part that differs, never inside a \\r\\n or a surrogate pair', () => {
    const document = TextDocument.create('file:///w/a.ts', 'x', 1, 'const a = 1;\r\nconst b = "😀";\r\n');
    assert.deepEqual(textChange(document, { text: 'const a = 12;\r\nconst b = "😀";\r\n' }), {
      startIndex: 11, oldEndIndex: 11, newEndIndex: 12,
      startPosition: { line: 0, character: 11 }, oldEndPosition: { line: 0, character: 11 }, newEndPosition: { line: 0, character: 12 },
    });
    const emoji = textChange(document, { text: 'const a = 1;\r\nconst b = "😁";\r\n' });
    assert.deepEqual([emoji.startIndex, emoji.oldEndIndex, emoji.newEndIndex], [25, 27, 27], 'the whole surrogate pair is replaced');
    const lineBreak = textChange(document, { text: 'const a = 1;\nconst b = "😀";\r\n' });
    assert.deepEqual([lineBreak.startIndex, lineBreak.oldEndIndex, lineBreak.newEndIndex], [12, 14, 13], 'the whole \\r\\n is replaced');
    const same = textChange(document, { text: document.getText() });
    assert.deepEqual([same.startIndex, same.oldEndIndex, same.newEndIndex], [document.getText().length, document.getText().length, document.getText().length]);
  });

  it('reuses the old tree: a reparse after an edit returns a new tree built on it', () => {
    const cache = new ModelCache();
    const document = TextDocument.create('file:///w/a.ts', 'x', 1, SOURCES['server.ts']);
    const first = lintText('a.ts', document.getText(), 1, cache).model as CodeModel;
    const change = { range: { start: { line: 2, character: 33 }, end: { line: 2, character: 37 } }, text: '8080' };
    cache.edit('/w/a.ts', textChange(document, change));
    TextDocument.update(document, [change], 2);
    const second = lintText('a.ts', document.getText(), 2, cache).model as CodeModel;
    assert.notEqual(second.tree, first.tree);
    const changed = first.tree.getChangedRanges(second.tree);
    assert.ok(changed.every((r) => r.startPosition.row === 2), `only line 3 changed: ${JSON.stringify(changed)}`);
    assert.equal(envReadsOf(second).find((r) => r.name === 'PORT')?.default, '8080');
  });
});

describe('model cache over many files', () => {
  it('keeps one tree-sitter model at a time when told to, and parses a file again when asked again', () => {
    const cache = new ModelCache({ keepNativeModels: false });
    const parser = PARSERS.code!;
    const files = ['a.ts', 'b.py', 'c.go'].map((name, i) => new SourceFile(`/w/${name}`, Object.values(SOURCES)[i]));
    const first = cache.get(files[0], 'code', parser).model;
    assert.equal(cache.get(files[0], 'code', parser).model, first, 'the same version is served from the cache');
    for (const file of files.slice(1)) cache.get(file, 'code', parser);
    assert.equal(cache.size, 1, 'only the latest tree is kept');
    const again = cache.get(files[0], 'code', parser).model as CodeModel;
    assert.notEqual(again, first);
    assert.equal(again.tree.rootNode.hasError, false);
  });
});

describe('model cache over the versions of one file', () => {
  it('parses an edited file afresh after reparseAfresh (a save), and only when it was reparsed incrementally', () => {
    const cache = new ModelCache();
    const parser = PARSERS.code!;
    const parse = parser.parse;
    const previousTrees: unknown[] = [];
    parser.parse = (file, previous) => {
      previousTrees.push(previous);
      return parse(file, previous);
    };
    try {
      const document = TextDocument.create('file:///w/save.ts', 'x', 1, SOURCES['server.ts']);
      lintText('save.ts', document.getText(), 1, cache);
      assert.equal(cache.reparseAfresh('/w/save.ts'), false, 'a fresh parse has nothing to redo');
      const change = { range: { start: { line: 2, character: 33 }, end: { line: 2, character: 37 } }, text: '8080' };
      cache.edit('/w/save.ts', textChange(document, change));
      TextDocument.update(document, [change], 2);
      const edited = lintText('save.ts', document.getText(), 2, cache).model;
      assert.notEqual(previousTrees[1], undefined, 'the edit reparses on the old tree');
      assert.equal(cache.reparseAfresh('/w/save.ts'), true);
      const saved = lintText('save.ts', document.getText(), 2, cache).model as CodeModel;
      assert.equal(previousTrees.length, 3, 'the same version is parsed again');
      assert.equal(previousTrees[2], undefined, 'from scratch');
      assert.notEqual(saved, edited);
      assert.equal(lintText('save.ts', document.getText(), 2, cache).model, saved, 'then served from the cache again');
      assert.equal(cache.reparseAfresh('/w/save.ts'), false);
    } finally {
      parser.parse = parse;
    }
  });

  it('frees the tree of the version before the previous one, so an edited file holds at most two trees', () => {
    const cache = new ModelCache();
    const parser = PARSERS.code!;
    const freed: unknown[] = [];
    const dispose = parser.dispose!;
    parser.dispose = (model) => {
      freed.push(model);
      dispose(model);
    };
    try {
      const models = [1, 2, 3, 4].map((version) => cache.get(new SourceFile('/w/app.js', `const v = ${version};\n`, version), 'code', parser).model as CodeModel);
      assert.deepEqual(freed, [models[0], models[1]], 'each parse frees the model two versions back, never the latest two');
      assert.equal(models[2].tree.rootNode.hasError, false, 'the version before the latest is still readable');
      cache.delete('/w/app.js');
      assert.deepEqual(freed, [models[0], models[1], models[2]], 'closing the file frees the older one it kept');
    } finally {
      parser.dispose = dispose;
    }
  });
});
