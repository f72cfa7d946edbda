import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { DocumentResults } from '../../server/src/engine/documentResults';
import { lint } from '../../server/src/engine/lint';
import { ModelCache } from '../../server/src/engine/modelCache';
import { allRules } from '../../server/src/engine/registry';
import type { Finding, WorkspaceFiles } from '../../server/src/engine/types';
import { detectKind } from '../../server/src/parsing/fileKind';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { random } from '../helpers/random';

// Rules of scope `document` are run per YAML document, and their findings reused for documents whose
// text did not change (moved to where the text now is). Whatever the edits, a lint with the reuse must
// give exactly the findings of a lint without it.

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = process.env.TWELVE_FACTOR_CORPUS ?? path.resolve(ROOT, '../shared/corpus');

const deployment = (name: string, replicas: number, image: string, env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      terminationGracePeriodSeconds: 0
      containers:
        - name: ${name}
          image: ${image}
          command: ["sh", "-c", "python manage.py migrate && crond && gunicorn app > /var/log/app.log"]
          ports: [{ containerPort: 8080 }]
          env:
${env}`;
const service = (name: string, selects: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  sessionAffinity: ClientIP
  selector: { app: ${selects} }
  ports: [{ port: 80, targetPort: 8080 }]
`;
const autoscaler = (target: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${target}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${target} }
  minReplicas: 2
  maxReplicas: 5
`;
const DOCUMENTS = [
  deployment('web', 1, 'shop/web:latest', '            - name: DB_PASSWORD\n              value: hunter2hunter2\n            - name: PORT\n              value: "3000"\n'),
  service('web', 'web'),
  deployment('api', 1, 'shop/api', '            - name: NODE_ENV\n              value: development\n            - name: LOG_FILE\n              value: /var/log/api.log\n'),
  autoscaler('api'),
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  DEBUG: "true"\n  SMTP_PASSWORD: mailer-pass-2024\n`,
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\nstringData:\n  DB_PASSWORD: s3cr3t-db-pass\n`,
];

/** A lint of a text with the reuse (shared caches across calls) and one without, for comparison. */
function linter(filePath: string, files: Map<string, string>) {
  const models = new ModelCache();
  const documentResults = new DocumentResults();
  const workspace: WorkspaceFiles = { readText: (p) => files.get(p) };
  let version = 0;
  // One configuration object while the settings stay: the reuse is keyed by its identity.
  const defaults = new ResolvedConfig();
  const run = (text: string, config: ResolvedConfig, reuse: boolean): Finding[] => {
    const file = new SourceFile(filePath, text, ++version);
    const input = { file, config, relativePath: path.basename(filePath), workspace };
    return lint(reuse ? { ...input, cache: models, documentResults } : input).findings;
  };
  return {
    check(text: string, config = defaults, why = '') {
      const reused = run(text, config, true);
      const fresh = run(text, config, false);
      const show = (list: Finding[]) => list.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message}`);
      assert.deepEqual(show(reused), show(fresh), `the findings with reuse differ from a fresh lint ${why}`);
      assert.deepEqual(reused, fresh, `the findings with reuse differ from a fresh lint ${why}`);
      return reused;
    },
  };
}

describe('document results: findings of unchanged YAML documents are reused', () => {
  it('are declared only by rules that reuse nothing across documents', () => {
    const scoped = allRules().filter((r) => 'scope' in r && r.scope === 'document');
    assert.ok(scoped.length >= 10, 'most manifest rules are per document');
    for (const rule of ['concurrency/single-replica', 'config/unused-env-var', 'dev-prod-parity/service-version-drift']) {
      assert.ok(!scoped.some((r) => r.id === rule), `${rule} relates documents or files`);
    }
  });

  it('match a fresh lint through edits inside, between, above and across documents', () => {
    const dir = path.resolve('/w/app/deploy');
    const files = new Map<string, string>();
    const { check } = linter(path.join(dir, 'shop.yaml'), files);
    let documents = [...DOCUMENTS];
    const text = () => documents.join('---\n');
    const first = check(text());
    assert.ok(first.some((f) => f.ruleId === 'concurrency/single-replica') && first.some((f) => f.ruleId === 'build-release-run/mutable-image-tag'));
    const steps: [string, () => void][] = [
      ['typing inside the first document', () => (documents[0] = documents[0].replace('hunter2hunter2', 'hunter2hunter2x'))],
      ['a line above everything', () => (documents[0] = `# shop\n${documents[0]}`)],
      ['a document moved to the end', () => documents.push(documents.shift()!)],
      ['a copy of a document', () => documents.splice(1, 0, documents[3])],
      ['the autoscaler targets another Deployment', () => (documents = documents.map((d) => d.replace('name: api }', 'name: web }')))],
      ['a label the Service selects renamed', () => (documents = documents.map((d) => d.replace(/app: web/g, 'app: web2')))],
      ['a document removed', () => documents.splice(2, 1)],
      ['a document split in two', () => (documents[0] = documents[0].replace('---\n', '').replace('spec:\n', '---\nspec:\n'))],
    ];
    for (const [why, step] of steps) {
      step();
      check(text(), undefined, `after ${why}`);
    }
  });

  it('are not reused when a workspace file a document rule read changes', () => {
    const dir = path.resolve('/w/app/deploy');
    const files = new Map<string, string>();
    const { check } = linter(path.join(dir, 'shop.yaml'), files);
    const text = DOCUMENTS.join('---\n');
    assert.ok(check(text).some((f) => f.ruleId === 'build-release-run/mutable-image-tag' && f.message.includes('shop/api')));
    // Skaffold builds shop/api and replaces the name: no floating tag, though the manifest did not change.
    files.set(path.join(dir, 'skaffold.yaml'), 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: shop/api\n');
    assert.ok(!check(text).some((f) => f.ruleId === 'build-release-run/mutable-image-tag' && f.message.includes('shop/api')));
    files.delete(path.join(dir, 'skaffold.yaml'));
    assert.ok(check(text).some((f) => f.ruleId === 'build-release-run/mutable-image-tag' && f.message.includes('shop/api')));
  });

  it('are not reused across configurations or line ends', () => {
    const files = new Map<string, string>();
    const { check } = linter(path.resolve('/w/app/shop.yaml'), files);
    const text = DOCUMENTS.join('---\n');
    check(text);
    const allowing = new ResolvedConfig(undefined, new Map([['build-release-run/mutable-image-tag', { options: { allow: ['shop/api'] } }]]));
    assert.ok(!check(text, allowing).some((f) => f.message.includes('"shop/api"')));
    // CRLF in one document makes the file's end of line CRLF: fixes of the others insert CRLF too.
    const crlf = [DOCUMENTS[0].replace(/\n/g, '\r\n'), ...DOCUMENTS.slice(1)].join('---\n');
    check(crlf);
  });

  it('match a fresh lint through random edits', () => {
    const files = new Map<string, string>();
    const { check } = linter(path.resolve('/w/app/random.yaml'), files);
    const next = random(13);
    let text = DOCUMENTS.join('---\n');
    const pieces = ['x', '\n', '---\n', 'value: "8080"', ' ', ':', 'latest', '  - name: A\n'];
    for (let k = 0; k < 60; k++) {
      const at = Math.floor(next() * text.length);
      const removed = next() < 0.3 ? Math.floor(next() * 6) : 0;
      text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + removed);
      check(text, undefined, `after random edit ${k + 1}`);
    }
  });

  it('give per document what the rule gives on the whole file, on the multi-document manifests of the fixtures and the corpus', function () {
    this.timeout(60000);
    // Every seventh of the corpus's YAML files keeps the test short (all 593 multi-document ones agreed when the reuse was written).
    const corpus = fs.existsSync(CORPUS) ? yamlFiles(CORPUS).sort().filter((_f, i) => i % 7 === 0) : [];
    let checked = 0;
    for (const file of [...yamlFiles(path.join(ROOT, 'test/fixtures')), ...yamlFiles(path.join(ROOT, 'examples')), ...corpus]) {
      const text = fs.readFileSync(file, 'utf8');
      const kind = detectKind(file, text);
      if (!kind || !PARSERS[kind.kind]?.parts || !/^---/m.test(text)) continue;
      const files = new Map<string, string>();
      const { check } = linter(file, files);
      check(text, undefined, `on ${path.relative(ROOT, file)}`);
      checked++;
    }
    assert.ok(checked >= 2, `${checked} multi-document manifests checked`);
  });
});

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}
