import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isSeq, parseAllDocuments, type Document } from 'yaml';
import { readSettingsJson, readTeamConfig } from '../../server/src/engine/config/configFiles';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseYamlFile } from '../../server/src/parsing/yaml/yamlDocuments';
import { yamlNestingOverflow } from '../../server/src/parsing/yaml/yamlDepth';
import { maskTemplates } from '../../server/src/parsing/yaml/yamlTemplates';

let counter = 0;
const parse = (text: string) => parseYamlFile(new SourceFile(`/w/hostile-${counter++}.yaml`, text));

// Sizes are chosen so that a quadratic step makes the test run into mocha's timeout (`yaml`'s own
// duplicate-key check took 36 s on 40,000 keys); linear, each case parses in well under a second.
describe('YAML layer on hostile input', () => {
  it('checks the keys of a 60,000-key map for duplicates in linear time, and still finds the one repeated key', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `  key${i}: value${i}\n`).join('');
    const text = `data:\n${keys}  key7: again\n`;
    const [doc] = parse(text).documents;
    assert.equal(doc.error?.message, 'YAML syntax error in document 1: Map keys must be unique');
    assert.equal(doc.error?.span.start, text.lastIndexOf('key7: again'));
    assert.equal(doc.error?.analysed, true, 'a repeated key leaves the document analysed');
    assert.ok(doc.root);
  });

  it('reads a .twelve-factor.yaml with 40,000 rule keys in linear time, and reports a repeated key', () => {
    const rules = Array.from({ length: 40_000 }, (_, i) => `  fake/rule-${i}: off\n`).join('');
    const { problems } = readTeamConfig(`rules:\n${rules}  fake/rule-1: error\n`);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not valid YAML \(Map keys must be unique\)/);
  });
});

describe('Helm template masking on hostile input', () => {
  it('masks 300,000 unbalanced {{ in linear time (the lazy regex took 16 s for 128,000)', () => {
    const text = `metadata:\n  name: "${'{{ '.repeat(300_000)}"\n`;
    const masked = maskTemplates(text);
    assert.equal(masked.text, text, 'no directive is closed, so nothing is masked');
    assert.deepEqual(masked.spans, []);
  });

  it('masks 100,000 directives on one line in linear time, each as a value', () => {
    const line = `  name: ${'{{ .x }}'.repeat(100_000)}\n`;
    const masked = maskTemplates(`metadata:\n${line}{{ end }}\n`);
    assert.equal(masked.spans.length, 100_001);
    assert.equal(masked.text, `metadata:\n  name: ${'_'.repeat(8 * 100_000)}\n         \n`);
    assert.ok(parse(`metadata:\n${line}`).documents[0].templated);
  });
});

describe('nesting depth is a parser limit', () => {
  const deepBlock = (n: number) => `services:\n app:\n  labels:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 3)}k${i}:\n`).join('')}${' '.repeat(n + 3)}v: 1\n`;

  it('refuses a document nested deeper than the limit, at the first line too deep, without parsing it', () => {
    const text = deepBlock(1900);
    const [doc] = parse(text).documents;
    assert.match(doc.error?.message ?? '', /nested deeper than 200 levels/);
    assert.equal(text.slice(0, doc.error!.span.start).split('\n').length - 1, 200);
    assert.equal(doc.root, undefined);
  });

  it('refuses deep flow collections in linear time (the yaml CST parser is quadratic in their depth)', () => {
    const [doc] = parse(`a: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`).documents;
    assert.match(doc.error?.message ?? '', /nested deeper than 200 levels/);
  });

  it('accepts what is just under the limit, and counts sequences beside their key, compact items and flow levels', () => {
    assert.equal(yamlNestingOverflow(deepBlock(190)), undefined);
    assert.ok(parse(deepBlock(190)).documents[0].root);
    // Map, map, sequence at its key's column, map; map, flow seq, flow map, flow seq; three sequences
    // and the scalar (a scalar after an indicator counts as a level: one too many is safe); map, sequence, block scalar skipped.
    const shapes = ['spec:\n  ports:\n  - name: a\n    port: 1\n', 'a: [{b: [1]}]\n', '- - - x\n', 'a:\n  - |\n    text\n     more\n  - b: 1\n'];
    assert.deepEqual(shapes.map((t) => depthOf(t)), [4, 4, 4, 3]);
  });

  it('never counts fewer levels than the parser finds, on every YAML fixture and example', () => {
    for (const file of yamlFiles(path.resolve(__dirname, '../fixtures')).concat(yamlFiles(path.resolve(__dirname, '../../examples')))) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('{{')) continue;
      assert.ok(depthOf(text) >= parsedDepth(text), file);
    }
  });

  it('applies to settings.json as well', () => {
    const { problems } = readSettingsJson(`{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assert.match(problems[0].message, /nested deeper than 200 levels/);
  });
});

/** The smallest limit the text stays within. */
function depthOf(text: string): number {
  let depth = 0;
  while (yamlNestingOverflow(text, depth)) depth++;
  return depth;
}

function parsedDepth(text: string): number {
  let max = 0;
  const walk = (node: unknown, depth: number): void => {
    if (isMap(node) || isSeq(node)) {
      max = Math.max(max, depth + 1);
      for (const item of node.items as unknown[]) {
        if (isPair(item)) walk(item.key, depth + 1), walk(item.value, depth + 1);
        else walk(item, depth + 1);
      }
    }
  };
  for (const doc of parseAllDocuments(text) as Document[]) walk(doc.contents, 0);
  return max;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('YAML errors stay inside the document', () => {
  // Found by the fuzz tests: yaml marks an error at the very end one character past the text.
  it('an unterminated quote at the end of a file', () => {
    const text = '"# unterminated\nspring:\n  a: 1\n';
    const [doc] = parse(text).documents;
    assert.ok(doc.error && doc.error.span.end <= text.length, JSON.stringify(doc.error?.span));
  });
});
