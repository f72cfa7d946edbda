import rule from '../../../server/src/rules/logs/log-volume';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const logVolume = (where: string, what: string, target: string) => ({ messageId: 'logVolume', data: { where, what, target } });

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    lines('services:', '  web:', '    image: example/web:1', '    volumes:', '      - ./src:/app/src'),
    { name: 'a log shipper reads the folder, read-only', code: lines('services:', '  collector:', '    image: example/collector:1', '    volumes:', '      - logs:/var/log:ro', 'volumes:', '  logs: {}') },
    { name: 'a log shipper image', code: lines('services:', '  shipper:', '    image: fluent/fluent-bit:3.0', '    volumes:', '      - ./logs:/var/log/app') },
    { name: 'a backing service keeps its own logs', code: lines('services:', '  db:', '    image: postgres:16', '    volumes:', '      - pglogs:/var/log/postgresql') },
    { name: 'an anonymous volume', code: lines('services:', '  web:', '    image: example/web:1', '    volumes:', '      - /app/logs') },
    { name: 'a look-alike: a blog folder', code: lines('services:', '  web:', '    image: example/web:1', '    volumes:', '      - ./content:/app/blog-posts') },
    { name: 'a look-alike: a catalog', code: lines('services:', '  web:', '    image: example/web:1', '    volumes:', '      - data:/srv/catalog') },
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: example/web:1', '    volumes:', '      - «logs:/var/log:rw»', 'volumes:', '  logs: {}'),
      errors: [logVolume('Service web', 'volume logs', '/var/log')],
    },
    {
      code: lines('services:', '  api:', '    build: .', '    volumes:', '      - «./logs:/usr/src/app/logs»'),
      errors: [logVolume('Service api', 'host folder ./logs', '/usr/src/app/logs')],
    },
    {
      name: 'a source from the environment',
      code: lines('services:', '  app:', '    image: example/app:1', '    volumes:', '      - «${APP_LOGS_PATH}:/app/logs:rw»'),
      errors: [logVolume('Service app', '${APP_LOGS_PATH} (a host folder or volume)', '/app/logs')],
    },
    {
      name: 'long syntax',
      code: lines('services:', '  api:', '    build: .', '    volumes:', '      - «type: bind', '        source: /srv/api-logs', '        target: /var/log/api»'),
      errors: [logVolume('Service api', 'host folder /srv/api-logs', '/var/log/api')],
    },
  ],
});

const deployment = (kind: string, mounts: string[], volumes: string[], extra: string[] = []) =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata: {name: web}', 'spec:', ...extra, '  template:', '    spec:', '      containers:', '      - name: app', '        image: example/web:1', '        volumeMounts:', ...mounts.map((m) => `        ${m}`), ...(volumes.length ? ['      volumes:', ...volumes.map((v) => `      ${v}`)] : []));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'an emptyDir shared with a sidecar is ephemeral', code: deployment('Deployment', ['- {name: logs, mountPath: /var/log/app}'], ['- {name: logs, emptyDir: {}}']) },
    { name: 'a node agent', code: deployment('DaemonSet', ['- {name: varlog, mountPath: /var/log}'], ['- {name: varlog, hostPath: {path: /var/log}}']) },
    { name: 'read-only', code: deployment('Deployment', ['- {name: varlog, mountPath: /var/log, readOnly: true}'], ['- {name: varlog, hostPath: {path: /var/log}}']) },
    { name: 'the syslog socket is no log folder', code: deployment('Deployment', ['- {name: syslog, mountPath: /dev/log}'], ['- {name: syslog, hostPath: {path: /dev/log}}']) },
    { name: 'a data claim', code: deployment('Deployment', ['- {name: data, mountPath: /data}'], ['- {name: data, persistentVolumeClaim: {claimName: data}}']) },
  ],
  invalid: [
    {
      code: deployment('Deployment', ['- «name: logs', '  mountPath: /opt/app/logs»'], ['- {name: logs, persistentVolumeClaim: {claimName: app-logs}}']),
      errors: [logVolume('Container app of Deployment web', 'PersistentVolumeClaim app-logs', '/opt/app/logs')],
    },
    {
      code: deployment('Deployment', ['- «{name: logs, mountPath: /var/log/web}»'], ['- {name: logs, hostPath: {path: /srv/logs/web}}']),
      errors: [logVolume('Container app of Deployment web', 'host path /srv/logs/web', '/var/log/web')],
    },
    {
      name: 'a StatefulSet claim template',
      code: deployment('StatefulSet', ['- «{name: logs, mountPath: /var/log/app}»'], [], ['  volumeClaimTemplates:', '  - metadata: {name: logs}', '    spec: {accessModes: [ReadWriteOnce]}']),
      errors: [logVolume('Container app of StatefulSet web', 'volume claim template logs', '/var/log/app')],
    },
  ],
});
