import * as assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseYamlFile, splitDocuments, yamlParseStats } from '../../server/src/parsing/yaml/yamlDocuments';
import { get, getPath, items, str, type YNode, type YScalar } from '../../server/src/parsing/yaml/yamlNodes';
import { maskTemplates } from '../../server/src/parsing/yaml/yamlTemplates';

let counter = 0;
/** A fresh path per test, so that the per-path document cache never leaks between tests. */
const parse = (text: string, path = `/w/file-${counter++}.yaml`) => parseYamlFile(new SourceFile(path, text));
const textOf = (text: string, node: YNode | undefined) => (node ? text.slice(node.span.start, node.span.end) : undefined);

describe('YAML layer', () => {
  describe('documents', () => {
    it('splits at --- lines and gives spans absolute in the file', () => {
      const text = 'a: 1\n---\nb: two\n---\n# only a comment\n---\nc: [x, y]\n';
      const yaml = parse(text);
      assert.equal(yaml.documents.length, 3);
      assert.equal(textOf(text, get(yaml.documents[1].root, 'b')), 'two');
      assert.equal(textOf(text, items(get(yaml.documents[2].root, 'c'))[1]), 'y');
      assert.deepEqual(yaml.documents.map((d) => d.index), [0, 1, 2]);
    });

    it('keeps a document whose content starts on its marker line, and drops chunks of comments only', () => {
      const text = '# licence header\n---\n--- {a: 1}\n--- |\n  text\n---\n# trailing comment\n';
      const yaml = parse(text);
      assert.equal(yaml.documents.length, 2);
      assert.equal(str(get(yaml.documents[0].root, 'a')), '1');
    });

    it('does not split at --- inside a line or indented in a block scalar', () => {
      const text = 'script: |\n  echo ---\n  ---\nnext: a---b\n';
      assert.equal(splitDocuments(text).length, 1);
      assert.equal(str(get(parse(text).documents[0].root, 'next')), 'a---b');
    });

    it('reports one error for a broken document and still analyses the others', () => {
      const text = 'kind: A\n---\nkind: B\n  bad: [\n---\nkind: C\n';
      const yaml = parse(text);
      assert.equal(yaml.documents.length, 3);
      assert.equal(yaml.documents.filter((d) => d.error).length, 1);
      const broken = yaml.documents[1];
      assert.match(broken.error!.message, /^YAML syntax error in document 2: /);
      assert.ok(broken.error!.span.start >= broken.span.start && broken.error!.span.end <= broken.span.end, 'error inside its document');
      assert.equal(str(get(yaml.documents[2].root, 'kind')), 'C');
      assert.equal(str(get(yaml.documents[0].root, 'kind')), 'A');
    });

    it('still reads a document whose only error is a repeated key, and says so', () => {
      const yaml = parse('a: 1\nb: 2\na: 3\n');
      assert.match(yaml.documents[0].error!.message, /unique/);
      assert.equal(str(get(yaml.documents[0].root, 'b')), '2');
    });
  });

  describe('anchors, aliases and merge keys', () => {
    const text = [
      'x-env: &env',
      '  DB_PASSWORD: hunter22',
      'base: &base',
      '  image: app:1',
      '  port: 80',
      'one:',
      '  <<: *base',
      '  port: 81',
      'two:',
      '  environment: *env',
      '',
    ].join('\n');

    it('resolves an alias to the anchor node, so its spans point at the anchor text', () => {
      const yaml = parse(text);
      const value = get(getPath(yaml.documents[0].root, 'two', 'environment'), 'DB_PASSWORD');
      assert.equal(textOf(text, value), 'hunter22');
      assert.equal(value!.span.start, text.indexOf('hunter22'));
    });

    it('expands << merges, with explicit keys winning', () => {
      const one = get(parse(text).documents[0].root, 'one');
      assert.equal(str(get(one, 'image')), 'app:1');
      assert.equal(str(get(one, 'port')), '81');
    });

    it('survives a self-referencing or exponential alias graph', () => {
      const laughs = ['a: &a ["lol","lol"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]', ''].join('\n');
      const yaml = parse(laughs);
      assert.equal(items(get(yaml.documents[0].root, 'd')).length, 9);
    });
  });

  describe('Helm templates', () => {
    const chart = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  labels:',
      '    {{- include "app.labels" . | nindent 4 }}',
      'spec:',
      '  {{- if not .Values.autoscaling.enabled }}',
      '  replicas: {{ .Values.replicaCount }}',
      '  {{- end }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          env:',
      '            - name: DB_PASSWORD',
      '              value: "{{ .Values.db.password }}"',
      '            - name: MODE',
      '              value: prod',
      '',
    ].join('\n');

    it('masks directives with offsets kept and never reports a syntax error for them', () => {
      const masked = maskTemplates(chart);
      assert.equal(masked.text.length, chart.length);
      assert.equal(masked.text.split('\n').length, chart.split('\n').length);
      const yaml = parse(chart);
      assert.equal(yaml.documents[0].error, undefined);
      assert.ok(yaml.documents[0].templated);
      assert.equal(yaml.templates.length, 6);
    });

    it('marks templated scalars and keeps the original text as their value', () => {
      const root = parse(chart).documents[0].root;
      const env = items(getPath(root, 'spec', 'template', 'spec', 'containers')).flatMap((c) => items(get(c, 'env')));
      const password = get(env[0], 'value') as YScalar;
      assert.ok(password.templated);
      assert.equal(password.value, '"{{ .Values.db.password }}"');
      const mode = get(env[1], 'value') as YScalar;
      assert.equal(mode.templated, false);
      assert.equal(mode.value, 'prod');
    });

    it('a templated document that stays invalid YAML is analysed as far as it goes, without an error', () => {
      const text = 'kind: ConfigMap\ndata:\n{{- if .Values.a }}\n  key: a\n{{- else }}\n  key: b\n{{- end }}\n';
      const yaml = parse(text);
      assert.equal(yaml.documents[0].error, undefined);
      assert.equal(str(get(yaml.documents[0].root, 'kind')), 'ConfigMap');
    });
  });

  describe('incremental parsing', () => {
    it('an edit inside one document reparses only that document', () => {
      const docs = Array.from({ length: 40 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: value-${i}\n`);
      const path = '/w/incremental.yaml';
      const before = docs.join('---\n');
      parse(before, path);
      const parsed = yamlParseStats.documentsParsed;
      const after = before.replace('value-17', 'value-17-changed');
      const yaml = parse(after, path);
      assert.equal(yamlParseStats.documentsParsed - parsed, 1, 'only the edited document is parsed again');
      // The documents after the edit moved; their spans follow the new text.
      const last = yaml.documents[39];
      assert.equal(textOf(after, getPath(last.root, 'data', 'key')), 'value-39');
      assert.equal(textOf(after, getPath(yaml.documents[17].root, 'data', 'key')), 'value-17-changed');
    });

    it('a file parsed again unchanged parses nothing', () => {
      const text = 'a: 1\n---\nb: 2\n';
      parse(text, '/w/same.yaml');
      const parsed = yamlParseStats.documentsParsed;
      parse(text, '/w/same.yaml');
      assert.equal(yamlParseStats.documentsParsed, parsed);
    });

    it('documents of the same text each keep a tree at their own place, also when parsed again', () => {
      const text = 'a: 1\n---\na: 1\n---\nb: 2\n---\na: 1\n';
      for (let k = 0; k < 2; k++) {
        const parsed = yamlParseStats.documentsParsed;
        const documents = parse(text, '/w/copies.yaml').documents;
        assert.deepEqual(documents.map((d) => d.root?.span.start), [0, 9, 18, 27]);
        assert.deepEqual(documents.map((d) => text.slice(d.root!.span.start, d.root!.span.end)), ['a: 1', 'a: 1', 'b: 2', 'a: 1']);
        assert.equal(new Set(documents.map((d) => d.root)).size, 4);
        assert.equal(yamlParseStats.documentsParsed - parsed, k === 0 ? 4 : 0);
      }
    });
  });
});
