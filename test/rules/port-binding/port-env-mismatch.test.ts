import rule from '../../../server/src/rules/port-binding/port-env-mismatch';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const deployment = (...container: string[]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: api', '        image: example/api:1.2.3', ...container.map((l) => `        ${l}`));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'PORT matches the containerPort', code: deployment('ports: [{containerPort: 8080}]', 'env:', '- {name: PORT, value: "8080"}') },
    { name: 'PORT matches one of several ports', code: deployment('ports: [{containerPort: 8080}, {containerPort: 9090, name: metrics}]', 'env:', '- {name: SERVER_PORT, value: "9090"}') },
    { name: 'no declared port to compare with', code: deployment('env:', '- {name: PORT, value: "3000"}') },
    { name: 'references and other *_PORT variables', code: deployment('ports: [{containerPort: 8080}]', 'env:', '- {name: PORT, value: $(HTTP_PORT)}', '- {name: MYSQL_PORT, value: "3306"}', '- name: SERVER_PORT', '  valueFrom: {configMapKeyRef: {name: cfg, key: port}}') },
    { name: 'a Helm template', code: deployment('ports: [{containerPort: {{ .Values.port }}}]', 'env:', '- {name: PORT, value: "8080"}') },
  ],
  invalid: [
    {
      name: 'a quoted PORT that differs: set to the containerPort, quotes kept',
      code: deployment('ports:', '- name: http', '  containerPort: 8080', 'env:', '- name: PORT', '  value: «"3000"»'),
      errors: [{ messageId: 'mismatch', data: { name: 'PORT', value: '3000', container: 'api', ports: '8080', port: 8080 } }],
      output: deployment('ports:', '- name: http', '  containerPort: 8080', 'env:', '- name: PORT', '  value: "8080"'),
    },
    {
      name: 'a plain number is written as a string, on the serving port rather than the metrics one',
      code: deployment('ports: [{containerPort: 9090, name: metrics}, {containerPort: 8000}]', 'env: [{name: SERVER_PORT, value: «5000»}]'),
      errors: [{ messageId: 'mismatch', data: { name: 'SERVER_PORT', value: '5000', container: 'api', ports: '9090, 8000', port: 8000 } }],
      output: deployment('ports: [{containerPort: 9090, name: metrics}, {containerPort: 8000}]', 'env: [{name: SERVER_PORT, value: "8000"}]'),
    },
  ],
});
