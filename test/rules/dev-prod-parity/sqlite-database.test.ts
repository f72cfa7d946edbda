import rule from '../../../server/src/rules/dev-prod-parity/sqlite-database';
import { testRule } from '../../helpers/ruleTester';

const django = "import os\nDATABASES = {\n    'default': {\n        'ENGINE': «'django.db.backends.sqlite3'»,\n        'NAME': os.path.join(BASE_DIR, 'db.sqlite3'),\n    }\n}\n";
const plain = (marked: string) => marked.replace(/[«»]/g, '');
const dockerfile = 'FROM node:22\nCOPY . .\nCMD ["node", "build/app.js"]\n';
const sequelize = "import { Sequelize } from 'sequelize'\nexport const sequelize = new Sequelize('database', 'username', 'password', {\n  dialect: «'sqlite'»,\n  storage: options?.inMemory ? ':memory:' : 'data/app.sqlite',\n  logging: false\n})\n";
const compose = 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n';

testRule(rule, { kind: 'code', fileName: 'conduit/settings.py' }, {
  valid: [
    { name: 'the environment chooses the database', code: "import dj_database_url\nDATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\nDATABASES['default'].update(dj_database_url.config(conn_max_age=500))\n" },
    { name: 'the engine is a fallback of an env read', code: "import os\nDATABASES = {'default': {'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.sqlite3'), 'NAME': 'db.sqlite3'}}\n" },
    { name: 'an in-memory database', code: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\n" },
    { name: 'a branch taken under DEBUG', code: "if DEBUG:\n    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n" },
    { name: 'a development config class', code: "class DevConfig(Config):\n    SQLALCHEMY_DATABASE_URI = 'sqlite:///{0}'.format(DB_PATH)\nclass TestConfig(Config):\n    SQLALCHEMY_DATABASE_URI = 'sqlite://'\n" },
    { name: 'production gets postgres: embedded-stand-in reports it', code: plain(django), files: { 'docker-compose.yml': compose } },
  ],
  invalid: [
    {
      name: "Django's generated settings: SQLite as the only database",
      code: django,
      errors: [{ messageId: 'sqliteDatabase', data: { what: 'django.db.backends.sqlite3' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'conduit/settings/local.py' }, {
  valid: [{ name: 'a settings file named for development', code: plain(django) }],
  invalid: [],
});

testRule(rule, { kind: 'code', fileName: 'models/index.ts' }, {
  valid: [
    { name: 'no deployment file: a tool or a script, not a deployed app', code: plain(sequelize) },
    { name: 'only a development Dockerfile', code: plain(sequelize), files: { 'Dockerfile.dev': dockerfile } },
    { name: 'the dialect comes from the environment', code: "new Sequelize(process.env.DB_NAME, 'u', 'p', { dialect: process.env.DB_DIALECT || 'sqlite', storage: 'data/app.sqlite' })\n", files: { Dockerfile: dockerfile } },
    { name: 'an in-memory store', code: "new Sequelize({ dialect: 'sqlite', storage: ':memory:' })\n", files: { Dockerfile: dockerfile } },
    { name: 'a driver import is no database setting', code: "import Database from 'better-sqlite3'\nconst cache = new Database('cache.db')\n", files: { Dockerfile: dockerfile } },
    { name: 'a dialect for the test environment', code: "const config = {\n  test: { dialect: 'sqlite', storage: 'test.sqlite' },\n  production: { use_env_variable: 'X' }\n}\n", files: { Dockerfile: dockerfile } },
  ],
  invalid: [
    {
      name: 'a Sequelize store on a SQLite file in an app a Dockerfile deploys',
      code: sequelize,
      files: { Dockerfile: dockerfile },
      errors: [{ messageId: 'sqliteDatabase', data: { what: "dialect: 'sqlite'" } }],
    },
    {
      name: 'a SQLAlchemy URL in a FastAPI app a Procfile deploys',
      code: "from sqlalchemy import create_engine\nengine = create_engine(«'sqlite:///./app.db'», connect_args={'check_same_thread': False})\n",
      files: { Procfile: 'web: uvicorn main:app --port $PORT\n' },
      errors: [{ messageId: 'sqliteDatabase', data: { what: 'sqlite' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'models/index.test.ts' }, {
  valid: [{ name: 'a test file', code: plain(sequelize), files: { Dockerfile: dockerfile } }],
  invalid: [],
});
