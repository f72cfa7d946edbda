import rule from '../../../server/src/rules/disposability/missing-healthcheck';
import { testRule } from '../../helpers/ruleTester';

const waitsFor = (service: string) => `  web:\n    build: ./web\n    depends_on:\n      ${service}:\n        condition: service_healthy\n`;

testRule(rule, { kind: 'compose', fileName: 'compose.yaml' }, {
  valid: [
    {
      name: 'the dependency has a healthcheck',
      code: `services:\n${waitsFor('db')}  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 5s\n`,
    },
    { name: 'depends_on without a condition only orders start-up', code: 'services:\n  web:\n    build: .\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n' },
    { name: 'service_started needs no healthcheck', code: 'services:\n  web:\n    build: .\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:16\n' },
    {
      name: 'the image built for the service defines a HEALTHCHECK',
      code: `services:\n${waitsFor('api')}  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n`,
      files: { 'api/Dockerfile.prod': 'FROM node:20-alpine\nCOPY . .\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n' },
    },
    {
      name: 'the HEALTHCHECK of the stage the build targets, inherited from an earlier stage',
      code: `services:\n${waitsFor('api')}  api:\n    build:\n      context: ./api\n      target: runtime\n`,
      files: { 'api/Dockerfile': 'FROM node:20 AS base\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nFROM base AS runtime\nCMD ["node", "server.js"]\nFROM base AS test\nHEALTHCHECK NONE\n' },
    },
    { name: 'a Dockerfile that cannot be read: unknown, so not flagged', code: `services:\n${waitsFor('api')}  api:\n    build: ./api\n` },
    { name: 'a pulled image of unknown make may define its own HEALTHCHECK', code: `services:\n${waitsFor('config')}  config:\n    image: sqshq/piggymetrics-config\n` },
    { name: 'extends may bring the healthcheck', code: `services:\n${waitsFor('db')}  db:\n    extends:\n      file: common.yml\n      service: db\n` },
    { name: 'a dependency defined in another compose file', code: `services:\n${waitsFor('db')}` },
  ],
  invalid: [
    {
      code: `services:\n${waitsFor('db')}  «db»:\n    image: postgres:16\n`,
      errors: [{ messageId: 'noHealthcheck', data: { dependents: '"web"', service: 'db' } }],
    },
    {
      name: 'every waiting service is named; a healthcheck without test relies on the image',
      code: `services:\n${waitsFor('cache')}  worker:\n    build: ./worker\n    depends_on: { cache: { condition: service_healthy } }\n  «cache»:\n    image: redis:7\n    healthcheck:\n      interval: 5s\n`,
      errors: [{ messageId: 'noHealthcheck', data: { dependents: '"web", "worker"', service: 'cache' } }],
    },
    {
      name: 'a disabled healthcheck',
      code: `services:\n${waitsFor('db')}  «db»:\n    image: mysql:8.4\n    healthcheck:\n      disable: true\n`,
      errors: [{ messageId: 'disabled', data: { dependents: '"web"', service: 'db' } }],
    },
    {
      name: 'test: NONE switches the image’s check off',
      code: `services:\n${waitsFor('api')}  «api»:\n    build: ./api\n    healthcheck:\n      test: ["NONE"]\n`,
      files: { 'api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/\n' },
      errors: [{ messageId: 'disabled' }],
    },
    {
      name: 'the built image has no HEALTHCHECK in its target stage',
      code: `services:\n${waitsFor('api')}  «api»:\n    build: ./api\n`,
      files: { 'api/Dockerfile': 'FROM node:20 AS dev\nHEALTHCHECK CMD curl -f http://localhost/\nFROM node:20-alpine\nCMD ["node", "server.js"]\n' },
      errors: [{ messageId: 'noHealthcheck', data: { dependents: '"web"', service: 'api' } }],
    },
    {
      name: 'HEALTHCHECK NONE in the Dockerfile',
      code: `services:\n${waitsFor('api')}  «api»:\n    build:\n      context: ./api\n      dockerfile_inline: |\n        FROM node:20\n        HEALTHCHECK NONE\n`,
      errors: [{ messageId: 'noHealthcheck' }],
    },
  ],
});
