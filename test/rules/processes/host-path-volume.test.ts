import rule from '../../../server/src/rules/processes/host-path-volume';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const workload = (kind: string, ...podSpec: string[]) =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: uploads', 'spec:', '  template:', '    spec:', ...podSpec.map((l) => `      ${l}`));
const mounting = (mount: string) => ['containers:', '- name: app', '  image: example/app:1.0.0', `  volumeMounts: [${mount}]`];

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'a log shipper DaemonSet', code: workload('DaemonSet', ...mounting('{name: logs, mountPath: /var/log}'), 'volumes:', '- name: logs', '  hostPath: {path: /data/logs}') },
    { name: 'node integrations: docker socket, host logs, CA certificates, devices', code: workload('Deployment', ...mounting('{name: sock, mountPath: /var/run/docker.sock}, {name: certs, mountPath: /etc/ssl/certs}, {name: dev, mountPath: /dev/log}'), 'volumes:', '- {name: sock, hostPath: {path: /var/run/docker.sock}}', '- {name: certs, hostPath: {path: /etc/ssl/certs}}', '- {name: dev, hostPath: {path: /dev/log}}', '- {name: fuse, hostPath: {path: /mnt/fuse, type: CharDevice}}') },
    { name: 'a read-only mount', code: workload('Deployment', ...mounting('{name: models, mountPath: /models, readOnly: true}'), 'volumes:', '- name: models', '  hostPath: {path: /mnt/models}') },
    { name: 'a volume no container mounts, and a PVC', code: workload('Deployment', ...mounting('{name: data, mountPath: /data}'), 'volumes:', '- {name: data, persistentVolumeClaim: {claimName: uploads}}', '- {name: unused, hostPath: {path: /srv/unused}}') },
    { name: 'a templated path', code: workload('Deployment', ...mounting('{name: data, mountPath: /data}'), 'volumes:', '- name: data', '  hostPath: {path: "{{ .Values.dataDir }}"}') },
  ],
  invalid: [
    {
      name: 'a writable host directory in a Deployment',
      code: workload('Deployment', ...mounting('{name: data, mountPath: /app/uploads}'), 'volumes:', '- name: data', '  hostPath:', '    path: «/srv/uploads»', '    type: DirectoryOrCreate'),
      errors: [{ messageId: 'hostPath', data: { kind: 'Deployment', workload: 'uploads', path: '/srv/uploads', mountPath: '/app/uploads' } }],
    },
    {
      name: 'a StatefulSet writing to /tmp on the node',
      code: workload('StatefulSet', ...mounting('{name: scratch, mountPath: /cache, readOnly: false}'), 'volumes:', '- {name: scratch, hostPath: {path: «/tmp/cache»}}'),
      errors: [{ messageId: 'hostPath', data: { kind: 'StatefulSet', workload: 'uploads', path: '/tmp/cache', mountPath: '/cache' } }],
    },
  ],
});
