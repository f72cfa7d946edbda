import rule from '../../../server/src/rules/processes/state-in-bind-mount';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'compose', fileName: 'compose.yaml' }, {
  valid: [
    { name: 'source mounts for live reload', code: 'services:\n  web:\n    build: .\n    volumes:\n      - ./src:/usr/src/app/src\n      - .:/app\n      - /app/node_modules\n' },
    { name: 'config files and the Docker socket', code: 'services:\n  proxy:\n    build: ./proxy\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    { name: 'a read-only data mount cannot hold state', code: 'services:\n  web:\n    build: .\n    volumes:\n      - ./data:/app/data:ro\n      - type: bind\n        source: ./uploads\n        target: /app/uploads\n        read_only: true\n' },
    { name: 'named volumes are managed by the engine', code: 'services:\n  web:\n    build: .\n    volumes:\n      - uploads:/app/uploads\nvolumes:\n  uploads:\n' },
    { name: 'a pulled database keeps its data in a bind mount by design', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./data/postgres:/var/lib/postgresql/data\n' },
    { name: 'a database built from the project keeps its own data folder', code: 'services:\n  mysql:\n    build: ./mysql\n    volumes:\n      - ./mysql-data:/var/lib/mysql\n' },
    { name: 'a db folder of source code (migrations)', code: 'services:\n  web:\n    build: .\n    volumes:\n      - ./db:/app/db\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    build: .\n    volumes:\n      - «./uploads:/app/public/uploads»\n',
      errors: [{ messageId: 'dataMount', data: { service: 'web', target: '/app/public/uploads', source: './uploads' } }],
    },
    {
      name: 'long syntax, and a SQLite file',
      code: 'services:\n  api:\n    build: ./api\n    volumes:\n      - «type: bind\n        source: ./var/app.sqlite3\n        target: /srv/app.sqlite3»\n',
      errors: [{ messageId: 'dataMount', data: { service: 'api', target: '/srv/app.sqlite3', source: './var/app.sqlite3' } }],
    },
    {
      name: 'a data folder from the host mounted at any path; flow style',
      code: 'services:\n  worker: { build: ., volumes: [«"~/data:/var/worker"», ./src:/app/src] }\n',
      errors: [{ messageId: 'dataMount', data: { service: 'worker', target: '/var/worker', source: '~/data' } }],
    },
  ],
});

for (const fileName of ['docker-compose.dev.yml', 'compose.override.yaml', 'local/compose.yaml']) {
  testRule(rule, { kind: 'compose', fileName }, {
    valid: [{ name: `${fileName}: a developer’s data on their own disk`, code: 'services:\n  web:\n    build: .\n    volumes:\n      - ./data:/app/data\n' }],
    invalid: [],
  });
}
