import rule from '../../../server/src/rules/disposability/missing-readiness-probe';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
/** A workload of a kind whose pod spec is at spec.template.spec, with the given lines under `spec:` (6 spaces in). */
const workload = (kind: string, ...podSpec: string[]) =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', ...podSpec.map((l) => `      ${l}`));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'a readiness probe', code: workload('Deployment', 'containers:', '- name: api', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080}]', '  readinessProbe:', '    httpGet: {path: /ready, port: 8080}') },
    { name: 'a worker with no port', code: workload('Deployment', 'containers:', '- name: worker', '  image: example/worker:1.2.3', '  args: [celery, worker]') },
    { name: 'a Job', code: workload('Job', 'restartPolicy: Never', 'containers:', '- name: once', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080}]') },
    { name: 'a bare Pod is never rolled out', code: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: debug}', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports: [{containerPort: 80}]') },
    { name: 'only a UDP port and only a metrics port', code: workload('Deployment', 'containers:', '- name: dns', '  image: example/dns:1.0.0', '  ports: [{containerPort: 53, protocol: UDP}]', '- name: worker', '  image: example/worker:1.0.0', '  ports: [{name: metrics, containerPort: 9090}]') },
    { name: 'a monitoring agent run by a ReplicationController', code: workload('ReplicationController', 'containers:', '- name: sysdig-agent', '  image: sysdig/agent', '  ports: [{containerPort: 6666}]') },
    { name: 'an init container and a mesh sidecar with ports', code: workload('Deployment', 'initContainers:', '- name: wait', '  image: busybox:1.36', '  ports: [{containerPort: 9999}]', 'containers:', '- name: istio-proxy', '  image: docker.io/istio/proxyv2:1.22.0', '  ports: [{containerPort: 15090, name: http-envoy-prom}]') },
    { name: 'a keep-alive container someone execs into', code: workload('Deployment', 'containers:', '- name: toolbox', '  image: curlimages/curl:8.9.1', '  command: ["/bin/sleep", "infinity"]', '  ports: [{containerPort: 80}]') },
    { name: 'a Helm template may render the probe in', code: workload('Deployment', 'containers:', '- name: api', '  image: "{{ .Values.image }}"', '  ports: [{containerPort: 8080}]', '  {{- include "api.probes" . | nindent 2 }}') },
  ],
  invalid: [
    {
      name: 'a block container: the stub checks the named port, inside the container before the next pod key',
      code: workload('Deployment', 'containers:', '- name: «api»', '  image: example/api:1.2.3', '  ports:', '  - name: http', '    containerPort: 8080', '  args:', '  - --verbose', '', 'volumes: []'),
      errors: [{ messageId: 'missingReadiness', data: { container: 'api', kind: 'Deployment', workload: 'api', port: 'http' } }],
      output: workload('Deployment', 'containers:', '- name: api', '  image: example/api:1.2.3', '  ports:', '  - name: http', '    containerPort: 8080', '  args:', '  - --verbose', '  readinessProbe:', '    tcpSocket:', '      port: http', '    periodSeconds: 10', '', 'volumes: []'),
    },
    {
      name: 'a flow container: the stub is written in flow style on the port number',
      code: workload('StatefulSet', 'containers:', '- {name: «db-proxy», image: example/proxy:2.0.0, ports: [{containerPort: 6432}]}'),
      errors: [{ messageId: 'missingReadiness', data: { container: 'db-proxy', kind: 'StatefulSet', workload: 'api', port: 6432 } }],
      output: workload('StatefulSet', 'containers:', '- {name: db-proxy, image: example/proxy:2.0.0, ports: [{containerPort: 6432}], readinessProbe: { tcpSocket: { port: 6432 }, periodSeconds: 10 } }'),
    },
    {
      name: 'an unnamed workload (a linter test file) is named as such',
      code: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'spec:', '  template:', '    spec:', '      containers:', '      - name: «agent»', '        ports: [{containerPort: 6666}]'),
      errors: [{ messageId: 'missingReadiness', data: { container: 'agent', kind: 'DaemonSet', workload: '(unnamed)', port: 6666 } }],
      output: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'spec:', '  template:', '    spec:', '      containers:', '      - name: agent', '        ports: [{containerPort: 6666}]', '        readinessProbe:', '          tcpSocket:', '            port: 6666', '          periodSeconds: 10'),
    },
    {
      name: 'only the container without a probe, in a Deployment of a kind: List',
      code: lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: apps/v1', '  kind: Deployment', '  metadata: {name: shop}', '  spec:', '    template:', '      spec:', '        containers:', '        - name: web', '          image: example/web:3.1.0', '          ports: [{containerPort: 8080}]', '          readinessProbe: {httpGet: {path: /, port: 8080}}', '        - name: «grpc»', '          image: example/grpc:3.1.0', '          ports: [{containerPort: 9090, protocol: TCP}]'),
      errors: [{ messageId: 'missingReadiness', data: { container: 'grpc', kind: 'Deployment', workload: 'shop', port: 9090 } }],
      output: lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: apps/v1', '  kind: Deployment', '  metadata: {name: shop}', '  spec:', '    template:', '      spec:', '        containers:', '        - name: web', '          image: example/web:3.1.0', '          ports: [{containerPort: 8080}]', '          readinessProbe: {httpGet: {path: /, port: 8080}}', '        - name: grpc', '          image: example/grpc:3.1.0', '          ports: [{containerPort: 9090, protocol: TCP}]', '          readinessProbe:', '            tcpSocket:', '              port: 9090', '            periodSeconds: 10'),
    },
  ],
});
