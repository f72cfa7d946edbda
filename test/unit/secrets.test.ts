import * as assert from 'node:assert/strict';
import { isHighEntropy, tokenFormat } from '../../server/src/analysis/secretFormats';
import { detectSecret, isNotSecretShape, isPlaceholderValue, isSecretName, maskSecret, secretNameStrength, urlCredentials } from '../../server/src/analysis/secrets';

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');
const AWS_KEY = 'AKIA' + 'Q2W3E4R5T6Y7U8I9';
const HEX32 = '0123456789abcdef'.repeat(2);
const ALNUM = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ'; // 26 characters, no repeats of a pattern a format needs

/** Provider formats: [label, a fake value of that format]. Assembled at run time, never real. */
const FORMAT_SAMPLES: [string, string][] = [
  ['Twilio API key', 'SK' + HEX32],
  ['OpenAI key', ['sk', 'proj', ALNUM + ALNUM].join('-')],
  ['OpenAI key', 'sk-' + ALNUM.slice(0, 20) + 'T3BlbkFJ' + ALNUM.slice(0, 20)],
  ['Anthropic key', ['sk', 'ant', 'api03', (ALNUM + ALNUM + ALNUM + ALNUM).slice(0, 90)].join('-')],
  ['Azure storage account key', 'DefaultEndpointsProtocol=https;AccountName=app;AccountKey=' + (ALNUM + ALNUM + ALNUM + ALNUM).slice(0, 86) + '==;EndpointSuffix=core.windows.net'],
  ['Azure client secret', 'abc8Q~' + (ALNUM + ALNUM).slice(0, 34)],
  ['Hugging Face token', 'hf_' + 'abcdefghijklmnopqrstuvwxyzABCDEFGH'],
  ['Google OAuth client secret', 'GOCSPX-' + ALNUM.slice(0, 28).padEnd(28, 'x')],
  ['Docker Hub token', 'dckr_pat_' + ALNUM.slice(0, 27).padEnd(27, 'x')],
  ['DigitalOcean token', 'dop_v1_' + HEX32 + HEX32],
  ['Shopify token', 'shpat_' + HEX32],
];

describe('secrets', () => {
  describe('isSecretName', () => {
    for (const name of [
      'DB_PASSWORD', 'dbPassword', 'spring.datasource.password', 'NPM_TOKEN', 'API_KEY', 'SECRET_KEY_BASE', 'SSH_KEY', 'DEPLOY_KEY', 'SSH_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY',
      'DBPASS', 'SMTPPASS', 'ADMINPASSWD', 'PASSWD', 'ADMINPWD', 'ENCRYPTION_KEY', 'JWT_SIGNING_KEY', 'AIRFLOW__CORE__FERNET_KEY', 'JWT_KEY', 'MAPS_KEY',
    ]) {
      it(`${name} is a secret name`, () => assert.equal(isSecretName(name), true));
    }
    for (const name of [
      'PWD', 'GPG_KEY', 'CACHE_KEY', 'DB_PASSWORD_FILE', 'TOKEN_URL', 'MAX_TOKENS', 'PASSWORD_RESET_TIMEOUT',
      'ACCESS_TOKEN_EXPIRE_MINUTES', 'SESSION_TOKEN_SECONDS', 'PASSENGER_APP_ENV', 'TOKENIZERS_PARALLELISM', 'MYSQL_ALLOW_EMPTY_PASSWORD',
      'SECRET_KEY_BASE_DUMMY', 'FAKE_API_KEY', 'TOKEN_TTL', 'SECRET_REFRESH_INTERVAL', 'STRIPE_PUBLISHABLE_KEY', 'RECAPTCHA_SITE_KEY',
      'VAPID_PUBLIC_KEY', 'DB_PASSWORD_USER', 'AUTH_PROVIDER', 'jwt.tokenHead',
      'BYPASS', 'COMPASS', 'OLDPWD', 'KEY_PREFIX', 'SORT_KEY', 'AUTHENTICATION_BACKENDS', 'PASSWORD_HASHERS', 'TOKEN_CLASS',
    ]) {
      it(`${name} is not a secret name`, () => assert.equal(isSecretName(name), false));
    }
  });

  describe('secretNameStrength', () => {
    const table: [string, 'strong' | 'weak' | undefined][] = [
      ['DB_PASSWORD', 'strong'], ['API_TOKEN', 'strong'], ['AWS_SECRET_ACCESS_KEY', 'strong'], ['SIGNING_KEY', 'strong'],
      ['MINIO_ACCESS_KEY', 'weak'], ['CLIENT_KEY', 'weak'], ['APP_KEY', 'weak'], ['REDIS_AUTH', 'weak'], ['LICENSE_KEY', 'weak'],
      ['AUTH_TOKEN', 'strong'], ['PGPASSWORD', 'strong'], ['MYSQL_ROOTPASSWORD', 'strong'], ['CACHE_KEY', undefined], ['AUTH_ENABLED', undefined],
      ['DBPASS', 'strong'], ['FERNET_KEY', 'strong'], ['WEATHER_KEY', 'weak'], ['GPG_KEY', undefined],
    ];
    for (const [name, strength] of table) it(`${name} is ${strength ?? 'no secret name'}`, () => assert.equal(secretNameStrength(name), strength));
  });

  describe('isPlaceholderValue', () => {
    for (const value of [
      'changeme', '<token>', '${DB_PASSWORD}', '$DB_PASSWORD', '$db_password', 'pre-$DB_PASSWORD', '((db-password))', '{{ .Values.password }}', '/run/secrets/db_password',
      'your-api-key', '****', '', 'CHANGEME00000000', 'change_this_secret', 'your_token_here', 'yourpassword', 'HF_TOKEN',
      'GOOGLE_API_KEY_VAL', 'nvapi-NVKEY', 'key.json', 'tls.key', 'file:/etc/creds', '{cipher}AQA3kDx', 'ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)',
      'ENC[AES256_GCM,data:abc]', 'somerandomtoken', 'REPLACE_LICENSE_KEY_HERE', 'sk-ant-api03-PLACEHOLDER', 'replace-with-your-key', 'ref+vault://secret/app#/password', 'on', 'off',
    ]) {
      it(`"${value}" is a placeholder`, () => assert.equal(isPlaceholderValue(value), true));
    }
    for (const value of ['s3cr3t-Value', 'postgres', 'mysecretpassword', 'YourStrong@Passw0rd', 'example_123', 'secret', 'password', 'pass', '2^f+3@v7$v1f8yt0!s)3-1t']) {
      it(`"${value}" is a literal`, () => assert.equal(isPlaceholderValue(value), false));
    }
  });

  describe('isNotSecretShape', () => {
    for (const value of ['pkg.mod.basic_auth,pkg.mod.session', 'django.contrib.auth.backends.ModelBackend', 'app.auth.Basic, app.auth.Token', '<<EOF', "<<-'END'", 'certs/jwt/private.pem', 'config/keys', '1h30m', 'PT15M']) {
      it(`"${value}" has the shape of no secret`, () => assert.equal(isNotSecretShape(value), true));
    }
    for (const value of ['s3cr3t.Value.2024', 'pk.eyJ1IjoiYWJj.x9ZkQ', 'wJalrXUtnFEMI/K7MDENG', 'hunter2', 'db.pass', 'ab12/cd345/ef']) {
      it(`"${value}" may be a secret`, () => assert.equal(isNotSecretShape(value), false));
    }
  });

  describe('isHighEntropy', () => {
    for (const value of ['8312341g-5678-abcd-4a2b2c-33bcsd655', 'base64:dGhpcyBpcyBhIHRlc3Qga2V5IGZvciBsYXJhdmVs', HEX32]) {
      it(`"${value.slice(0, 12)}…" looks generated`, () => assert.equal(isHighEntropy(value), true));
    }
    for (const value of ['minio', 'my-application-config', 'production-cluster-01', 'kubernetes-dashboard-csrf', 'mysecretpassword', 'https://auth.example.com/oauth2', 'aaaaaaaaaaaaaaaaaaaa']) {
      it(`"${value}" does not`, () => assert.equal(isHighEntropy(value), false));
    }
  });

  describe('token formats', () => {
    for (const [label, value] of FORMAT_SAMPLES) {
      it(`recognises a ${label}`, () => assert.equal(tokenFormat(value)?.label, label));
    }
    for (const value of ['sk-short', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'SKU-12345', 'hf_short', 'key-value-pair']) {
      it(`"${value}" is no provider format`, () => assert.equal(tokenFormat(value), undefined));
    }
  });

  describe('maskSecret', () => {
    it('keeps at most two characters and hides the length', () => {
      assert.equal(maskSecret('hunter2hunter2'), 'hu****');
      assert.equal(maskSecret('hunter2'), 'h****');
      assert.equal(maskSecret('abc'), '****');
    });
  });

  describe('urlCredentials', () => {
    it('finds user:password@ in the authority', () => {
      assert.deepEqual(urlCredentials('postgres://app:pa55word@db:5432/app'), { user: 'app', password: 'pa55word', passwordStart: 15 });
    });
    it('finds a password given as a URL parameter', () => {
      const value = 'jdbc:mysql://db:3306/app?user=app&password=pa55word&useSSL=true';
      const found = urlCredentials(value);
      assert.equal(found?.user, 'app');
      assert.equal(found?.password, 'pa55word');
      assert.equal(value.slice(found!.passwordStart, found!.passwordStart + 8), 'pa55word');
    });
    it('finds JDBC semicolon parameters and ODBC pwd', () => {
      assert.equal(urlCredentials('jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=pa55word')?.password, 'pa55word');
      assert.equal(urlCredentials('odbc://db/app?uid=sa&pwd=pa55word')?.password, 'pa55word');
    });
    it('finds the password of a Go MySQL DSN, not a DSN without one', () => {
      const value = 'app:pa55word@tcp(db.internal:3306)/orders';
      const found = urlCredentials(value);
      assert.equal(found?.password, 'pa55word');
      assert.equal(value.slice(found!.passwordStart, found!.passwordStart + 8), 'pa55word');
      assert.equal(urlCredentials('app@tcp(db:3306)/orders'), undefined);
      assert.equal(urlCredentials('app:${DB_PASSWORD}@tcp(db:3306)/orders'), undefined);
    });
    it('ignores placeholders, harmless parameters and non-URLs', () => {
      assert.equal(urlCredentials('postgres://app:${DB_PASSWORD}@db/app'), undefined);
      assert.equal(urlCredentials('postgres://db/app?password=${DB_PASSWORD}'), undefined);
      assert.equal(urlCredentials('mongodb://db/app?authSource=admin&replicaSet=rs0'), undefined);
      assert.equal(urlCredentials('postgres://db/app?sslmode=require'), undefined);
      assert.equal(urlCredentials('password=pa55word'), undefined);
    });
  });

  describe('detectSecret', () => {
    it('flags a secret name with a literal value', () => {
      assert.deepEqual(detectSecret('DB_PASSWORD', 'pa55word-123'), { reason: 'name', label: 'password', masked: 'pa****' });
    });
    it('flags known token formats whatever the name', () => {
      assert.deepEqual(detectSecret('SOME_VALUE', GITHUB_TOKEN), { reason: 'token-format', label: 'GitHub token', masked: 'gh****' });
      assert.equal(detectSecret('AWS_ACCESS_KEY_ID', AWS_KEY)?.label, 'AWS access key');
    });
    it('flags private keys', () => {
      assert.equal(detectSecret('TLS', '-----BEGIN RSA PRIVATE KEY-----\nMIIE')?.reason, 'private-key');
    });
    it('masks only the password of a credentialed URL, in the authority or a parameter', () => {
      assert.equal(detectSecret('DATABASE_URL', 'postgres://app:pa55word@db/app')?.masked, 'postgres://app:pa****@db/app');
      assert.equal(detectSecret('REDIS_URL', 'redis://redis:6379/0?password=pa55word')?.masked, 'redis://redis:6379/0?password=pa****');
    });
    it('never puts the raw value in the masked text', () => {
      const cases = [['DB_PASSWORD', 'pa55word-123', 'pa55word-123'], ['X', GITHUB_TOKEN, GITHUB_TOKEN], ['URL', 'amqp://u:pa55word@mq/', 'pa55word']] as const;
      for (const [name, value, secret] of cases) {
        assert.ok(!detectSecret(name, value)!.masked.includes(secret.slice(2, 5)), `masked value of ${name} leaks`);
      }
    });
    it('a weak password under a password name is still a password', () => {
      assert.equal(detectSecret('DB_PASSWORD', 'postgres')?.label, 'default password');
      assert.equal(detectSecret('MYSQL_ROOT_PASSWORD', '123456')?.label, 'default password');
      assert.equal(detectSecret('DB_PASSWORD', 'pa55word-123')?.label, 'password');
    });
    it('a weak secret name needs a generated-looking value', () => {
      assert.equal(detectSecret('MINIO_ACCESS_KEY', 'minio'), undefined);
      assert.equal(detectSecret('CLIENT_KEY', 'web-frontend'), undefined);
      assert.deepEqual(detectSecret('ACCESS_KEY', '8312341g-5678-abcd-4a2b2c-33bcsd655'), { reason: 'name', label: 'key', masked: '83****' });
    });
    it('numbers, durations and booleans under token or secret names are settings', () => {
      assert.equal(detectSecret('TOKEN_REFRESH', '3600'), undefined);
      assert.equal(detectSecret('API_TOKEN', '30s'), undefined);
      assert.equal(detectSecret('SESSION_SECRET', 'true'), undefined);
      assert.equal(detectSecret('SECRET_ROTATE', 'off'), undefined);
    });
    it('AWS documentation example keys are no secrets', () => {
      assert.equal(detectSecret('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'), undefined);
      assert.equal(detectSecret('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), undefined);
    });
    it('leaves references, placeholders and metadata alone', () => {
      assert.equal(detectSecret('DB_PASSWORD', '${DB_PASSWORD}'), undefined);
      assert.equal(detectSecret('NPM_TOKEN', '$NPM_TOKEN'), undefined);
      assert.equal(detectSecret('DB_PASSWORD', '((db-password))'), undefined);
      assert.equal(detectSecret('DB_PASSWORD', 'changeme'), undefined);
      assert.equal(detectSecret('DB_PASSWORD_FILE', '/run/secrets/db_password'), undefined);
      assert.equal(detectSecret('ACCESS_TOKEN_EXPIRE_MINUTES', '30'), undefined);
      assert.equal(detectSecret('GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D'), undefined);
      assert.equal(detectSecret('DATABASE_URL', 'postgres://db:5432/app'), undefined);
    });
    it('leaves a value that only repeats its own name alone, but not one with words of its own', () => {
      assert.equal(detectSecret('POSTGRES_ASTRONOMY_PASSWORD', 'astronomy_password'), undefined);
      assert.equal(detectSecret('db.password', 'db-password'), undefined);
      assert.equal(detectSecret('jwt.secret', 'mall-portal-secret')?.masked, 'ma****');
      assert.equal(detectSecret('DB_PASSWORD', 'root')?.label, 'default password');
    });
  });
});
