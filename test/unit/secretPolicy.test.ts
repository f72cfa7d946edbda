import * as assert from 'node:assert/strict';
import { lintText } from '../helpers/engineHarness';

// One secret policy, every family: the same name/value pair gets the same verdict in a Dockerfile ENV,
// a Kubernetes, Cloud Foundry or compose env entry, a ConfigMap, a .env file, a Spring property and
// the fallback of an env read in code. Fake values are assembled at run time for secret scanners.
const HEX64 = '0123456789abcdef'.repeat(4);
const GENERATED = 'q7Zr2kLp9XwB4mTn6VcY8sDf';
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');

const SECRET_RULES = new Set(['config/secret-in-image', 'config/literal-secret-env', 'config/committed-env-file', 'config/literal-secret-property', 'config/secret-in-configmap', 'config/hardcoded-secret']);

/** A family: how to write one name/value pair, in a release file and in one named for development. */
interface Family {
  family: string;
  file: string;
  devFile: string;
  text: (name: string, value: string) => string;
}

const q = (value: string) => JSON.stringify(value);
const FAMILIES: Family[] = [
  { family: 'Dockerfile ENV', file: 'Dockerfile', devFile: 'Dockerfile.dev', text: (n, v) => `FROM node:20\nENV ${n}=${q(v)}\n` },
  {
    family: 'Kubernetes env',
    file: 'k8s/deployment.yaml',
    devFile: 'k8s/dev/deployment.yaml',
    text: (n, v) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1.0\n          env:\n            - name: ${n}\n              value: ${q(v)}\n`,
  },
  { family: 'ConfigMap', file: 'k8s/config.yaml', devFile: 'k8s/config.test.yaml', text: (n, v) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  ${n}: ${q(v)}\n` },
  { family: 'Cloud Foundry env', file: 'manifest.yml', devFile: 'manifest-dev.yml', text: (n, v) => `applications:\n- name: api\n  env:\n    ${n}: ${q(v)}\n` },
  { family: 'compose environment', file: 'docker-compose.yml', devFile: 'docker-compose.dev.yml', text: (n, v) => `services:\n  api:\n    build: .\n    environment:\n      ${n}: ${q(v)}\n` },
  { family: '.env file', file: '.env', devFile: '.env.development', text: (n, v) => `${n}=${v}\n` },
  { family: 'Spring property', file: 'src/main/resources/application.properties', devFile: 'src/main/resources/application-dev.properties', text: (n, v) => `${n}=${v}\n` },
  { family: 'env read in code', file: 'app/config.py', devFile: 'app/settings_dev.py', text: (n, v) => `import os\n\n${n.toLowerCase()} = os.getenv(${q(n)}, ${q(v)})\n` },
];

// [name, value, is a secret, is a weak or default credential (lenient in files named for development or tests)]
const PAIRS: [string, string, boolean, boolean][] = [
  // Weak and default credentials are committed credentials.
  ['DB_PASSWORD', 'postgres', true, true],
  ['DB_PASSWORD', 'password', true, true],
  ['JWT_SECRET', 'secret', true, true],
  ['RABBITMQ_DEFAULT_PASS', 'guest', true, true],
  ['KEYCLOAK_ADMIN_PASSWORD', 'keycloak', true, true],
  ['DB_PASSWORD', 'pa55word-123', true, true],
  // Glued and key-named names.
  ['DBPASS', 'hunter2hunter2', true, true],
  ['ADMINPASSWD', 's3cr3t-admin', true, true],
  ['SMTPPASS', 'mailpass99', true, true],
  ['PASSWD', 'tr0ub4dor-3', true, true],
  ['SECRET_KEY_BASE', HEX64, true, true],
  ['ENCRYPTION_KEY', 'k3y-for-aes-256', true, true],
  ['JWT_SIGNING_KEY', 'signing-key-2024', true, true],
  ['AIRFLOW__CORE__FERNET_KEY', GENERATED, true, true],
  ['MAPS_KEY', GENERATED, true, true],
  // A provider token matters in every file.
  ['SOME_SETTING', GITHUB_TOKEN, true, false],
  // Placeholders and references.
  ['DB_PASSWORD', '', false, false],
  ['DB_PASSWORD', 'changeme', false, false],
  ['API_TOKEN', '<your-token>', false, false],
  ['DB_PASSWORD', '${DB_PASSWORD}', false, false],
  ['DB_PASSWORD', '((db-password))', false, false],
  ['DB_PASSWORD', 'db_password', false, false],
  // Weak names decide by the value's shape.
  ['KEY_PREFIX', 'app', false, false],
  ['CACHE_KEY', 'users', false, false],
  ['MAPS_KEY', 'streets', false, false],
  // Not secrets: module paths, glued look-alikes, file paths, durations and switches.
  ['AUTH_BACKENDS', 'pkg.mod.basic_auth,pkg.mod.session', false, false],
  ['AUTH_TOKEN_CLASSES', 'rest_framework_simplejwt.tokens.AccessToken', false, false],
  ['BYPASS', 'maintenance-mode', false, false],
  ['JWT_SECRET_LOCATION', 'certs/jwt/private.pem', false, false],
  ['JWT_PRIVATE_KEY', 'certs/jwt/private.pem', false, false],
  ['SESSION_TOKEN_REFRESH', '1h30m', false, false],
  ['SESSION_SECRET', 'true', false, false],
];

const secretFindings = (file: string, text: string) => lintText(file, text).filter((f) => SECRET_RULES.has(f.ruleId));

describe('one secret policy, every family', () => {
  for (const [name, value, secret, lenient] of PAIRS) {
    const shown = secret ? `${value.slice(0, 2)}…` : value;
    it(`${name}=${shown} is ${secret ? 'a secret' : 'no secret'} in every family`, () => {
      for (const family of FAMILIES) {
        const found = secretFindings(family.file, family.text(name, value));
        assert.equal(found.length, secret ? 1 : 0, `${family.family}: ${found.map((f) => f.message).join('; ') || 'no finding'}`);
      }
    });
    if (!secret) continue;
    it(`${name}=${shown} ${lenient ? 'is lenient' : 'is still reported'} in files named for development or tests`, () => {
      for (const family of FAMILIES) {
        const found = secretFindings(family.devFile, family.text(name, value));
        assert.equal(found.length, lenient ? 0 : 1, `${family.family} (${family.devFile}): ${found.map((f) => f.message).join('; ') || 'no finding'}`);
      }
    });
  }
  it('a default credential is called one', () => {
    for (const family of FAMILIES) {
      const [finding] = secretFindings(family.file, family.text('DB_PASSWORD', 'postgres'));
      assert.match(finding?.message ?? '', /default password/, family.family);
    }
  });
  it('a heredoc marker in a Dockerfile is no value', () => {
    assert.deepEqual(secretFindings('Dockerfile', 'FROM alpine\nENV JWT_SECRET=<<EOF\n'), []);
  });
});
