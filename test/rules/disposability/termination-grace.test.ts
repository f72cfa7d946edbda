import rule from '../../../server/src/rules/disposability/termination-grace';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const workload = (kind: string, ...podSpec: string[]) =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', ...podSpec.map((l) => `      ${l}`));
const api = ['containers:', '- name: api', '  image: example/api:1.2.3', '  ports: [{containerPort: 8080}]'];

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'the default grace period', code: workload('Deployment', ...api) },
    { name: 'a short but non-zero grace period', code: workload('Deployment', 'terminationGracePeriodSeconds: 5', ...api) },
    { name: 'a preStop sleep shorter than the grace period', code: workload('Deployment', 'terminationGracePeriodSeconds: 45', ...api, '  lifecycle: {preStop: {exec: {command: ["sh", "-c", "sleep 15 && nginx -s quit"]}}}') },
    { name: 'a keep-alive pod someone execs into (istio sleep sample)', code: workload('Deployment', 'terminationGracePeriodSeconds: 0', 'containers:', '- name: sleep', '  image: curlimages/curl:8.9.1', '  command: ["/bin/sleep", "infinity"]') },
    { name: 'a Job', code: workload('Job', 'terminationGracePeriodSeconds: 0', 'restartPolicy: Never', 'containers:', '- name: once', '  image: example/job:1.0.0') },
    { name: 'a templated grace period', code: workload('Deployment', 'terminationGracePeriodSeconds: {{ .Values.grace }}', ...api) },
  ],
  invalid: [
    {
      name: 'a grace period of 0',
      code: workload('StatefulSet', 'terminationGracePeriodSeconds: «0»', ...api),
      errors: [{ messageId: 'tooShort', data: { kind: 'StatefulSet', workload: 'api', seconds: 0 } }],
    },
    {
      name: 'a higher minimum from the options',
      code: workload('Deployment', 'terminationGracePeriodSeconds: «5»', ...api),
      options: { minimumSeconds: 10 },
      errors: [{ messageId: 'tooShort', data: { kind: 'Deployment', workload: 'api', seconds: 5 } }],
    },
    {
      name: 'preStop hooks that sleep through the grace period: exec and native sleep, the default 30s',
      code: workload('Deployment', ...api, '  lifecycle:', '    preStop:', '      exec:', '        command: «["/bin/sh", "-c", "sleep 30"]»', '- name: proxy', '  image: example/proxy:1.0.0', '  lifecycle: {preStop: {sleep: {seconds: «45»}}}'),
      errors: [
        { messageId: 'preStopSleep', data: { kind: 'Deployment', workload: 'api', container: 'api', sleep: 30, grace: 30 } },
        { messageId: 'preStopSleep', data: { kind: 'Deployment', workload: 'api', container: 'proxy', sleep: 45, grace: 30 } },
      ],
    },
  ],
});
