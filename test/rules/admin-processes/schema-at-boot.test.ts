import rule from '../../../server/src/rules/admin-processes/schema-at-boot';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'validate, none and false', code: 'spring.jpa.hibernate.ddl-auto=validate\nspring.jpa.generate-ddl=false\nspring.jpa.properties.hibernate.hbm2ddl.auto=none\n' },
    { name: 'look-alike properties', code: 'spring.jpa.show-sql=true\nspring.flyway.enabled=true\napp.ddl-auto=update\n' },
  ],
  invalid: [
    {
      name: 'generate-ddl, ddl-auto and the Hibernate property',
      code: 'spring.jpa.generate-ddl=«true»\nspring.jpa.hibernate.ddl-auto=«update»\nspring.jpa.properties.hibernate.hbm2ddl.auto=«create-drop»\n',
      errors: [
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.generate-ddl', value: 'true' } },
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.hibernate.ddl-auto', value: 'update' } },
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.properties.hibernate.hbm2ddl.auto', value: 'create-drop' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'a development profile document', code: 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: validate\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  jpa:\n    hibernate:\n      ddl-auto: create\n' },
  ],
  invalid: [
    { name: 'camelCase in YAML', code: 'spring:\n  jpa:\n    generateDdl: «true»\n', errors: [{ messageId: 'schemaAtBoot', data: { name: 'spring.jpa.generateDdl', value: 'true' } }] },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-local.properties' }, {
  valid: [{ name: 'a local profile file', code: 'spring.jpa.hibernate.ddl-auto=update\n' }],
  invalid: [],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: [{ name: 'test resources are not packaged', code: 'spring.jpa.generate-ddl=true\n' }],
  invalid: [],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'a command-line sample without a server', code: 'package main\n\nfunc main() {\n\tadminClient.CreateTable(ctx, "t")\n}\n' },
    { name: 'an opt-in from the environment', code: 'package main\n\nfunc main() {\n\tif os.Getenv("INIT_SCHEMA") != "" {\n\t\tdb.AutoMigrate(&User{})\n\t}\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)\n}\n' },
    { name: 'queries that change rows, not the schema', code: 'package main\n\nfunc main() {\n\tdb.Exec("INSERT INTO visits VALUES (?)", 1)\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)\n}\n' },
  ],
  invalid: [
    {
      name: 'a web process that creates its table at start',
      code: 'package main\n\nfunc main() {\n\tif !sliceContains(tables, tableName) {\n\t\tif err := «adminClient.CreateTable(ctx, tableName)»; err != nil {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t}\n\thttp.Handle("/", h)\n\tappengine.Main()\n}\n',
      errors: [{ messageId: 'codeSchemaAtBoot', data: { what: 'adminClient.CreateTable' } }],
    },
    {
      name: 'gorm AutoMigrate and CREATE TABLE through Exec',
      code: 'package main\n\nfunc main() {\n\t«db.AutoMigrate(&User{})»\n\t«conn.Exec(`CREATE TABLE IF NOT EXISTS votes (id INT)`)»\n\tlog.Fatal(http.ListenAndServe(":8080", nil))\n}\n',
      errors: [{ messageId: 'codeSchemaAtBoot', data: { what: 'db.AutoMigrate' } }, { messageId: 'codeSchemaAtBoot', data: { what: 'conn.Exec' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'server.ts' }, {
  valid: [
    { name: 'a sync in a development branch', code: "import { Sequelize } from 'sequelize'\nif (process.env.NODE_ENV === 'development') await sequelize.sync()\napp.listen(process.env.PORT)\n" },
    { name: 'a sync in a file that serves nothing (a migration script)', code: "import { sequelize } from './models'\nawait sequelize.sync({ alter: true })\n" },
    { name: 'sync of something else', code: "import { store } from './store'\nawait store.sync()\napp.listen(process.env.PORT)\n" },
  ],
  invalid: [
    {
      name: 'sequelize.sync before listening, and TypeORM synchronize',
      code: "import { sequelize } from './models'\nimport { Sequelize } from 'sequelize'\nimport { DataSource } from 'typeorm'\nconst ds = new DataSource({ type: 'postgres', «synchronize: true» })\nexport async function start () {\n  await «sequelize.sync({ force: true })»\n  server.listen(process.env.PORT)\n}\n",
      errors: [{ messageId: 'codeSchemaAtBoot', data: { what: 'synchronize' } }, { messageId: 'codeSchemaAtBoot', data: { what: 'sequelize.sync' } }],
    },
    {
      name: 'the instance imported from the models module',
      code: "import { sequelize } from './models'\nexport async function start () {\n  await «sequelize.sync({ force: true })»\n  server.listen(port)\n}\n",
      errors: [{ messageId: 'codeSchemaAtBoot', data: { what: 'sequelize.sync' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'app.py' }, {
  valid: [{ name: "create_all under __main__: a direct run, which gunicorn never does", code: "app = Flask(__name__)\nif __name__ == '__main__':\n    db.create_all()\n    app.run()\n" }],
  invalid: [
    {
      code: "import uvicorn\nBase.metadata.create_all(bind=engine)\napp = FastAPI()\nuvicorn.run(app, host='0.0.0.0', port=int(os.environ['PORT']))\n".replace('Base.metadata.create_all(bind=engine)', '«Base.metadata.create_all(bind=engine)»'),
      errors: [{ messageId: 'codeSchemaAtBoot', data: { what: 'Base.metadata.create_all' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'tests/server.test.ts' }, {
  valid: [{ name: 'a test file', code: "import { Sequelize } from 'sequelize'\nawait sequelize.sync({ force: true })\napp.listen(3000)\n" }],
  invalid: [],
});
