import rule from '../../../server/src/rules/config/secret-in-configmap';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const configMap = (...data: string[]) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:', ...data.map((d) => `  ${d}`));
// A fake PEM header, assembled so that secret scanners do not flag this file.
const PEM = ['-----BEGIN', 'PRIVATE', 'KEY-----'].join(' ');

testRule(rule, { kind: 'kubernetes', fileName: 'configmap.yaml' }, {
  valid: [
    { name: 'ordinary settings', code: configMap('LOG_LEVEL: info', 'DATABASE_HOST: db.internal', 'TOKEN_TTL: "3600"', 'SECRET_NAME: app-secrets') },
    { name: 'placeholders and empty values', code: configMap('DB_PASSWORD: changeme', 'API_KEY: ""', 'JWT_SECRET: ${JWT_SECRET}', 'SIGNING_KEY: "<set in the Secret>"') },
    { name: 'a Helm value', code: configMap('DB_PASSWORD: {{ .Values.db.password | quote }}') },
    {
      name: 'a properties file that reads its secret from the environment',
      code: configMap('application.properties: |', '  spring.datasource.url=jdbc:postgresql://db:5432/app', '  spring.datasource.username=app', '  spring.datasource.password=${DB_PASSWORD}'),
    },
    { name: 'nsswitch.conf names databases, not passwords', code: configMap('nsswitch.conf: |', '  passwd:         compat', '  shadow:         compat', '  hosts:          files dns') },
    { name: 'an OpenTelemetry collector config with a described token', code: configMap('collector.yaml: |', '  extensions:', '    bearertokenauth:', '      token: "somerandomtoken"') },
    { name: "Kiali's documented placeholder signing key", code: configMap('config.yaml: |', '  login_token:', '    signing_key: CHANGEME00000000', '  server:', '    port: 20001') },
    {
      name: 'code files and code-like values read secrets, they hold none',
      code: configMap('app.py: |', '  password = "from-vault-at-start"', 'settings.conf: |', '  password = get_password("db")', '  token = os.getenv("TOKEN")'),
    },
    { name: 'a Secret is another rule', code: lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'stringData:', '  DB_PASSWORD: s3cr3t-pass') },
  ],
  invalid: [
    {
      name: 'a data key holding a password',
      code: configMap('LOG_LEVEL: info', 'DB_PASSWORD: «s3cr3t-pass»'),
      errors: [{ messageId: 'secretValue', data: { configMap: 'app-config', key: 'DB_PASSWORD', label: 'password', masked: 's3****' } }],
    },
    {
      name: 'settings inside embedded files: properties, YAML with quotes and a comment, JSON',
      code: configMap(
        'application.properties: |',
        '  spring.datasource.username=app',
        '  spring.datasource.password=«pa55word-db»',
        'redis.yaml: |',
        '  redis:',
        '    password: "«r3dis-pass»"  # local only',
        'client.json: |',
        '  {',
        '    "apiKey": "«k3y-v4lue-1234»",',
        '    "timeout": 30',
        '  }',
      ),
      errors: [
        { messageId: 'secretInFile', data: { configMap: 'app-config', file: 'application.properties', key: 'spring.datasource.password', label: 'password', masked: 'pa****' } },
        { messageId: 'secretInFile', data: { configMap: 'app-config', file: 'redis.yaml', key: 'password', label: 'password', masked: 'r3****' } },
        { messageId: 'secretInFile', data: { configMap: 'app-config', file: 'client.json', key: 'apiKey', label: 'key', masked: 'k3****' } },
      ],
    },
    {
      name: 'a file that is a private key',
      code: configMap(`tls.key: «|`, `  ${PEM}`, '  MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC»'),
      errors: [{ messageId: 'secretValue', data: { configMap: 'app-config', key: 'tls.key', label: 'private key', masked: '-----BEGIN ****' } }],
    },
  ],
});
