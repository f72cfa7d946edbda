import rule from '../../../server/src/rules/concurrency/container-name-blocks-scaling';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'compose', fileName: 'compose.yaml' }, {
  valid: [
    { name: 'a pulled backing service may have a fixed name', code: 'services:\n  db:\n    image: postgres:16\n    container_name: app-db\n' },
    { name: 'no container_name', code: 'services:\n  web:\n    build: .\n    ports: ["8080"]\n' },
    { name: 'an empty container_name sets no name', code: 'services:\n  web:\n    build: .\n    container_name:\n' },
  ],
  invalid: [
    {
      name: 'removes the whole line',
      code: 'services:\n  web:\n    build: .\n    container_name: «web-app»\n    ports:\n      - "8080:8080"\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'fixedName', data: { containerName: 'web-app', service: 'web' } }],
      output: 'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n  db:\n    image: postgres:16\n',
    },
    {
      name: 'the last key of a service, before the next service',
      code: 'services:\n  web:\n    build:\n      context: .\n      target: prod\n    container_name: «web» # fixed\n  worker:\n    build: .\n',
      errors: [{ messageId: 'fixedName', data: { containerName: 'web', service: 'web' } }],
      output: 'services:\n  web:\n    build:\n      context: .\n      target: prod\n  worker:\n    build: .\n',
    },
    {
      name: 'flow style',
      code: 'services:\n  web: { build: ., container_name: «web-1», ports: ["80"] }\n',
      errors: [{ messageId: 'fixedName' }],
      output: 'services:\n  web: { build: ., ports: ["80"] }\n',
    },
    {
      name: 'a name another service uses as a host: no fix, removing it would break that',
      code: 'services:\n  api:\n    build: ./api\n    container_name: «backend-api»\n  web:\n    build: ./web\n    environment:\n      API_URL: http://backend-api:8080\n',
      errors: [{ messageId: 'fixedName', data: { containerName: 'backend-api', service: 'api' } }],
      output: null,
    },
    {
      name: 'the same word as an image name is no use of the container name',
      code: 'services:\n  api:\n    build: ./api\n    image: example/backend-api:1.2\n    container_name: «backend-api»\n',
      errors: [{ messageId: 'fixedName' }],
      output: 'services:\n  api:\n    build: ./api\n    image: example/backend-api:1.2\n',
    },
  ],
});

for (const fileName of ['docker-compose.dev.yml', 'compose.override.yml', 'docker-compose.local.yaml', 'dev/docker-compose.yml']) {
  testRule(rule, { kind: 'compose', fileName }, {
    valid: [{ name: `${fileName} never scales`, code: 'services:\n  web:\n    build: .\n    container_name: web-dev\n' }],
    invalid: [],
  });
}
