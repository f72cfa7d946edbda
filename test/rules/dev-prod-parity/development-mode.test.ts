import rule from '../../../server/src/rules/dev-prod-parity/development-mode';
import { testRule } from '../../helpers/ruleTester';

const deployment = (env: string, labels = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${labels}
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          env:
${env}`;

testRule(rule, { kind: 'kubernetes', fileName: 'deploy/web.yaml' }, {
  valid: [
    deployment('            - name: NODE_ENV\n              value: production'),
    { name: 'DEBUG=* is the debug package’s log filter', code: deployment('            - name: DEBUG\n              value: "*"') },
    { name: 'DEBUG off', code: deployment('            - name: DEBUG\n              value: "false"') },
    { name: 'a value from a ConfigMap', code: deployment('            - name: NODE_ENV\n              valueFrom:\n                configMapKeyRef: { name: env, key: NODE_ENV }') },
    { name: 'a prod profile', code: deployment('            - name: SPRING_PROFILES_ACTIVE\n              value: prod,kubernetes') },
    { name: 'a placeholder', code: deployment('            - name: FLASK_ENV\n              value: ${FLASK_ENV}') },
    { name: 'labelled for a development environment', code: deployment('            - name: NODE_ENV\n              value: development', '\n  labels:\n    environment: development') },
    { name: 'a ConfigMap named for dev', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-dev-config\ndata:\n  NODE_ENV: development\n' },
  ],
  invalid: [
    {
      code: deployment('            - name: NODE_ENV\n              value: «development»\n            - name: DEBUG\n              value: «"True"»'),
      errors: [
        { messageId: 'developmentMode', data: { name: 'NODE_ENV', value: 'development', workload: 'web' } },
        { messageId: 'developmentMode', data: { name: 'DEBUG', value: 'True', workload: 'web' } },
      ],
      output: deployment('            - name: NODE_ENV\n              value: production\n            - name: DEBUG\n              value: "False"'),
    },
    {
      name: 'a dev profile among others has no single production value',
      code: deployment('            - name: SPRING_PROFILES_ACTIVE\n              value: «kubernetes,dev»\n            - name: GIN_MODE\n              value: «debug»'),
      errors: [
        { messageId: 'developmentMode', data: { name: 'SPRING_PROFILES_ACTIVE', value: 'kubernetes,dev', workload: 'web' } },
        { messageId: 'developmentMode', data: { name: 'GIN_MODE', value: 'debug', workload: 'web' } },
      ],
      output: deployment('            - name: SPRING_PROFILES_ACTIVE\n              value: kubernetes,dev\n            - name: GIN_MODE\n              value: release'),
    },
    {
      name: 'a ConfigMap loaded with envFrom',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  RAILS_ENV: «development»\n',
      errors: [{ messageId: 'developmentMode', data: { name: 'RAILS_ENV', value: 'development', workload: 'ConfigMap app-config' } }],
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  RAILS_ENV: production\n',
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'k8s/overlays/dev/web.yaml' }, {
  valid: [{ name: 'a dev overlay', code: deployment('            - name: NODE_ENV\n              value: development') }],
  invalid: [],
});

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'a service built for a development target', code: 'services:\n  api:\n    build:\n      context: api\n      target: development\n    environment:\n      - NODE_ENV=development\n' },
    { name: 'a service that mounts its own source for live reload', code: 'services:\n  api:\n    build: ./backend\n    volumes:\n      - ./backend/src:/code/src:ro\n    environment:\n      FLASK_ENV: development\n' },
    { name: 'a pulled image with production settings', code: 'services:\n  api:\n    image: example/api:1.2\n    environment:\n      NODE_ENV: production\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build: .\n    volumes:\n      - ./data:/var/lib/app\n    environment:\n      - NODE_ENV=«development»\n      - FLASK_DEBUG=«1»\n',
      errors: [
        { messageId: 'developmentMode', data: { name: 'NODE_ENV', value: 'development', workload: 'api' } },
        { messageId: 'developmentMode', data: { name: 'FLASK_DEBUG', value: '1', workload: 'api' } },
      ],
      output: 'services:\n  api:\n    build: .\n    volumes:\n      - ./data:/var/lib/app\n    environment:\n      - NODE_ENV=production\n      - FLASK_DEBUG=0\n',
    },
  ],
});

testRule(rule, { kind: 'compose', fileName: 'docker-compose.dev.yml' }, {
  valid: ['services:\n  api:\n    image: example/api:1.2\n    environment:\n      NODE_ENV: development\n'],
  invalid: [],
});

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: ['applications:\n- name: api\n  env:\n    RAILS_ENV: production\n'],
  invalid: [
    {
      code: 'applications:\n- name: api\n  env:\n    RAILS_ENV: «development»\n',
      errors: [{ messageId: 'developmentMode', data: { name: 'RAILS_ENV', value: 'development', workload: 'api' } }],
      output: 'applications:\n- name: api\n  env:\n    RAILS_ENV: production\n',
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    'spring:\n  profiles:\n    active: prod\n',
    { name: 'a dev profile document may include others', code: 'spring:\n  application:\n    name: shop\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  profiles:\n    include: local\n' },
    { name: 'a placeholder decides', code: 'spring:\n  profiles:\n    active: ${SPRING_PROFILES_ACTIVE:prod}\n' },
  ],
  invalid: [
    {
      code: 'spring:\n  application:\n    name: mall-portal\n  profiles:\n    active: «dev» #默认为开发环境\n',
      errors: [{ messageId: 'defaultProfile', data: { name: 'spring.profiles.active', value: 'dev' } }],
    },
    {
      name: 'a placeholder that defaults to dev',
      code: 'spring:\n  profiles:\n    active: «${SPRING_PROFILES_ACTIVE:dev}»\n',
      errors: [{ messageId: 'defaultProfile', data: { name: 'spring.profiles.active', value: '${SPRING_PROFILES_ACTIVE:dev}' } }],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-dev.properties' }, {
  valid: ['spring.profiles.active=dev,local\n'],
  invalid: [],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: ['spring.profiles.active=dev\n'],
  invalid: [],
});
