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

testRule(rule, { kind: 'code', fileName: 'clients.py' }, {
  valid: [
    { name: 'hosts from the environment, and look-alike calls', code: 'import os\ncache = redis.Redis(os.environ["REDIS_HOST"])\nsock.connect(("example.com", 80))\nsettings = Client("web")\nproducer = KafkaProducer(bootstrap_servers=os.environ["KAFKA_BROKERS"])\n' },
  ],
  invalid: [
    {
      name: 'hosts by position and Kafka server lists; a one-word host is called a service name',
      code: 'import os\ncache = redis.Redis(«"cache.internal"»)\nmongo = pymongo.MongoClient(«"mongo"», 27017)\nproducer = KafkaProducer(bootstrap_servers=«"kafka-1.internal:9092,kafka-2.internal:9092"»)\nconsumer = Consumer({"bootstrap.servers": «"kafka:9092"», "group.id": "app"})\n',
      errors: [
        { messageId: 'host', data: { scheme: '', host: 'cache.internal', env: 'REDIS_HOST' } },
        { messageId: 'hostServiceName', data: { scheme: '', host: 'mongo', env: 'MONGODB_HOST' } },
        { messageId: 'host', data: { scheme: '', host: 'kafka-1.internal:9092', env: 'KAFKA_BROKERS' } },
        { messageId: 'hostServiceName', data: { scheme: '', host: 'kafka:9092', env: 'KAFKA_BROKERS' } },
      ],
      output: 'import os\ncache = redis.Redis(os.environ["REDIS_HOST"])\nmongo = pymongo.MongoClient(os.environ["MONGODB_HOST"], 27017)\nproducer = KafkaProducer(bootstrap_servers=os.environ["KAFKA_BROKERS"])\nconsumer = Consumer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "group.id": "app"})\n',
      files: { '.env.example': 'REDIS_HOST=\nMONGODB_HOST=\nKAFKA_BROKERS=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'clients.js' }, {
  valid: [
    { name: 'ioredis and kafkajs from the environment', code: "const redis = new Redis(6379, process.env.REDIS_HOST);\nconst kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS.split(',') });\nconst list = { servers: ['a.example.com'] };\n" },
  ],
  invalid: [
    {
      name: 'new Redis(port, host), kafkajs brokers and NATS servers',
      code: "const redis = new Redis(6379, «'cache.internal'»);\nconst kafka = new Kafka({ clientId: 'app', brokers: [«'kafka:9092'»] });\nconst nc = await nats.connect({ servers: [«'nats.internal:4222'»] });\n",
      errors: [
        { messageId: 'host', data: { scheme: '', host: 'cache.internal', env: 'REDIS_HOST' } },
        { messageId: 'hostServiceName', data: { scheme: '', host: 'kafka:9092', env: 'KAFKA_BROKERS' } },
        { messageId: 'host', data: { scheme: '', host: 'nats.internal:4222', env: 'NATS_URL' } },
      ],
      output: "const redis = new Redis(6379, process.env.REDIS_HOST);\nconst kafka = new Kafka({ clientId: 'app', brokers: [process.env.KAFKA_BROKERS] });\nconst nc = await nats.connect({ servers: [process.env.NATS_URL] });\n",
      files: { '.env.example': 'REDIS_HOST=\nKAFKA_BROKERS=\nNATS_URL=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Clients.java' }, {
  valid: [{ name: 'a URI builder is no client', code: 'class C { void m() { new URIBuilder().setHost("example.com"); builder.setHost("example.com"); } }\n' }],
  invalid: [
    {
      name: 'Jedis by position and a connection factory setter',
      code: 'class C {\n  void m() {\n    Jedis jedis = new Jedis(«"cache.internal"», 6379);\n    JedisPool pool = new JedisPool(poolConfig, «"redis"», 6379);\n    factory.setHost(«"rabbitmq.internal"»);\n  }\n}\n',
      errors: [
        { messageId: 'host', data: { scheme: '', host: 'cache.internal', env: 'REDIS_HOST' } },
        { messageId: 'hostServiceName', data: { scheme: '', host: 'redis', env: 'REDIS_HOST' } },
        { messageId: 'host', data: { scheme: '', host: 'rabbitmq.internal', env: 'DATABASE_HOST' } },
      ],
      output: 'class C {\n  void m() {\n    Jedis jedis = new Jedis(System.getenv("REDIS_HOST"), 6379);\n    JedisPool pool = new JedisPool(poolConfig, System.getenv("REDIS_HOST"), 6379);\n    factory.setHost(System.getenv("DATABASE_HOST"));\n  }\n}\n',
      files: { '.env.example': 'REDIS_HOST=\nDATABASE_HOST=\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'clients.go' }, {
  valid: [{ name: 'a DSN from the environment, and a TCP address that is no DSN', code: 'package main\n\nfunc main() {\n\tdb, _ := sql.Open("mysql", os.Getenv("DSN"))\n\tlabel := "tcp(port)"\n\t_, _ = db, label\n}\n' }],
  invalid: [
    {
      name: 'a MySQL DSN without a password, memcache and kafka-go brokers',
      code: 'package main\n\nfunc main() {\n\tdb, _ := sql.Open("mysql", «"app@tcp(mysql:3306)/orders"»)\n\tmc := memcache.New(«"cache.internal:11211"»)\n\tw := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{«"kafka.internal:9092"»}})\n\t_, _, _ = db, mc, w\n}\n',
      errors: [
        { messageId: 'urlServiceName', data: { scheme: 'mysql', host: 'mysql:3306', env: 'DATABASE_URL' } },
        { messageId: 'host', data: { scheme: '', host: 'cache.internal:11211', env: 'MEMCACHED_SERVERS' } },
        { messageId: 'host', data: { scheme: '', host: 'kafka.internal:9092', env: 'KAFKA_BROKERS' } },
      ],
      output: 'package main\n\nimport "os"\n\nfunc main() {\n\tdb, _ := sql.Open("mysql", os.Getenv("DATABASE_URL"))\n\tmc := memcache.New("cache.internal:11211")\n\tw := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka.internal:9092"}})\n\t_, _, _ = db, mc, w\n}\n',
      files: { '.env.example': 'DATABASE_URL=\nMEMCACHED_SERVERS=\nKAFKA_BROKERS=\n' },
    },
  ],
});
