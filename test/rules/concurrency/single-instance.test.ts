import rule from '../../../server/src/rules/concurrency/single-instance';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: [
    'applications:\n- name: web\n  instances: 3\n',
    { name: 'a worker without a route', code: 'applications:\n- name: cf-cron\n  no-route: true\n  health-check-type: process\n  command: ./supercronic -json ./crontab\n' },
    { name: 'a task runner with a worker command', code: 'applications:\n- name: task-runner\n  instances: 1\n  command: (npm start && echo SUCCESS) && sleep infinity\n' },
    { name: 'a placeholder set per deploy', code: 'applications:\n- name: web\n  instances: ((web_instances))\n' },
    { name: 'an autoscaler sets the count', code: 'applications:\n- name: web\n  instances: 1\n  services:\n    - app-autoscaler\n' },
    { name: 'the web process entry sets the count', code: 'applications:\n- name: dora\n  instances: 1\n  processes:\n  - type: web\n    instances: 2\n  - type: worker\n    instances: 1\n' },
    { name: 'a fragment without the app name (pushed with cf push NAME -f)', code: 'applications:\n  - env:\n      GOPACKAGENAME: go-online\n' },
  ],
  invalid: [
    { code: 'applications:\n- name: web\n  instances: «1»\n  memory: 512M\n', errors: [{ messageId: 'oneInstance', data: { app: 'web' } }] },
    {
      name: 'no instances: CF starts one',
      code: 'applications:\n- name: «test-nodejs»\n  random-route: true\n  buildpacks:\n    - nodejs_buildpack\n',
      errors: [{ messageId: 'defaultInstance', data: { app: 'test-nodejs' } }],
    },
    {
      name: 'the web process entry has one instance, whatever the app level says',
      code: 'applications:\n- name: nora\n  instances: 4\n  processes:\n  - type: web\n    instances: «1»\n    health-check-type: port\n',
      errors: [{ messageId: 'oneInstance', data: { app: 'nora' } }],
    },
    {
      name: 'each app of the manifest; flow style',
      code: 'applications:\n- { name: api, instances: «1» }\n- { name: worker, no-route: true, instances: 1 }\n- { name: «site» }\n',
      errors: [{ messageId: 'oneInstance', data: { app: 'api' } }, { messageId: 'defaultInstance', data: { app: 'site' } }],
    },
  ],
});
