import rule from '../../../server/src/rules/backing-services/localhost-in-container';
import { testRule } from '../../helpers/ruleTester';

const DB = `
  db:
    image: postgres:16
`;

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'the service name is used', code: `services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n${DB}` },
    {
      name: 'a healthcheck runs inside the container itself',
      code: `services:\n  app:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n${DB}`,
    },
    { name: 'host networking: localhost is the host', code: `services:\n  app:\n    build: .\n    network_mode: host\n    environment:\n      DATABASE_URL: postgres://localhost:5432/app\n${DB}` },
    {
      name: 'a sidecar sharing another service network: localhost is that service',
      code: 'services:\n  proxy:\n    image: envoyproxy/envoy:v1.30.1\n  app:\n    build: .\n    network_mode: "service:proxy"\n    environment:\n      - UPSTREAM_BROKER=localhost:9901\n',
    },
    { name: 'the app’s own bind address', code: 'services:\n  app:\n    build: .\n    environment:\n      BIND_ADDRESS: 127.0.0.1\n      HOST: localhost\n      KAFKA_LISTENERS: PLAINTEXT://localhost:9092\n' },
    {
      name: 'addresses for browsers and outside clients use the published ports',
      code: 'services:\n  web:\n    build: ./web\n    environment:\n      REACT_APP_API_URL: http://localhost:8080\n      NEXT_PUBLIC_DB_ADMIN_URL: http://localhost:8081\n      CORS_ORIGIN: http://localhost:3000\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092\n',
    },
    { name: 'an http URL to another app is not judged (a browser may use it)', code: 'services:\n  web:\n    build: .\n    environment:\n      API_URL: http://localhost:8080\n  api:\n    build: ./api\n    ports: ["8080:8080"]\n' },
    { name: 'a database service’s own tooling reaches itself', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGHOST: localhost\n      DATABASE_URL: postgres://localhost:5432/postgres\n' },
    { name: 'placeholders are not literals', code: 'services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: ${DATABASE_URL:-postgres://localhost/app}\n' },
    { name: 'a pulled all-in-one image may run its database inside itself', code: 'services:\n  wiki:\n    image: example/wiki-all-in-one:3.2\n    environment:\n      DATABASE_URL: postgres://wiki@localhost:5432/wiki\n' },
    { name: 'look-alike hosts', code: 'services:\n  app:\n    build: .\n    environment:\n      REDIS_HOST: localhost.internal.example.com\n      DB_HOST: mylocalhost\n' },
  ],
  invalid: [
    {
      name: 'a postgres URL and a postgres service: replaced with its name',
      code: `services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app@«localhost»:5432/app\n${DB}`,
      errors: [{ messageId: 'withTarget', data: { name: 'DATABASE_URL', host: 'localhost', service: 'app', target: 'db' } }],
      output: `services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n${DB}`,
    },
    {
      name: 'list form, quoted, port of a service that declares it',
      code: 'services:\n  worker:\n    build: .\n    environment:\n      - "OTEL_EXPORTER_OTLP_ENDPOINT=http://«127.0.0.1»:4317"\n  otel-collector:\n    image: otel/opentelemetry-collector-contrib:0.98.0\n    expose: ["4317"]\n',
      errors: [{ messageId: 'withTarget', data: { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', host: '127.0.0.1', service: 'worker', target: 'otel-collector' } }],
      output: 'services:\n  worker:\n    build: .\n    environment:\n      - "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317"\n  otel-collector:\n    image: otel/opentelemetry-collector-contrib:0.98.0\n    expose: ["4317"]\n',
    },
    {
      name: 'a host name alone, named after its family (flow style)',
      code: 'services:\n  app: { build: ., environment: { REDIS_HOST: «localhost», REDIS_PORT: "6379" } }\n  cache: { image: "redis:7-alpine" }\n',
      errors: [{ messageId: 'withTarget', data: { name: 'REDIS_HOST', host: 'localhost', service: 'app', target: 'cache' } }],
      output: 'services:\n  app: { build: ., environment: { REDIS_HOST: cache, REDIS_PORT: "6379" } }\n  cache: { image: "redis:7-alpine" }\n',
    },
    {
      name: 'a service whose name would read as another type is written quoted',
      code: 'services:\n  app:\n    build: .\n    environment:\n      REDIS_HOST: «localhost»\n  "true":\n    image: redis:7\n',
      errors: [{ messageId: 'withTarget', data: { name: 'REDIS_HOST', host: 'localhost', service: 'app', target: 'true' } }],
      output: 'services:\n  app:\n    build: .\n    environment:\n      REDIS_HOST: "true"\n  "true":\n    image: redis:7\n',
    },
    {
      name: 'the service named in the variable (DB_HOST → db, built from the project)',
      code: "services:\n  api:\n    build: .\n    environment:\n      DB_HOST: '«localhost»'\n  db:\n    build: ./db\n",
      errors: [{ messageId: 'withTarget', data: { name: 'DB_HOST', host: 'localhost', service: 'api', target: 'db' } }],
      output: "services:\n  api:\n    build: .\n    environment:\n      DB_HOST: 'db'\n  db:\n    build: ./db\n",
    },
    {
      name: 'ambiguous: two postgres services, no fix',
      code: 'services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: jdbc:postgresql://«localhost»/app\n  orders-db:\n    image: postgres:16\n  users-db:\n    image: postgres:16\n',
      errors: [{ messageId: 'noTarget', data: { name: 'DATABASE_URL', host: 'localhost', service: 'app' } }],
      output: null,
    },
    {
      name: 'no service of the file runs it: reported without a fix',
      code: 'services:\n  app:\n    build: .\n    environment:\n      - AMQP_URL=amqp://guest@«localhost»:5672\n',
      errors: [{ messageId: 'noTarget' }],
      output: null,
    },
    {
      name: 'a port published differently from the service port: no fix (the port would be wrong)',
      code: 'services:\n  app:\n    build: .\n    environment:\n      MONGO_URL: mongodb://«localhost»:27018/app\n  mongo:\n    image: mongo:7\n    ports: ["27018:27017"]\n',
      errors: [{ messageId: 'noTarget' }],
      output: null,
    },
    {
      name: 'a value shared through an anchor is reported and fixed once, at the anchor',
      code: 'x-env: &env\n  MONGO_URL: mongodb://«localhost»:27017/shop\nservices:\n  web:\n    build: .\n    environment: *env\n  jobs:\n    build: .\n    environment:\n      <<: *env\n  mongo:\n    image: mongo:7\n',
      errors: [{ messageId: 'withTarget', data: { name: 'MONGO_URL', host: 'localhost', service: 'web', target: 'mongo' } }],
      output: 'x-env: &env\n  MONGO_URL: mongodb://mongo:27017/shop\nservices:\n  web:\n    build: .\n    environment: *env\n  jobs:\n    build: .\n    environment:\n      <<: *env\n  mongo:\n    image: mongo:7\n',
    },
    {
      name: 'a value with escapes is reported whole',
      code: 'services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: «"postgres://localhost/app?x=\\u0041"»\n',
      errors: [{ messageId: 'noTarget' }],
      output: null,
    },
  ],
});
