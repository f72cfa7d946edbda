import rule from '../../../server/src/rules/config/undeclared-env-var';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const compose = (...env: string[]) => lines('services:', '  api:', '    build: .', ...(env.length ? ['    environment:', ...env.map((e) => `      ${e}`)] : []));
const deployment = (image: string, ...container: string[]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api}', 'spec:', '  template:', '    spec:', '      containers:', `      - name: api`, `        image: ${image}`, ...container.map((c) => `        ${c}`));

// The tested file is /workspace/app/server.js; files are relative to /workspace/app.
testRule(rule, { kind: 'code', fileName: 'server.js' }, {
  valid: [
    { name: 'no manifest or template in the workspace: no contract to check against', code: 'const key = process.env.STRIPE_KEY;\n' },
    { name: 'provided by the compose service that builds this folder', code: 'const key = process.env.STRIPE_KEY;\n', files: { 'docker-compose.yml': compose('STRIPE_KEY: ${STRIPE_KEY}') } },
    { name: 'a read with a default', code: 'const port = process.env.PORT || 3000;\n', files: { 'docker-compose.yml': compose('A: b') } },
    { name: 'tested for presence', code: 'if (process.env.SENTRY_DSN) init(process.env.SENTRY_DSN);\n', files: { 'docker-compose.yml': compose('A: b') } },
    { name: 'a Dockerfile ENV in the folder', code: 'const mode = process.env.MODE;\n', files: { 'docker-compose.yml': compose('A: b'), Dockerfile: lines('FROM node:20', 'ENV MODE=production') } },
    { name: 'a compose env_file that holds it', code: 'const k = process.env.API_KEY;\n', files: { 'docker-compose.yml': lines('services:', '  api:', '    build: .', '    env_file: api.env'), 'api.env': 'API_KEY=\n' } },
    { name: 'a compose env_file that is not in the workspace may provide anything', code: 'const k = process.env.API_KEY;\n', files: { 'docker-compose.yml': lines('services:', '  api:', '    build: .', '    env_file: .env.production') } },
    { name: 'documented in .env.example', code: 'const k = process.env.API_KEY;\n', files: { '.env.example': 'API_KEY=\n' } },
    { name: 'Kubernetes envFrom of a ConfigMap in the workspace', code: 'const k = process.env.API_URL;\n', files: { '../deploy/api.yaml': deployment('acme/app:1', 'envFrom: [{configMapRef: {name: api-config}}]'), '../deploy/config.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: api-config}', 'data:', '  API_URL: http://x') } },
    { name: 'Kubernetes envFrom of a Secret that is not in the workspace may provide anything', code: 'const k = process.env.API_URL;\n', files: { '../deploy/api.yaml': deployment('acme/app:1', 'envFrom: [{secretRef: {name: api-secrets}}]') } },
    { name: 'set by the platform: PORT on Cloud Foundry', code: 'const port = process.env.PORT;\n', files: { 'manifest.yml': lines('applications:', '- name: api', '  env:', '    A: b') } },
    { name: 'set by the platform: a Kubernetes service link', code: 'const host = process.env.REDIS_SERVICE_HOST;\n', files: { '../deploy/api.yaml': deployment('acme/app:1', 'env: [{name: A, value: b}]') } },
    { name: 'a compose service that only pulls an image does not deploy this code', code: 'const k = process.env.API_KEY;\n', files: { 'docker-compose.yml': lines('services:', '  db:', '    image: postgres:16', '    environment: {POSTGRES_PASSWORD: x}') } },
    { name: 'a dev compose file alone makes no contract', code: 'const k = process.env.API_KEY;\n', files: { 'docker-compose.dev.yml': compose('A: b') } },
    { name: 'a test file', code: 'const k = process.env.API_KEY;\n', files: { 'docker-compose.yml': compose('A: b') }, options: { testFiles: ['server.js'] } },
  ],
  invalid: [
    {
      name: 'missing from the compose service that builds this folder',
      code: 'const key = process.env.«STRIPE_KEY»;\n',
      files: { 'docker-compose.yml': compose('DATABASE_URL: ${DATABASE_URL}') },
      errors: [{ messageId: 'undeclared', data: { name: 'STRIPE_KEY', files: 'docker-compose.yml' } }],
      output: 'const key = process.env.STRIPE_KEY;\n',
      otherOutputs: { '.env.example': 'STRIPE_KEY=\n' },
    },
    {
      name: 'missing from a Kubernetes workload whose image is built from this folder',
      code: 'const key = process.env.«STRIPE_KEY»;\n',
      files: { '../deploy/api.yaml': deployment('registry.example.com/acme/app:1.4', 'env: [{name: A, value: b}]'), Dockerfile: 'FROM node:20\n', '.env.example': 'A=\n' },
      errors: [{ messageId: 'undeclared', data: { name: 'STRIPE_KEY', files: 'app/.env.example, app/Dockerfile, deploy/api.yaml' } }],
      output: 'const key = process.env.STRIPE_KEY;\n',
      otherOutputs: { '.env.example': 'A=\nSTRIPE_KEY=\n' },
    },
    {
      name: 'only a build argument',
      code: 'const v = process.env.«VERSION»;\n',
      files: { 'docker-compose.yml': compose('A: b'), Dockerfile: lines('FROM node:20', 'ARG VERSION') },
      errors: [{ messageId: 'buildOnly', data: { name: 'VERSION', files: 'Dockerfile' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'src/main/java/app/Config.java' }, {
  valid: [
    {
      name: 'Spring relaxed binding: SPRING_DATASOURCE_URL satisfies ${spring.datasource.url}',
      code: 'class Config { @Value("${spring.datasource.url}") String url; }\n',
      files: { 'manifest.yml': lines('applications:', '- name: api', '  env:', '    SPRING_DATASOURCE_URL: ((db-url))') },
    },
    {
      name: 'a property key in the module\'s Spring file satisfies @Value',
      code: 'class Config { @Value("${app.timeout}") int timeout; }\n',
      files: { 'manifest.yml': lines('applications:', '- name: api', '  env: {A: b}'), 'src/main/resources/application.yml': lines('app:', '  timeout: 5') },
    },
    {
      name: 'a Spring property key without a Spring file in scope is not judged',
      code: 'class Config { @Value("${app.timeout}") int timeout; }\n',
      files: { 'manifest.yml': lines('applications:', '- name: api', '  env: {A: b}') },
    },
  ],
  invalid: [
    {
      name: 'a System.getenv the CF manifest does not set',
      code: 'class Config { String k = System.getenv("«API_KEY»"); }\n',
      files: { 'manifest.yml': lines('applications:', '- name: api', '  env:', '    A: b') },
      errors: [{ messageId: 'undeclared', data: { name: 'API_KEY', files: 'manifest.yml' } }],
      output: 'class Config { String k = System.getenv("API_KEY"); }\n',
      otherOutputs: { '.env.example': 'API_KEY=\n' },
    },
  ],
});
