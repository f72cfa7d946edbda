import * as assert from 'node:assert/strict';
import type { DeploymentModel, EnvEntry } from '../../server/src/parsing/deployment/deploymentModel';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';

let counter = 0;
function model(kind: 'kubernetes' | 'compose' | 'cloudfoundry', text: string): DeploymentModel {
  return PARSERS[kind]!.parse(new SourceFile(`/w/model-${counter++}.yaml`, text)) as DeploymentModel;
}
const env = (text: string, e: EnvEntry) => ({ name: e.name, type: e.value.type, value: 'span' in e.value ? text.slice(e.value.span.start, e.value.span.end) : undefined });

describe('deployment model', () => {
  describe('Kubernetes', () => {
    it('finds the pod template of a CronJob, with init containers first', () => {
      const text = [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: { name: nightly }',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          initContainers: [{ name: wait, image: busybox:1.36 }]',
        '          containers:',
        '            - name: job',
        '              image: app:2',
        '              env: [{ name: MODE, value: batch }]',
        '',
      ].join('\n');
      const [w] = model('kubernetes', text).workloads;
      assert.equal(w.kind, 'CronJob');
      assert.ok(w.runsToCompletion);
      assert.deepEqual(w.containers.map((c) => [c.name, c.init]), [['wait', true], ['job', false]]);
      assert.deepEqual(env(text, w.containers[1].env[0]), { name: 'MODE', type: 'literal', value: 'batch' });
    });

    it('reads the items of a kind: List, and classifies env values', () => {
      const text = [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: apps/v1',
        '    kind: Deployment',
        '    metadata: { name: web, namespace: shop }',
        '    spec:',
        '      replicas: 3',
        '      template:',
        '        spec:',
        '          containers:',
        '            - name: web',
        '              ports: [{ containerPort: 8080, name: http }]',
        '              envFrom: [{ secretRef: { name: web-env } }]',
        '              env:',
        '                - { name: A, valueFrom: { secretKeyRef: { name: s, key: a } } }',
        '                - { name: B, value: "${B}" }',
        '                - { name: C, value: "$(A)-x" }',
        '                - name: D',
        '  - apiVersion: v1',
        '    kind: Service',
        '    metadata: { name: web }',
        '',
      ].join('\n');
      const m = model('kubernetes', text);
      assert.deepEqual(m.objects.map((o) => o.kind), ['Deployment', 'Service']);
      const [w] = m.workloads;
      assert.equal(w.namespace, 'shop');
      assert.equal(w.replicas?.value, 3);
      const c = w.containers[0];
      assert.deepEqual(c.ports.map((p) => [p.port, p.name]), [[8080, 'http']]);
      assert.deepEqual(c.envSources.map((s) => [s.kind, s.name]), [['envFrom', 'web-env']]);
      assert.deepEqual(c.env.map((e) => [e.name, e.value.type]), [['A', 'reference'], ['B', 'placeholder'], ['C', 'placeholder'], ['D', 'empty']]);
    });

    it('knows hostPath volumes by their mounts', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: data\n      hostPath: { path: /data }\n    - name: tmp\n      emptyDir: {}\n  containers:\n    - name: c\n      volumeMounts:\n        - { name: data, mountPath: /var/data }\n        - { name: tmp, mountPath: /tmp }\n';
      const [c] = model('kubernetes', text).workloads[0].containers;
      assert.deepEqual(c.mounts.map((m) => [m.target, m.hostPath]), [['/var/data', true], ['/tmp', false]]);
    });
  });

  describe('compose', () => {
    it('reads map and list environments with exact value spans', () => {
      const text = [
        'services:',
        '  api:',
        '    build: .',
        '    ports: ["8080:3000", "9229"]',
        '    environment:',
        '      - PLAIN=one',
        '      - "QUOTED=two"',
        '      - PASSTHROUGH',
        '      - EMPTY=',
        '    env_file: .env',
        '    volumes: ["./src:/app/src", "data:/var/lib/data"]',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
        '      POSTGRES_DB: app',
        '    healthcheck: { test: ["CMD", "pg_isready"] }',
        '',
      ].join('\n');
      const m = model('compose', text);
      const [api, db] = m.workloads;
      assert.deepEqual(api.containers[0].env.map((e) => env(text, e)), [
        { name: 'PLAIN', type: 'literal', value: 'one' },
        { name: 'QUOTED', type: 'literal', value: 'two' },
        { name: 'PASSTHROUGH', type: 'reference', value: 'PASSTHROUGH' },
        { name: 'EMPTY', type: 'empty', value: '' },
      ]);
      assert.deepEqual(api.containers[0].ports.map((p) => p.port), [3000, 9229]);
      assert.deepEqual(api.containers[0].mounts.map((v) => [v.source, v.hostPath]), [['./src', true], ['data', false]]);
      assert.deepEqual(api.containers[0].envSources.map((s) => s.name), ['.env']);
      assert.deepEqual(db.containers[0].env.map((e) => e.value.type), ['placeholder', 'literal']);
      assert.ok(db.containers[0].probes.readiness);
    });
  });

  describe('Cloud Foundry', () => {
    it('makes the app and each process a container, with the env on the app', () => {
      const text = [
        'applications:',
        '- name: shop',
        '  instances: 2',
        '  env:',
        '    API_KEY: ((api-key))',
        '    LOG_LEVEL: info',
        '  services: [shop-db]',
        '  processes:',
        '  - type: web',
        '    command: bin/web',
        '  - type: worker',
        '    command: bin/worker',
        '',
      ].join('\n');
      const [w] = model('cloudfoundry', text).workloads;
      assert.equal(w.replicas?.value, 2);
      assert.deepEqual(w.containers.map((c) => c.name), ['shop', 'web', 'worker']);
      assert.deepEqual(w.containers[0].env.map((e) => [e.name, e.value.type]), [['API_KEY', 'placeholder'], ['LOG_LEVEL', 'literal']]);
      assert.deepEqual(w.containers[0].envSources.map((s) => [s.kind, s.name]), [['services', 'shop-db']]);
      assert.deepEqual(w.containers[2].command.map((c) => c.text), ['bin/worker']);
    });
  });
});
