import rule from '../../../server/src/rules/dev-prod-parity/embedded-stand-in';
import { testRule } from '../../helpers/ruleTester';

const compose = 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n';
const djangoSqlite = "import os\nDATABASES = {\n    'default': {\n        'ENGINE': «'django.db.backends.sqlite3'»,\n        'NAME': 'db.sqlite3',\n    }\n}\n";
const plain = (marked: string) => marked.replace(/[«»]/g, '');

testRule(rule, { kind: 'code', fileName: 'mysite/settings.py' }, {
  valid: [
    { name: 'no sign that production runs a real database', code: plain(djangoSqlite) },
    { name: 'production only in a development compose file', code: plain(djangoSqlite), files: { 'docker-compose.dev.yml': compose } },
    { name: 'another app of the workspace runs postgres', code: plain(djangoSqlite), files: { 'mysite/requirements.txt': 'django\n', 'blog/docker-compose.yml': compose } },
    { name: 'a test configuration class', code: "class TestConfig:\n    SQLALCHEMY_DATABASE_URI = 'sqlite://'\nclass ProdConfig:\n    SQLALCHEMY_DATABASE_URI = 'postgresql://db/app'\n" },
    { name: 'a branch taken under tests', code: "import sys\nif 'test' in sys.argv:\n    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'}}\n", files: { 'docker-compose.yml': compose } },
    { name: 'sqlite named in a comment', code: '# use sqlite3 locally\nimport os\n', files: { 'docker-compose.yml': compose } },
    { name: 'a redis stand-in where production runs postgres only', code: 'import fakeredis\n', files: { 'docker-compose.yml': compose } },
  ],
  invalid: [
    {
      code: djangoSqlite,
      files: { 'docker-compose.yml': compose },
      errors: [{ messageId: 'standIn', data: { what: 'django.db.backends.sqlite3', family: 'postgres', via: 'image postgres:16', where: '../docker-compose.yml' } }],
    },
    {
      name: 'a development config class beside the production one',
      code: "class DevConfig:\n    SQLALCHEMY_DATABASE_URI = «'sqlite:///{0}'».format('dev.db')\nclass ProdConfig:\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', 'postgresql://localhost/example')\n",
      errors: [{ messageId: 'standIn', data: { what: 'sqlite', family: 'postgres', via: 'a postgresql:// URL', where: 'this file' } }],
    },
    {
      name: 'fakeredis where a Kubernetes manifest binds redis by its variable',
      code: 'import «fakeredis»\ncache = fakeredis.FakeRedis()\n',
      files: { 'requirements.txt': 'fakeredis==2.23.2\n', 'k8s/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: example/web:1.0\n          env:\n            - name: REDIS_URL\n              valueFrom: { secretKeyRef: { name: redis, key: url } }\n' },
      errors: [{ messageId: 'standIn', data: { what: 'fakeredis', family: 'redis', via: 'REDIS_URL', where: '../k8s/web.yaml' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'src/persistence/sqlite.js' }, {
  valid: [{ name: 'a test file', code: "const sqlite3 = require('sqlite3');\n", options: { testFiles: ['src/persistence/'] }, files: { 'src/persistence/index.js': 'if (process.env.MYSQL_HOST) module.exports = 1;\n' } }],
  invalid: [
    {
      name: 'the app chooses MySQL when MYSQL_HOST is set',
      code: "const sqlite3 = require(«'sqlite3'»).verbose();\n",
      files: { 'src/persistence/index.js': "if (process.env.MYSQL_HOST) module.exports = require('./mysql');\nelse module.exports = require('./sqlite');\n" },
      errors: [{ messageId: 'standIn', data: { what: 'sqlite3', family: 'mysql', via: 'MYSQL_HOST', where: 'index.js' } }],
    },
    {
      name: 'a Sequelize dialect and ioredis-mock',
      code: "import Redis from «'ioredis-mock'»;\nconst db = new Sequelize({ dialect: «'sqlite'», storage: 'dev.sqlite' });\n",
      files: { 'manifest.yml': 'applications:\n- name: web\n  services:\n  - orders-postgres\n  - session-redis\n' },
      errors: [
        { messageId: 'standIn', data: { what: 'ioredis-mock', family: 'redis', via: 'bound service session-redis', where: '../../manifest.yml' } },
        { messageId: 'standIn', data: { what: "dialect: 'sqlite'", family: 'postgres', via: 'bound service orders-postgres', where: '../../manifest.yml' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'H2 in a test profile', code: 'spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n---\nspring:\n  config:\n    activate:\n      on-profile: test\n  datasource:\n    url: jdbc:h2:mem:test\n' },
    { name: 'H2 with no real database anywhere', code: 'spring:\n  datasource:\n    url: jdbc:h2:mem:app\n' },
  ],
  invalid: [
    {
      name: 'the default profile on H2, a prod profile on PostgreSQL',
      code: 'spring:\n  datasource:\n    url: «jdbc:h2:mem:app»\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  datasource:\n    url: ${DATABASE_URL:jdbc:postgresql://db/app}\n',
      errors: [{ messageId: 'standIn', data: { what: 'jdbc:h2:mem:app', family: 'postgres', via: 'spring.datasource.url (profile prod)', where: 'this file' } }],
    },
  ],
});
