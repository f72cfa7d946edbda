import * as assert from 'node:assert/strict';
import { detectSecret, isPlaceholderValue, isSecretName, maskSecret, urlCredentials } from '../../server/src/analysis/secrets';

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');
const AWS_KEY = 'AKIA' + 'Q2W3E4R5T6Y7U8I9';

describe('secrets', () => {
  describe('isSecretName', () => {
    for (const name of ['DB_PASSWORD', 'dbPassword', 'spring.datasource.password', 'NPM_TOKEN', 'API_KEY', 'SECRET_KEY_BASE', 'SSH_KEY', 'DEPLOY_KEY', 'SSH_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY']) {
      it(`${name} is a secret name`, () => assert.equal(isSecretName(name), true));
    }
    for (const name of [
      'PWD', 'GPG_KEY', 'CACHE_KEY', 'DB_PASSWORD_FILE', 'TOKEN_URL', 'MAX_TOKENS', 'PASSWORD_RESET_TIMEOUT',
      'ACCESS_TOKEN_EXPIRE_MINUTES', 'SESSION_TOKEN_SECONDS', 'PASSENGER_APP_ENV', 'TOKENIZERS_PARALLELISM', 'MYSQL_ALLOW_EMPTY_PASSWORD',
      'SECRET_KEY_BASE_DUMMY', 'FAKE_API_KEY', 'jwt.tokenHead',
    ]) {
      it(`${name} is not a secret name`, () => assert.equal(isSecretName(name), false));
    }
  });

  describe('isPlaceholderValue', () => {
    for (const value of ['changeme', '<token>', '${DB_PASSWORD}', '$DB_PASSWORD', '((db-password))', '{{ .Values.password }}', '/run/secrets/db_password', 'your-api-key', '****', '', 'REPLACE_LICENSE_KEY_HERE', 'sk-ant-api03-PLACEHOLDER', 'replace-with-your-key', '{cipher}AQBx9f3e', 'ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)']) {
      it(`"${value}" is a placeholder`, () => assert.equal(isPlaceholderValue(value), true));
    }
    it('a literal is not a placeholder', () => assert.equal(isPlaceholderValue('s3cr3t-Value'), false));
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
      assert.equal(detectSecret('DB_PASSWORD', 'root')?.label, 'password');
    });
  });
});
