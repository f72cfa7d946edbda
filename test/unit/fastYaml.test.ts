import * as assert from 'node:assert/strict';
import { MAX_BLOCK_DEPTH, parseFastYaml } from '../../server/src/parsing/yaml/fastYaml';
import { compareChunk, compareFile } from '../helpers/yamlEquivalence';
import { YamlGenerator } from '../helpers/yamlGenerator';
import { kubernetesFile } from '../bench/inputs';

/** Chunks the fast path reads: each must give yaml's very tree. */
const accepted = [
  'a: 1\nb: two\n',
  'a:\nb: 1\n',
  'a: # c\nb: 1',
  'a:   \n\nb: x\n',
  '- \n- a\n-\n',
  'a:\n  -   # x\n  - b\n',
  'a: |\n  x\n\n# c\nb: 1',
  'a: |\n',
  'a: |\nb: 2',
  'a: >-\n  x\n  y\n\n  z\nb: c',
  'a: |\n  x\n    \n  y\n',
  'a: |\n  \n  x\n',
  'a: | # c\nb: 1',
  'a: |\n  x',
  '---\na: 1 # x\n  # y\n\n',
  '--- # doc\n# c\nkind: Pod\n',
  'a:\r\n  - x\r\nb: \r\nc: x \r\n',
  'a: |\r\n  x \r\n\r\n  y\r\nb: 1\r\n',
  'a: {b: 1 , c: [x, "y"] }  \n',
  'a: [ ]\nb: {}\n',
  'ports:\n- name: http\n  port: 80\n- name: https\n  port: 443\nnext: 1\n',
  'spec:\n  containers:\n    -   name: app\n        image: x\n',
  'k: "esc \\n \\t \\" \\\\ \\x41 \\u00e9 \\U0001F600 \\/"\n',
  "k: 'it''s'\n",
  'n: [8080, -3, +7, 0o17, 0x1F, 017, 1.0, .5, 1e3, .inf, -.Inf, .nan, true, False, yes, null, ~, "5"]\n',
  '80: http\ntrue: yes\nnull: x\n1.0: y\n',
  '"quoted key": 1\n\'single\' : 2\n',
  'url: http://host:8080/path\nhash: a#b\nflag: --x=1\n',
  '  a: 1\n  b: 2\n',
  'env:\n  - name: A\n    valueFrom:\n      secretKeyRef: { name: s, key: k }\n',
  'args: [\n  "a",\n  "b"\n]\n',
  'm:\n  args: [\n    "a", # c\n    # d\n\n    b\n  ]  # e\n',
  'k: [\n a, # c\n b # d\n , c\n]\n',
  'k: [a, b,]\nm: {a: 1, }\n',
  'k: {\n  a: 1,\n  b: [x,\n   y]\n  }\n',
  'k: [\r\n  a,\r\n  b\r\n  ]\r\n',
  '- [\n a]\n- k: [\n     a,\n  ]\n',
  't: [frontend:80, http://x:80/y, a:b:c]\n',
];

/** Chunks the fast path leaves to yaml. */
const declined = [
  'a: &x 1\nb: *x\n',
  'a: !!str 5\n',
  'base: {}\n<<: {a: 1}\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n...\n',
  '? a\n: b\n',
  'a:\n\tb: 1\n',
  'a: multi\n  line plain\n',
  'a: "multi\n  line"\n',
  'a: [b\n  c]\n',
  'm:\n  args: [\n  "a"\n  ]\n',
  '- k: [\n  a]\n',
  'a: {b:\n  1}\n',
  'a: [x]]\n',
  'a: |+\n  keep\n\n',
  'a: |2\n   x\n',
  'a: >\n  x\n    more\n',
  'a: 1\na: 2\n',
  'a: 1\n1: x\n01: y\n',
  'a: 1\nb:   \n',
  'a: b: c\n',
  'just a scalar\n',
  '[1, 2]\n',
  'a: "x" y\n',
  'a: 1\n  b: 2\n',
  'a:\n  - x\n  b: 1\n',
  'a: "\\q"\n',
  'a: {b}\n',
  'a: [x,,]\n',
  'a: [a: b]\n',
  'a: [a:]\n',
  '\ufeffa: 1\n',
];

describe('fast YAML path', () => {
  it('reads the common shapes and gives the tree of yaml + convertDocument', () => {
    for (const text of accepted) assert.equal(compareChunk(text, JSON.stringify(text)), 'equal', JSON.stringify(text));
  });

  it('declines what it does not read, leaving it to yaml (errors, anchors, tags, multi-line scalars, repeated keys)', () => {
    for (const text of declined) assert.equal(parseFastYaml(text, 0), undefined, JSON.stringify(text));
  });

  it('places its tree at the chunk offset', () => {
    const root = parseFastYaml('a: 1\n', 100);
    assert.deepEqual(root?.span, { start: 100, end: 104 });
  });

  it('declines nesting deeper than its limit without recursing, and reads the level below it', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    assert.equal(compareChunk(nested(MAX_BLOCK_DEPTH)), 'equal');
    assert.equal(parseFastYaml(nested(MAX_BLOCK_DEPTH + 1), 0), undefined);
    assert.equal(parseFastYaml(nested(3000), 0), undefined);
    assert.equal(parseFastYaml('a: ' + '['.repeat(100000) + '\n', 0), undefined);
  });

  it('reads the whole generated benchmark manifest file', () => {
    const tally = { chunks: 0, accepted: 0, lines: 0, acceptedLines: 0 };
    compareFile(kubernetesFile(3), 'kubernetesFile', tally);
    assert.equal(tally.accepted, tally.chunks);
  });

  it('gives yaml\'s tree for every generated document and mutation it accepts (seeded)', () => {
    let accepted = 0;
    let total = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const generator = new YamlGenerator(seed);
      const document = generator.document();
      const texts = [document, ...Array.from({ length: 4 }, () => generator.mutate(document))];
      for (const text of texts) {
        total++;
        if (compareChunk(text, `seed ${seed}`) === 'equal') accepted++;
      }
    }
    // The property only means something when the fast path takes a fair share of the inputs (most
    // documents hold some hostile value or edit on purpose).
    assert.ok(accepted > total * 0.12, `accepted ${accepted} of ${total}`);
  });
});
