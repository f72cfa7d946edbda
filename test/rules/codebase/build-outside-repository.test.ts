import rule from '../../../server/src/rules/codebase/build-outside-repository';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'compose', fileName: 'deploy/docker-compose.yml' }, {
  valid: [
    { name: 'a context inside the workspace folder', code: 'services:\n  api:\n    build: ../api\n  web:\n    build:\n      context: ../web\n      dockerfile: Dockerfile\n' },
    { name: 'a context from a variable', code: 'services:\n  api:\n    build: ${API_SRC:-../api}\n' },
    { name: 'an image, no build', code: 'services:\n  db:\n    image: postgres:16\n' },
    {
      name: 'inside the git repository that holds the workspace folder',
      code: 'services:\n  api:\n    build: ../../shared/api\n',
      files: { '../.git/HEAD': 'ref: refs/heads/main\n' },
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build: «../../payments-service»\n  web:\n    build:\n      context: «../../../frontend»\n',
      errors: [
        { messageId: 'outside', data: { app: 'Service api', source: '../../payments-service', boundary: 'app' } },
        { messageId: 'outside', data: { app: 'Service web', source: '../../../frontend', boundary: 'app' } },
      ],
    },
    {
      name: 'a build from another git repository',
      code: 'services:\n  docs:\n    build: «https://github.com/o/docs.git#main:site»\n  api:\n    build:\n      context: «git@github.com:o/api.git»\n',
      errors: [
        { messageId: 'remote', data: { app: 'Service docs', source: 'https://github.com/o/docs.git', ref: ' at main' } },
        { messageId: 'remote', data: { app: 'Service api', source: 'git@github.com:o/api.git', ref: ' at its default branch' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: ['applications:\n- name: api\n  path: target/api-1.0.jar\n', 'applications:\n- name: api\n  path: ((artifact_path))\n'],
  invalid: [
    {
      code: 'applications:\n- name: api\n  path: «../api-service/build/libs/api.jar»\n',
      errors: [{ messageId: 'outside', data: { app: 'App api', source: '../api-service/build/libs/api.jar', boundary: 'app' } }],
    },
  ],
});
