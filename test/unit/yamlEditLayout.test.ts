import * as assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/engine/fixes';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseYamlFile } from '../../server/src/parsing/yaml/yamlDocuments';
import { insertPairs, removePair } from '../../server/src/parsing/yaml/yamlEdits';
import { get, pairOf, type YMap } from '../../server/src/parsing/yaml/yamlNodes';

function root(text: string): YMap {
  return parseYamlFile(new SourceFile('/spans.yaml', text)).documents[0].root as YMap;
}

const apply = (text: string, edit: ReturnType<typeof removePair>) => applyFixes(text, [{ title: '', edits: [edit] }]);

describe('YAML node spans and the edits built on them', () => {
  const text = 'app:\n  environment:\n    A: b\n  script: |\n    echo hi\n  image: x\nnext:\n  - one\n  - two\n\nlast: 1\n';

  it('end at the block’s last character, not after its line break', () => {
    const app = get(root(text), 'app') as YMap;
    assert.equal(text.slice(app.span.start, app.span.end), 'environment:\n    A: b\n  script: |\n    echo hi\n  image: x');
    const list = get(root(text), 'next')!;
    assert.equal(text.slice(list.span.start, list.span.end), '- one\n  - two');
    const script = get(app, 'script')!;
    assert.equal(text.slice(script.span.start, script.span.end), '|\n    echo hi');
  });

  it('let removePair remove a pair with a block value and nothing after it', () => {
    const app = get(root(text), 'app') as YMap;
    assert.equal(apply(text, removePair(text, app, pairOf(app, 'environment')!)), 'app:\n  script: |\n    echo hi\n  image: x\nnext:\n  - one\n  - two\n\nlast: 1\n');
    assert.equal(apply(text, removePair(text, app, pairOf(app, 'script')!)), 'app:\n  environment:\n    A: b\n  image: x\nnext:\n  - one\n  - two\n\nlast: 1\n');
  });

  it('let insertPairs add after a map that ends with a block value, before the next key', () => {
    const source = 'apps:\n- name: web\n  env:\n    A: b\n- name: worker\n';
    const app = (get(root(source), 'apps') as { items: YMap[] }).items[0];
    assert.equal(apply(source, insertPairs(source, app, [['instances', 2]], '\n')), 'apps:\n- name: web\n  env:\n    A: b\n  instances: 2\n- name: worker\n');
  });

  it('let insertPairs add to a flow map with one space before its brace', () => {
    for (const [source, expected] of [
      ['m: { a: 1 }\n', 'm: { a: 1, b: 2 }\n'],
      ['m: {a: 1}\n', 'm: {a: 1, b: 2 }\n'],
      ['m: {}\n', 'm: { b: 2 }\n'],
    ]) {
      const map = get(root(source), 'm') as YMap;
      assert.equal(apply(source, insertPairs(source, map, [['b', 2]], '\n')), expected);
    }
  });
});
