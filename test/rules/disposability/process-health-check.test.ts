import rule from '../../../server/src/rules/disposability/process-health-check';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: [
    'applications:\n- name: web\n  health-check-type: http\n  health-check-http-endpoint: /health\n',
    { name: 'the default port check', code: 'applications:\n- name: web\n  health-check-type: port\n' },
    { name: 'no setting: CF checks the port', code: 'applications:\n- name: web\n' },
    { name: 'a worker without a route', code: 'applications:\n- name: cf-cron\n  no-route: true\n  health-check-type: process\n' },
    { name: 'a task with no-route and none', code: 'applications:\n- name: task-runner\n  health-check-type: none\n  no-route: true\n' },
    { name: 'a worker command', code: 'applications:\n- name: jobs\n  command: bundle exec sidekiq\n  health-check-type: process\n' },
    {
      name: 'worker processes are not routed',
      code: 'applications:\n- name: app\n  processes:\n  - type: web\n    health-check-type: http\n  - type: worker\n    health-check-type: process\n',
    },
    { name: 'a TCP app cannot answer an http check', code: 'applications:\n- name: tcp-listener\n  health-check-type: process\n  routes:\n  - route: tcp.example.com:1234\n' },
    { name: 'a placeholder', code: 'applications:\n- name: web\n  health-check-type: ((health_check))\n' },
  ],
  invalid: [
    {
      name: 'replaces the type and adds the endpoint',
      code: 'applications:\n- name: web\n  memory: 256M\n  health-check-type: «process»\n  env:\n    LOG_LEVEL: info\n- name: other\n  instances: 2\n',
      errors: [{ messageId: 'processCheck', data: { app: 'web', type: 'process' } }],
      output: 'applications:\n- name: web\n  memory: 256M\n  health-check-type: http\n  env:\n    LOG_LEVEL: info\n  health-check-http-endpoint: /health\n- name: other\n  instances: 2\n',
    },
    {
      name: 'an endpoint already written is kept',
      code: "applications:\n- name: web\n  health-check-type: «'none'»\n  health-check-http-endpoint: /ready\n",
      errors: [{ messageId: 'processCheck', data: { app: 'web', type: 'none' } }],
      output: "applications:\n- name: web\n  health-check-type: 'http'\n  health-check-http-endpoint: /ready\n",
    },
    {
      name: 'a Spring Boot app gets the Actuator endpoint',
      code: 'applications:\n- name: music\n  health-check-type: «process»\n  env:\n    SPRING_PROFILES_ACTIVE: cloud\n',
      errors: [{ messageId: 'processCheck', data: { app: 'music', type: 'process' } }],
      output: 'applications:\n- name: music\n  health-check-type: http\n  env:\n    SPRING_PROFILES_ACTIVE: cloud\n  health-check-http-endpoint: /actuator/health\n',
    },
    {
      name: 'the web process entry, in its own indentation',
      code: 'applications:\n  - name: dora\n    processes:\n      - type: web\n        instances: 2\n        health-check-type: «process»\n      - type: worker\n        health-check-type: process\n',
      errors: [{ messageId: 'processCheck', data: { app: 'dora', type: 'process' } }],
      output: 'applications:\n  - name: dora\n    processes:\n      - type: web\n        instances: 2\n        health-check-type: http\n        health-check-http-endpoint: /health\n      - type: worker\n        health-check-type: process\n',
    },
    {
      name: 'flow style',
      code: 'applications:\n- { name: web, health-check-type: «process», instances: 2 }\n',
      errors: [{ messageId: 'processCheck', data: { app: 'web', type: 'process' } }],
      output: 'applications:\n- { name: web, health-check-type: http, instances: 2, health-check-http-endpoint: /health }\n',
    },
  ],
});
