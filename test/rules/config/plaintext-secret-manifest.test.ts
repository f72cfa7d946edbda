import rule from '../../../server/src/rules/config/plaintext-secret-manifest';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const secret = (...body: string[]) => lines('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db-credentials', 'type: Opaque', ...body);
const b64 = (text: string) => Buffer.from(text).toString('base64');

testRule(rule, { kind: 'kubernetes', fileName: 'secret.yaml' }, {
  valid: [
    { name: 'a Secret with no values (filled by the cluster)', code: lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: sa-token, annotations: {kubernetes.io/service-account.name: app}}', 'type: kubernetes.io/service-account-token') },
    { name: 'Helm values', code: secret('stringData:', '  password: {{ .Values.db.password | quote }}', 'data:', '  token: {{ .Values.token | b64enc }}') },
    { name: 'placeholders, also base64-encoded ones', code: secret('stringData:', '  password: ${DB_PASSWORD}', '  api-key: "<your-api-key>"', '  empty: ""', 'data:', `  password: ${b64('changeme')}`, '  token: ""') },
    { name: 'a SOPS-encrypted Secret', code: secret('stringData:', '  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]', 'sops:', '  version: 3.8.1') },
    { name: 'a ConfigMap is another rule', code: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  password: s3cr3t') },
  ],
  invalid: [
    {
      name: 'stringData with literal values',
      code: secret('«stringData»:', '  username: app', '  password: s3cr3t-pass', '  host: ${DB_HOST}'),
      errors: [{ messageId: 'stringData', data: { secret: 'db-credentials', keys: 'password, username' } }],
    },
    {
      name: 'data values are only base64-encoded',
      code: secret('«data»:', `  a: ${b64('1')}`, `  b: ${b64('2')}`, `  c: ${b64('3')}`, `  rootpasswd: ${b64('s3cr3t-pass')}`),
      errors: [{ messageId: 'data', data: { secret: 'db-credentials', keys: 'rootpasswd, a, b and 1 more' } }],
    },
    {
      name: 'both fields, in a kind: List',
      code: lines('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Secret', '  metadata: {name: tls}', '  «stringData»: {tls.key: "not-a-real-key"}', `  «data»: {ca.crt: ${b64('cert')}}`),
      errors: [
        { messageId: 'stringData', data: { secret: 'tls', keys: 'tls.key' } },
        { messageId: 'data', data: { secret: 'tls', keys: 'ca.crt' } },
      ],
    },
  ],
});
