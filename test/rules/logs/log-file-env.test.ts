import rule from '../../../server/src/rules/logs/log-file-env';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const pod = (...env: string[]) => lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: agent', '        image: vendor/agent:1.2', '        env:', ...env);

testRule(rule, { kind: 'kubernetes', fileName: 'daemonset.yaml' }, {
  valid: [
    { name: 'the log file is a standard stream', code: pod('        - name: LOG_FILE', '          value: /dev/stdout', '        - name: APP_LOG_PATH', '          value: "-"', '        - name: LOGFILE', '          value: stderr') },
    { name: 'a level, a format or a switch', code: pod('        - name: LOG_LEVEL', '          value: /debug', '        - name: LOG_FORMAT', '          value: json', '        - name: ACCESS_LOG', '          value: "off"') },
    { name: 'a log folder, a catalog path, a syslog endpoint', code: pod('        - name: LOG_DIR', '          value: /tmp/logs', '        - name: CATALOG_PATH', '          value: /data/catalog.json', '        - name: LOG_PATH', '          value: udp://syslog:514') },
    { name: 'a value from elsewhere', code: pod('        - name: LOG_FILE', '          value: $(LOG_TARGET)', '        - name: LOGFILE', '          valueFrom: {configMapKeyRef: {name: agent, key: logfile}}') },
  ],
  invalid: [
    {
      name: 'an agent told to write its log under /var/log',
      code: pod('        - name: NRSYSMOND_logfile', '          value: «"/var/log/nrsysmond.log"»'),
      errors: [{ messageId: 'logFileEnv', data: { name: 'NRSYSMOND_logfile', value: '/var/log/nrsysmond.log', where: 'container agent' } }],
    },
    {
      name: 'a relative file name',
      code: pod('        - name: LOG_FILENAME', '          value: «app.log»'),
      errors: [{ messageId: 'logFileEnv', data: { name: 'LOG_FILENAME', value: 'app.log', where: 'container agent' } }],
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'overlays/dev/daemonset.yaml' }, {
  valid: [{ name: 'a manifest for a development cluster', code: pod('        - name: LOG_FILE', '          value: /var/log/app.log') }],
  invalid: [],
});

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'an interpolated value', code: lines('services:', '  web:', '    image: app:1', '    environment:', '      - LOG_FILE=${LOG_FILE:-/dev/stdout}') },
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: app:1', '    environment:', '      ERROR_LOG: «/var/log/app/error.log»'),
      errors: [{ messageId: 'logFileEnv', data: { name: 'ERROR_LOG', value: '/var/log/app/error.log', where: 'web' } }],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    { name: 'a build stage that never runs', code: 'FROM node:20 AS build\nENV LOG_FILE=/tmp/build.log\nFROM node:20-slim\nENV NODE_ENV=production LOG_FILE=/dev/stdout\nCMD ["node", "server.js"]' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nENV APP_LOG_FILE=«/var/log/app.log» PORT=8080\nCMD ["python", "app.py"]',
      errors: [{ messageId: 'logFileEnv', data: { name: 'APP_LOG_FILE', value: '/var/log/app.log', where: 'the image' } }],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: ['FROM python:3.12\nENV LOG_FILE=/tmp/app.log'],
  invalid: [],
});
