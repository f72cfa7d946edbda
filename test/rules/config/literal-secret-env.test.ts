import rule from '../../../server/src/rules/config/literal-secret-env';
import { testRule } from '../../helpers/ruleTester';

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');
const lines = (...l: string[]) => l.join('\n') + '\n';

/** A Deployment named `api` whose one container has the given env lines (indented under `env:`). */
const deployment = (...env: string[]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          image: example/api:1.2.3', '          env:', ...env.map((e) => `            ${e}`));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'a secretKeyRef', code: deployment('- name: DB_PASSWORD', '  valueFrom:', '    secretKeyRef: {name: db, key: password}') },
    { name: 'envFrom a Secret and a configMapKeyRef', code: deployment('- name: API_TOKEN', '  valueFrom: {configMapKeyRef: {name: cfg, key: token}}') + '          envFrom:\n            - secretRef: {name: api-env}\n' },
    { name: 'dependent env $(VAR) and envsubst ${VAR}', code: deployment('- name: DB_PASSWORD', '  value: $(POSTGRES_PASSWORD)', '- name: API_KEY', '  value: "${API_KEY}"', '- name: DATABASE_URL', '  value: postgres://app:$(DB_PASSWORD)@db:5432/app') },
    { name: 'a Helm value', code: deployment('- name: DB_PASSWORD', '  value: {{ .Values.db.password | quote }}', '- name: API_TOKEN', '  value: "{{ .Values.apiToken }}"') },
    { name: 'empty values', code: deployment('- name: DB_PASSWORD', '  value: ""', '- name: API_TOKEN', '- name: SECRET_KEY', '  value:') },
    { name: 'documentation placeholders', code: deployment('- name: DB_PASSWORD', '  value: changeme', '- name: SIGNING_KEY', '  value: CHANGEME00000000', '- name: HF_TOKEN', '  value: "HF_TOKEN"', '- name: API_KEY', '  value: "<your-api-key>"') },
    { name: 'file paths to mounted secrets', code: deployment('- name: GOOGLE_APPLICATION_CREDENTIALS', '  value: /var/secrets/google/key.json', '- name: DB_PASSWORD_FILE', '  value: /run/secrets/db-password') },
    { name: 'durations, numbers and switches under token names', code: deployment('- name: TOKEN_TTL', '  value: "3600"', '- name: SECRET_REFRESH_INTERVAL', '  value: 30s', '- name: TOKEN_REFRESH', '  value: "900"', '- name: SESSION_SECRET_ROTATE', '  value: "true"') },
    { name: "MinIO's access key is its user name", code: deployment('- name: MINIO_ACCESS_KEY', '  value: minio') },
    { name: 'ordinary settings', code: deployment('- name: LOG_LEVEL', '  value: info', '- name: PORT', '  value: "8080"') },
  ],
  invalid: [
    {
      name: 'block and flow entries: valueFrom.secretKeyRef in the same style, a trailing comment kept',
      code: deployment('- name: DB_PASSWORD', '  value: «"pa55word-123"»   # from the wiki', '- {name: API_TOKEN, value: «t0ken-value-99»}', '- name: LOG_LEVEL', '  value: info'),
      errors: [
        { messageId: 'kubernetes', data: { name: 'DB_PASSWORD', label: 'password', masked: 'pa****', variable: 'api-secrets' } },
        { messageId: 'kubernetes', data: { name: 'API_TOKEN', label: 'token', masked: 't0****', variable: 'api-secrets' } },
      ],
      output: deployment('- name: DB_PASSWORD', '  valueFrom:', '    secretKeyRef:', '      name: api-secrets', '      key: DB_PASSWORD   # from the wiki', '- {name: API_TOKEN, valueFrom: { secretKeyRef: { name: api-secrets, key: API_TOKEN } }}', '- name: LOG_LEVEL', '  value: info'),
    },
    {
      name: 'a credentialed URL and a token format under an ordinary name',
      code: deployment('- name: DATABASE_URL', '  value: «postgres://app:pa55word@db:5432/app»', '- name: GH_AUTH', `  value: «${GITHUB_TOKEN}»`),
      errors: [
        { messageId: 'kubernetes', data: { name: 'DATABASE_URL', label: 'URL with a password', masked: 'postgres://app:pa****@db:5432/app', variable: 'api-secrets' } },
        { messageId: 'kubernetes', data: { name: 'GH_AUTH', label: 'GitHub token', masked: 'gh****', variable: 'api-secrets' } },
      ],
      output: deployment('- name: DATABASE_URL', '  valueFrom:', '    secretKeyRef:', '      name: api-secrets', '      key: DATABASE_URL', '- name: GH_AUTH', '  valueFrom:', '    secretKeyRef:', '      name: api-secrets', '      key: GH_AUTH'),
    },
    {
      name: 'a generated-looking value under a weak name (an access key)',
      code: deployment('- name: ACCESS_KEY', '  value: «8312341g-5678-abcd-4a2b2c-33bcsd655»'),
      errors: [{ messageId: 'kubernetes', data: { name: 'ACCESS_KEY', label: 'key', masked: '83****', variable: 'api-secrets' } }],
      output: deployment('- name: ACCESS_KEY', '  valueFrom:', '    secretKeyRef:', '      name: api-secrets', '      key: ACCESS_KEY'),
    },
    {
      name: 'a CronJob init container, with CRLF line ends',
      code: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: nightly-report}', 'spec:', '  schedule: "0 3 * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '          - name: fetch', '            env:', '            - name: SMTP_PASSWORD', '              value: «hunter2-smtp»').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'kubernetes', data: { name: 'SMTP_PASSWORD', label: 'password', masked: 'hu****', variable: 'nightly-report-secrets' } }],
      output: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: nightly-report}', 'spec:', '  schedule: "0 3 * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '          - name: fetch', '            env:', '            - name: SMTP_PASSWORD', '              valueFrom:', '                secretKeyRef:', '                  name: nightly-report-secrets', '                  key: SMTP_PASSWORD').replace(/\n/g, '\r\n'),
    },
    {
      name: 'an item of a kind: List',
      code: lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: debug}', '  spec:', '    containers:', '    - name: shell', '      env: [{name: REDIS_PASSWORD, value: «r3dis-pass»}]'),
      errors: [{ messageId: 'kubernetes', data: { name: 'REDIS_PASSWORD', label: 'password', masked: 'r3****', variable: 'debug-secrets' } }],
      output: lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: debug}', '  spec:', '    containers:', '    - name: shell', '      env: [{name: REDIS_PASSWORD, valueFrom: { secretKeyRef: { name: debug-secrets, key: REDIS_PASSWORD } }}]'),
    },
    {
      name: 'an env item shared through an anchor: reported once, at the anchor, and fixed there',
      code: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: pair}', 'spec:', '  containers:', '  - name: a', '    env:', '    - &db {name: DB_PASSWORD, value: «s3cret-db-pass»}', '  - name: b', '    env:', '    - *db'),
      errors: [
        { messageId: 'kubernetes', data: { name: 'DB_PASSWORD', label: 'password', masked: 's3****', variable: 'pair-secrets' } },
      ],
      output: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: pair}', 'spec:', '  containers:', '  - name: a', '    env:', '    - &db {name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: pair-secrets, key: DB_PASSWORD } }}', '  - name: b', '    env:', '    - *db'),
    },
    {
      name: 'a value merged in with <<: the anchor map keeps its block style',
      code: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: merged}', 'spec:', '  containers:', '  - name: a', '    env:', '    - &base', '      name: API_KEY', '      value: «k3y-v4lue-1234»', '  - name: b', '    env:', '    - {<<: *base, name: API_KEY}'),
      errors: [
        { messageId: 'kubernetes', data: { name: 'API_KEY', label: 'key', masked: 'k3****', variable: 'merged-secrets' } },
      ],
      output: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: merged}', 'spec:', '  containers:', '  - name: a', '    env:', '    - &base', '      name: API_KEY', '      valueFrom:', '        secretKeyRef:', '          name: merged-secrets', '          key: API_KEY', '  - name: b', '    env:', '    - {<<: *base, name: API_KEY}'),
    },
    {
      name: 'a scalar anchor and its alias: reported once, with no fix (the alias would dangle)',
      code: deployment('- name: DB_PASSWORD', '  value: &pw «pa55word-123»', '- name: PGPASSWORD', '  value: *pw'),
      errors: [
        { messageId: 'kubernetes', data: { name: 'DB_PASSWORD', label: 'password', masked: 'pa****', variable: 'api-secrets' } },
      ],
      output: null,
    },
    {
      name: 'a literal in a Helm template: the Secret is named after the container',
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ include "app.fullname" . }}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: worker', '          env:', '            - name: API_SECRET', '              value: «s3cr3t-api»', '            {{- with .Values.extraEnv }}', '            {{- toYaml . | nindent 12 }}', '            {{- end }}'),
      errors: [{ messageId: 'kubernetes', data: { name: 'API_SECRET', label: 'secret', masked: 's3****', variable: 'worker-secrets' } }],
      output: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ include "app.fullname" . }}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: worker', '          env:', '            - name: API_SECRET', '              valueFrom:', '                secretKeyRef:', '                  name: worker-secrets', '                  key: API_SECRET', '            {{- with .Values.extraEnv }}', '            {{- toYaml . | nindent 12 }}', '            {{- end }}'),
    },
  ],
});

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: [
    { name: 'a ((var)) and a bound service', code: lines('applications:', '- name: api', '  services: [db]', '  env:', '    DB_PASSWORD: ((db-password))', '    API_KEY: "((api-key))"') },
    { name: 'empty and placeholder values', code: lines('applications:', '- name: api', '  env:', '    DB_PASSWORD:', '    API_TOKEN: changeme', '    JWT_SECRET: ""') },
  ],
  invalid: [
    {
      name: 'plain and quoted literals become ((var)) placeholders, quotes kept',
      code: lines('applications:', '- name: api', '  instances: 2', '  env:', '    DB_PASSWORD: «s3cret-pass»', '    STRIPE_API_KEY: «"k3y-v4lue-1234"»', '    MYSQL_PASSWORD: «123456»'),
      errors: [
        { messageId: 'cloudFoundry', data: { name: 'DB_PASSWORD', label: 'password', masked: 's3****', variable: 'db-password' } },
        { messageId: 'cloudFoundry', data: { name: 'STRIPE_API_KEY', label: 'key', masked: 'k3****', variable: 'stripe-api-key' } },
        { messageId: 'cloudFoundry', data: { name: 'MYSQL_PASSWORD', label: 'default password', masked: '1****', variable: 'mysql-password' } },
      ],
      output: lines('applications:', '- name: api', '  instances: 2', '  env:', '    DB_PASSWORD: ((db-password))', '    STRIPE_API_KEY: "((stripe-api-key))"', '    MYSQL_PASSWORD: ((mysql-password))'),
    },
  ],
});

testRule(rule, { kind: 'compose', fileName: 'compose.yaml' }, {
  valid: [
    { name: 'interpolation, pass-through and env_file', code: lines('services:', '  api:', '    build: .', '    env_file: .env', '    environment:', '      DB_PASSWORD: ${DB_PASSWORD}', '      API_KEY: ${API_KEY:-}', '      SESSION_SECRET:') },
    { name: 'list form references and the *_FILE convention', code: lines('services:', '  db:', '    image: postgres:16', '    environment:', '      - POSTGRES_PASSWORD_FILE=/run/secrets/db_password', '      - POSTGRES_USER=app', '      - API_TOKEN', '      - JWT_SECRET=${JWT_SECRET:?set it in .env}') },
  ],
  invalid: [
    {
      name: 'a map entry: ${VAR}, and .env.example created',
      code: lines('services:', '  api:', '    build: .', '    environment:', '      DB_PASSWORD: «postgres»', '      LOG_LEVEL: debug'),
      errors: [{ messageId: 'compose', data: { name: 'DB_PASSWORD', label: 'default password', masked: 'po****', variable: 'DB_PASSWORD' } }],
      output: lines('services:', '  api:', '    build: .', '    environment:', '      DB_PASSWORD: ${DB_PASSWORD}', '      LOG_LEVEL: debug'),
      otherOutputs: { '.env.example': 'DB_PASSWORD=\n' },
    },
    {
      name: 'a list item: the whole item is rewritten; .env.example gains a line',
      code: lines('services:', '  db:', '    image: postgres:16', '    environment:', '      - POSTGRES_USER=app', '      - "POSTGRES_PASSWORD=«pa55 word»"'),
      files: { '.env.example': 'POSTGRES_USER=' },
      errors: [{ messageId: 'compose', data: { name: 'POSTGRES_PASSWORD', label: 'password', masked: 'pa****', variable: 'POSTGRES_PASSWORD' } }],
      output: lines('services:', '  db:', '    image: postgres:16', '    environment:', '      - POSTGRES_USER=app', '      - "POSTGRES_PASSWORD=${POSTGRES_PASSWORD}"'),
      otherOutputs: { '.env.example': 'POSTGRES_USER=\nPOSTGRES_PASSWORD=\n' },
    },
    {
      name: '.env.example already lists the variable; a dotted name becomes a shell name',
      code: lines('services:', '  app:', '    build: .', '    environment:', '      spring.datasource.password: «sp1ng-pass»'),
      files: { '.env.example': 'SPRING_DATASOURCE_PASSWORD=\n' },
      errors: [{ messageId: 'compose', data: { name: 'spring.datasource.password', label: 'password', masked: 'sp****', variable: 'SPRING_DATASOURCE_PASSWORD' } }],
      output: lines('services:', '  app:', '    build: .', '    environment:', '      spring.datasource.password: ${SPRING_DATASOURCE_PASSWORD}'),
    },
    {
      name: 'an environment shared through an anchor: reported once and fixed at the anchor',
      code: lines('x-db-env: &db-env', '  POSTGRES_PASSWORD: «postgres»', 'services:', '  db:', '    image: postgres:16', '    environment: *db-env', '  migrate:', '    build: .', '    environment: *db-env'),
      errors: [
        { messageId: 'compose', data: { name: 'POSTGRES_PASSWORD', label: 'default password', masked: 'po****', variable: 'POSTGRES_PASSWORD' } },
      ],
      output: lines('x-db-env: &db-env', '  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}', 'services:', '  db:', '    image: postgres:16', '    environment: *db-env', '  migrate:', '    build: .', '    environment: *db-env'),
      otherOutputs: { '.env.example': 'POSTGRES_PASSWORD=\n' },
    },
  ],
});

testRule(rule, { kind: 'compose', fileName: 'docker-compose.test.yml' }, {
  valid: [
    { name: "a test compose file's throwaway database password is no leak", code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      DATABASE_URL: postgres://app:app@db:5432/app\n' },
  ],
  invalid: [
    {
      name: 'a provider token is a leak in any compose file',
      code: `services:\n  api:\n    build: .\n    environment:\n      GH_TOKEN: «${GITHUB_TOKEN}»\n`,
      errors: [{ messageId: 'compose', data: { name: 'GH_TOKEN', label: 'GitHub token', masked: 'gh****', variable: 'GH_TOKEN' } }],
      output: 'services:\n  api:\n    build: .\n    environment:\n      GH_TOKEN: ${GH_TOKEN}\n',
      otherOutputs: { '.env.example': 'GH_TOKEN=\n' },
    },
  ],
});
