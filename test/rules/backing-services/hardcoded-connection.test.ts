import rule from '../../../server/src/rules/backing-services/hardcoded-connection';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'code', fileName: 'db.ts' }, {
  valid: [
    { name: 'read from the environment', code: "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n" },
    { name: 'a local default of an env read is a documented dev default', code: "mongoose.connect(process.env.MONGODB_URI ?? 'mongodb://localhost:27017/app');\n" },
    { name: 'a URL with a password is a secret (config/hardcoded-secret reports it)', code: "const url = 'postgres://app:pa55word@db:5432/app';\n" },
    { name: 'a per-environment config section for development and test', code: "module.exports = {\n  development: { client: 'pg', connection: 'postgres://localhost/app_dev' },\n  test: { connection: 'postgres://localhost/app_test' },\n  production: { connection: process.env.DATABASE_URL },\n};\n" },
    { name: 'URLs inside prose, comments and templates', code: "// connect to postgres://localhost/app\nconst help = 'e.g. postgres://user@host/db';\nconst url = `postgres://${host}/app`;\n" },
    { name: 'a host option of something that is no client', code: "res.render('index', { host: 'example.com' });\n" },
  ],
  invalid: [
    {
      name: 'a remote database URL',
      code: "const pool = new Pool({ connectionString: «'postgres://db.internal:5432/orders'» });\n",
      errors: [{ messageId: 'url', data: { scheme: 'postgres', host: 'db.internal', env: 'DATABASE_URL' } }],
      output: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n',
      files: { '.env.example': 'DATABASE_URL=\n' },
    },
    {
      name: 'a local MongoDB URL keeps its default, and a URL-named constant keeps its name',
      code: "const MONGO_URL = «'mongodb://localhost:27017/app'»;\nmongoose.connect(MONGO_URL);\n",
      errors: [{ messageId: 'url', data: { scheme: 'mongodb', host: 'localhost', env: 'MONGO_URL' } }],
      output: "const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://localhost:27017/app';\nmongoose.connect(MONGO_URL);\n",
      files: { '.env.example': '' },
      otherOutputs: { '.env.example': 'MONGO_URL=\n' },
    },
    {
      name: 'a host given to a client',
      code: "const redis = new Redis({ host: «'cache.prod.internal'», port: 6379 });\n",
      errors: [{ messageId: 'host', data: { scheme: '', host: 'cache.prod.internal', env: 'REDIS_HOST' } }],
      output: 'const redis = new Redis({ host: process.env.REDIS_HOST, port: 6379 });\n',
      files: { '.env.example': 'REDIS_HOST=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'worker.py' }, {
  valid: [
    { name: 'os.environ', code: 'import os\nimport redis\nqueue = redis.Redis.from_url(os.environ["REDIS_URL"])\n' },
    { name: 'a local default of getenv', code: 'import os\nengine = create_engine(os.getenv("DATABASE_URL", "postgresql://localhost/app"))\n' },
    { name: 'SQLite is no backing service', code: 'engine = create_engine("sqlite:///app.db")\n' },
    { name: 'a host= that is no connection string', code: 'url = "https://example.com/?host=a"\nlabel = "host=primary"\n' },
  ],
  invalid: [
    {
      name: 'redis.Redis(host=...) and an amqp URL',
      code: 'import pika\nimport redis\ncache = redis.Redis(host=«"cache.internal"», port=6379)\nparams = pika.URLParameters(«"amqp://rabbit.internal:5672/"»)\n',
      errors: [{ messageId: 'host', data: { scheme: '', host: 'cache.internal', env: 'REDIS_HOST' } }, { messageId: 'url', data: { scheme: 'amqp', host: 'rabbit.internal', env: 'AMQP_URL' } }],
      // Both fixes add `import os`: the second applies in the next pass.
      output: 'import os\nimport pika\nimport redis\ncache = redis.Redis(host=os.environ["REDIS_HOST"], port=6379)\nparams = pika.URLParameters("amqp://rabbit.internal:5672/")\n',
      files: { '.env.example': 'REDIS_HOST=\nAMQP_URL=\n' },
    },
    {
      name: 'a libpq connection string; with a password, a local one keeps no default',
      code: 'import os\nconn = psycopg2.connect(«"host=db.internal dbname=orders user=app"»)\nlocal = psycopg2.connect(«"host=localhost dbname=orders password=s3cret"»)\n',
      errors: [{ messageId: 'url', data: { scheme: 'postgres', host: 'db.internal', env: 'DATABASE_URL' } }, { messageId: 'url', data: { scheme: 'postgres', host: 'localhost', env: 'DATABASE_URL' } }],
      output: 'import os\nconn = psycopg2.connect(os.environ["DATABASE_URL"])\nlocal = psycopg2.connect(os.environ["DATABASE_URL"])\n',
      files: { '.env.example': 'DATABASE_URL=\n' },
    },
    {
      name: 'a local URL keeps its default',
      code: 'import os\nclient = MongoClient(«"mongodb://localhost:27017/"»)\n',
      errors: [{ messageId: 'url', data: { scheme: 'mongodb', host: 'localhost', env: 'MONGODB_URI' } }],
      output: 'import os\nclient = MongoClient(os.environ.get("MONGODB_URI", "mongodb://localhost:27017/"))\n',
      files: { '.env.example': 'MONGODB_URI=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Db.java' }, {
  valid: [
    { name: 'an embedded H2 database', code: 'class Db { Connection c() throws Exception { return DriverManager.getConnection("jdbc:h2:mem:test"); } }\n' },
    { name: 'a Spring placeholder', code: 'class Db { @Value("${spring.datasource.url}") String url; }\n' },
  ],
  invalid: [
    {
      name: 'a JDBC URL',
      code: 'class Db {\n  Connection c() throws Exception {\n    return DriverManager.getConnection(«"jdbc:postgresql://db.internal:5432/orders"»);\n  }\n}\n',
      errors: [{ messageId: 'url', data: { scheme: 'jdbc:postgresql', host: 'db.internal', env: 'DATABASE_URL' } }],
      output: 'class Db {\n  Connection c() throws Exception {\n    return DriverManager.getConnection(System.getenv("DATABASE_URL"));\n  }\n}\n',
      files: { '.env.example': 'DATABASE_URL=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'store.go' }, {
  valid: [{ name: 'Getenv', code: 'package store\n\nimport "os"\n\nvar client = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})\n' }],
  invalid: [
    {
      name: 'redis Options Addr and a Postgres URL',
      code: 'package store\n\nimport "os"\n\nvar client = redis.NewClient(&redis.Options{Addr: «"cache.internal:6379"»})\n\nfunc open() { sql.Open("pgx", «"postgres://db.internal/orders"») }\n',
      errors: [{ messageId: 'host', data: { scheme: '', host: 'cache.internal:6379', env: 'REDIS_HOST' } }, { messageId: 'url', data: { scheme: 'postgres', host: 'db.internal', env: 'DATABASE_URL' } }],
      output: 'package store\n\nimport "os"\n\nvar client = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_HOST")})\n\nfunc open() { sql.Open("pgx", os.Getenv("DATABASE_URL")) }\n',
      files: { '.env.example': 'REDIS_HOST=\nDATABASE_URL=\n' },
    },
  ],
});
