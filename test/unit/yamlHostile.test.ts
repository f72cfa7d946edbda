import * as assert from 'node:assert/strict';
import { readTeamConfig } from '../../server/src/engine/config/configFiles';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseYamlFile } from '../../server/src/parsing/yaml/yamlDocuments';
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
