import rule from '../../../server/src/rules/disposability/missing-liveness-probe';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const deployment = (...containers: string[]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', '      containers:', ...containers.map((l) => `      ${l}`));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'a liveness probe (a readiness probe alone does not count)', code: deployment('- name: api', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080}]', '  livenessProbe: {tcpSocket: {port: 8080}}') },
    { name: 'a CronJob', code: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: report}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers:', '          - name: report', '            image: example/report:1.0.0', '            ports: [{containerPort: 8080}]') },
    { name: 'a log shipper', code: deployment('- name: fluent-bit', '  image: fluent/fluent-bit:3.1', '  ports: [{containerPort: 2020}]') },
    { name: 'a templated document', code: deployment('- name: api', '  image: {{ .Values.image }}', '  ports: [{containerPort: 8080}]') },
  ],
  invalid: [
    {
      name: 'the stub waits before its first check, with CRLF line ends kept',
      code: deployment('- name: «api»', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080, name: web}]', '  readinessProbe: {httpGet: {path: /ready, port: web}}').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingLiveness', data: { container: 'api', kind: 'Deployment', workload: 'api', port: 'web' } }],
      output: deployment('- name: api', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080, name: web}]', '  readinessProbe: {httpGet: {path: /ready, port: web}}', '  livenessProbe:', '    tcpSocket:', '      port: web', '    initialDelaySeconds: 15', '    periodSeconds: 20').replace(/\n/g, '\r\n'),
    },
  ],
});
