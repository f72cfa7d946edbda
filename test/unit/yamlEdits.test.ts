import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseYamlFile } from '../../server/src/parsing/yaml/yamlDocuments';
import { insertPairs, removePair, replacePair, replaceScalar, yamlScalar } from '../../server/src/parsing/yaml/yamlEdits';
import { get, getPath, pairOf, type YMap, type YScalar } from '../../server/src/parsing/yaml/yamlNodes';

let counter = 0;
const rootOf = (text: string) => parseYamlFile(new SourceFile(`/w/edit-${counter++}.yaml`, text)).documents[0].root;
/** The edited text must parse as YAML without errors and read back as expected. */
function valid(text: string): unknown {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors.map((e) => e.message), [], `not valid YAML:\n${text}`);
  return doc.toJS();
}

describe('YAML edits', () => {
  it('renders scalars that read back as the same string', () => {
    for (const value of ['plain', 'yes', '123', '0x1F', 'a: b', 'x #y', '- item', '${VAR}', '((var))', '', ' lead', 'tab\there', '@at', 'null', '1e3', 'it\'s']) {
      assert.equal(parseDocument(`k: ${yamlScalar(value)}`).toJS().k, value, `round trip of ${JSON.stringify(value)}`);
    }
    assert.equal(yamlScalar('${DB_PASSWORD}'), '${DB_PASSWORD}');
  });

  it('replaces a scalar and keeps its quote style', () => {
    const text = 'a: "x"\nb: \'y\'\nc: z\n';
    const root = rootOf(text);
    const edits = ['a', 'b', 'c'].map((k) => replaceScalar(get(root, k) as YScalar, "it's ${V}"));
    const out = applyEdits(text, edits);
    assert.equal(out, 'a: "it\'s ${V}"\nb: \'it\'\'s ${V}\'\nc: it\'s ${V}\n');
    assert.deepEqual(valid(out), { a: "it's ${V}", b: "it's ${V}", c: "it's ${V}" });
  });

  it('replaces a block pair with a nested block at its indentation', () => {
    const text = 'env:\n  - name: DB_PASSWORD\n    value: hunter22\n  - name: B\n';
    const item = (getPath(rootOf(text), 'env') as { items: YMap[] }).items[0];
    const out = applyEdits(text, [replacePair(text, pairOf(item, 'value')!, 'valueFrom', { secretKeyRef: { name: 'app', key: 'DB_PASSWORD' } }, '\n')]);
    assert.equal(out, 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app\n        key: DB_PASSWORD\n  - name: B\n');
    valid(out);
  });

  it('replaces a flow pair with a flow value', () => {
    const text = 'env: [{ name: A, value: x }]\n';
    const item = (getPath(rootOf(text), 'env') as { items: YMap[] }).items[0];
    const out = applyEdits(text, [replacePair(text, pairOf(item, 'value')!, 'valueFrom', { secretKeyRef: { name: 'app', key: 'A' } }, '\n')]);
    assert.equal(out, 'env: [{ name: A, valueFrom: { secretKeyRef: { name: app, key: A } } }]\n');
    valid(out);
  });

  it('inserts pairs at the end of a block map, at its key column, after nested values', () => {
    const text = 'containers:\n  - name: web\n    ports:\n      - containerPort: 80\n    # trailing comment\nother: 1\n';
    const container = (getPath(rootOf(text), 'containers') as { items: YMap[] }).items[0];
    const out = applyEdits(text, [insertPairs(text, container, [['readinessProbe', { tcpSocket: { port: 80 } }]], '\n')]);
    assert.equal(out, 'containers:\n  - name: web\n    ports:\n      - containerPort: 80\n    readinessProbe:\n      tcpSocket:\n        port: 80\n    # trailing comment\nother: 1\n');
    valid(out);
  });

  it('inserts pairs into a flow map, also an empty one', () => {
    for (const [text, expected] of [
      ['app: { name: web }\n', 'app: { name: web, health-check-type: http }\n'],
      ['app: {}\n', 'app: { health-check-type: http }\n'],
    ]) {
      const out = applyEdits(text, [insertPairs(text, get(rootOf(text), 'app') as YMap, [['health-check-type', 'http']], '\n')]);
      assert.equal(out, expected);
      valid(out);
    }
  });

  it('removes a block pair with its lines, nested value included', () => {
    const text = 'web:\n  container_name: web\n  build:\n    context: .\n  image: x:1\n';
    const web = get(rootOf(text), 'web') as YMap;
    assert.equal(applyEdits(text, [removePair(text, web, pairOf(web, 'container_name')!)]), 'web:\n  build:\n    context: .\n  image: x:1\n');
    assert.equal(applyEdits(text, [removePair(text, web, pairOf(web, 'build')!)]), 'web:\n  container_name: web\n  image: x:1\n');
  });

  it('removes a flow pair with one comma', () => {
    for (const [key, expected] of [
      ['a', 'm: { b: 2, c: 3 }\n'],
      ['b', 'm: { a: 1, c: 3 }\n'],
      ['c', 'm: { a: 1, b: 2 }\n'],
    ]) {
      const text = 'm: { a: 1, b: 2, c: 3 }\n';
      const m = get(rootOf(text), 'm') as YMap;
      const out = applyEdits(text, [removePair(text, m, pairOf(m, key)!)]);
      assert.equal(out, expected);
      valid(out);
    }
  });
});
