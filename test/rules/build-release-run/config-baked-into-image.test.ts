import rule from '../../../server/src/rules/build-release-run/config-baked-into-image';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20-alpine\nENV NODE_ENV=production PORT=8080 PATH=/app/node_modules/.bin:$PATH\nCMD ["node", "server.js"]',
    'FROM eclipse-temurin:21-jre\nENV JAVA_HOME=/opt/java/openjdk SPRING_PROFILES_ACTIVE=prod',
    { name: 'package-manager settings configure the build', code: 'FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.prod.example.com/simple NPM_CONFIG_REGISTRY=https://npm.prod.example.com/ GOPROXY=https://proxy.prod.example.com' },
    { name: 'references are resolved at runtime', code: 'FROM node:20\nENV DATABASE_URL=${DATABASE_URL} REDIS_URL=$REDIS_URL\nENV DB_HOST=${DB_HOST:-localhost}' },
    { name: 'a credentialed URL is left to config/secret-in-image', code: 'FROM node:20\nENV DATABASE_URL=postgres://app:pa55word@db:5432/app' },
    { name: 'an address with no environment label and no backing-service scheme', code: 'FROM node:20\nENV API_URL=https://api.example.com/v1 SEARCH_HOST=elasticsearch' },
    { name: 'an environment word that is only part of a label', code: 'FROM node:20\nENV API_URL=https://backstage.example.com PRODUCT_HOST=products.example.com' },
    { name: 'an environment label in a name that is not an address', code: 'FROM node:20\nENV DEPLOY_TARGET=prod.example.com' },
    { name: 'an embedded database is not a backing service', code: 'FROM eclipse-temurin:21\nENV SPRING_DATASOURCE_URL=jdbc:h2:mem:testdb H2_URL=jdbc:h2:tcp://localhost/~/test' },
    { name: 'a local socket', code: 'FROM python:3.12\nENV DATABASE_URL=postgres:///app' },
    { name: 'a service port, a service name that is no host, a host of no known service', code: 'FROM python:3.12\nENV REDIS_PORT=6379 REDISPORT=6379 POSTGRES_DB=app CACHE_HOST=memory' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nENV DATABASE_URL=«postgres://db:5432/app»\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'backingService', data: { name: 'DATABASE_URL', scheme: 'postgres', host: 'db' } }],
      output: 'FROM node:20\nCMD ["node", "server.js"]',
    },
    {
      name: 'several pairs: only the address goes',
      code: 'FROM node:20\nENV NODE_ENV=production REDIS_URL=«redis://cache.internal:6379/0» PORT=8080\n',
      errors: [{ messageId: 'backingService', data: { name: 'REDIS_URL', scheme: 'redis', host: 'cache.internal' } }],
      output: 'FROM node:20\nENV NODE_ENV=production PORT=8080\n',
    },
    {
      name: 'scheme variants and JDBC',
      code: 'FROM eclipse-temurin:21\nENV MONGO_URI=«"mongodb+srv://cluster0.example.net/app"» \\\n    SPRING_DATASOURCE_URL=«jdbc:postgresql://pg:5432/app»\n',
      errors: [
        { messageId: 'backingService', data: { name: 'MONGO_URI', scheme: 'mongodb+srv', host: 'cluster0.example.net' } },
        { messageId: 'backingService', data: { name: 'SPRING_DATASOURCE_URL', scheme: 'jdbc:postgresql', host: 'pg' } },
      ],
      output: 'FROM eclipse-temurin:21\nENV SPRING_DATASOURCE_URL=jdbc:postgresql://pg:5432/app\n',
    },
    {
      name: 'a message queue address',
      code: 'FROM python:3.12\nENV CELERY_BROKER_URL=«amqp://rabbitmq:5672//»\n',
      errors: [{ messageId: 'backingService', data: { name: 'CELERY_BROKER_URL', scheme: 'amqp', host: 'rabbitmq' } }],
      output: 'FROM python:3.12\n',
    },
    {
      name: 'an environment-specific host',
      code: 'FROM node:20\nENV API_BASE_URL=«https://api.staging.example.com/v1»\nENV PAYMENTS_HOST=«payments-prod.internal:8443»\n',
      errors: [
        { messageId: 'environmentSpecific', data: { name: 'API_BASE_URL', environment: 'staging', host: 'api.staging.example.com' } },
        { messageId: 'environmentSpecific', data: { name: 'PAYMENTS_HOST', environment: 'prod', host: 'payments-prod.internal' } },
      ],
      output: 'FROM node:20\n',
    },
    {
      name: 'legacy ENV form',
      code: 'FROM node:20\nENV SENTRY_DSN «https://abc@o1.ingest.qa.example.io/42»\n',
      errors: [{ messageId: 'environmentSpecific', data: { name: 'SENTRY_DSN', environment: 'qa', host: 'o1.ingest.qa.example.io' } }],
      output: 'FROM node:20\n',
    },
    {
      name: 'the host of a named backing service, also glued',
      code: 'FROM python:3.12\nENV REDISHOST=«redis» REDISPORT=6379\nENV MYSQL_HOST «127.0.0.1»\n',
      errors: [
        { messageId: 'serviceHost', data: { name: 'REDISHOST', family: 'redis', host: 'redis' } },
        { messageId: 'serviceHost', data: { name: 'MYSQL_HOST', family: 'mysql', host: '127.0.0.1' } },
      ],
      output: 'FROM python:3.12\nENV REDISPORT=6379\n',
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: [{ name: 'a development image may point at a local service', code: 'FROM python:3.12\nENV REDIS_HOST=localhost\n' }],
  invalid: [],
});
