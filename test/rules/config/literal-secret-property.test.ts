import rule from '../../../server/src/rules/config/literal-secret-property';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'a placeholder', code: 'spring.datasource.password=${DB_PASSWORD}\n' },
    { name: 'a placeholder with an empty default, or a default that is a reference', code: 'spring.datasource.password=${MYSQL_PASSWORD:}\nspring.mail.password=${MAIL_PASSWORD:${SMTP_PASSWORD}}\n' },
    { name: 'Spring Cloud Config encrypted value and jasypt', code: 'spring.datasource.password={cipher}AQBx9f3eE1c2\napp.api-key=ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)\n' },
    { name: 'empty values', code: 'spring.datasource.password=\nspring.redis.password:\n' },
    { name: 'names and metadata, not secrets', code: 'spring.datasource.username=app\njwt.expiration=604800\njwt.tokenHeader=Authorization\napp.token-ttl=3600\nspring.security.oauth2.client.registration.github.client-id=abc123\n' },
    { name: 'a secret in a comment', code: '# spring.datasource.password=s3cr3t-pass\n! api.key=k3y-value-1234\n' },
    { name: 'a document placeholder', code: 'app.client-secret=<your-client-secret>\n' },
  ],
  invalid: [
    {
      name: 'a literal default of a placeholder is the secret whenever the variable is missing',
      code: 'spring.datasource.password=${MYSQL_PASSWORD:«db-57xsl»}\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'spring.datasource.password', label: 'password', masked: 'db****', env: 'MYSQL_PASSWORD' } }],
      output: 'spring.datasource.password=${MYSQL_PASSWORD}\n',
    },
    {
      name: 'spring.datasource.password → ${SPRING_DATASOURCE_PASSWORD}',
      code: 'spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=«pa55word-123»\n',
      errors: [{ messageId: 'literalSecret', data: { name: 'spring.datasource.password', label: 'password', masked: 'pa****', env: 'SPRING_DATASOURCE_PASSWORD' } }],
      output: 'spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${SPRING_DATASOURCE_PASSWORD}\n',
    },
    {
      name: 'colon and blank separators, a continued value, relaxed binding drops dashes',
      code: 'app.api-key : «k3y-\\\n    value-1234»\nmail.password «m4il-pass»\n',
      errors: [
        { messageId: 'literalSecret', data: { name: 'app.api-key', label: 'key', masked: 'k3****', env: 'APP_APIKEY' } },
        { messageId: 'literalSecret', data: { name: 'mail.password', label: 'password', masked: 'm4****', env: 'MAIL_PASSWORD' } },
      ],
      output: 'app.api-key : ${APP_APIKEY}\nmail.password ${MAIL_PASSWORD}\n',
    },
    {
      name: 'a credentialed URL in any property',
      code: 'spring.rabbitmq.addresses=«amqp://guest:gu3st-pass@rabbit:5672»\n',
      errors: [{ messageId: 'literalSecret', data: { name: 'spring.rabbitmq.addresses', label: 'URL with a password', masked: 'amqp://guest:gu****@rabbit:5672', env: 'SPRING_RABBITMQ_ADDRESSES' } }],
      output: 'spring.rabbitmq.addresses=${SPRING_RABBITMQ_ADDRESSES}\n',
    },
    {
      name: 'the variable is added to the project\'s .env.example',
      code: 'spring.mail.password=«m4il-pass»\n',
      files: { '.git/HEAD': 'ref\n', '.env.example': 'PORT=8080' },
      errors: [{ messageId: 'literalSecret', data: { name: 'spring.mail.password', label: 'password', masked: 'm4****', env: 'SPRING_MAIL_PASSWORD' } }],
      output: 'spring.mail.password=${SPRING_MAIL_PASSWORD}\n',
      otherOutputs: { '.env.example': 'PORT=8080\nSPRING_MAIL_PASSWORD=\n' },
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'YAML placeholders and empty values', code: 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n    username:\n  redis:\n    password: # none locally\n' },
    { name: 'a Bearer prefix and a public key', code: 'jwt:\n  tokenHead: \'Bearer \'\nalipay:\n  alipayPublicKey: MIIBIjANBgkqh\n  appPrivateKey: your appPrivateKey\n' },
    { name: 'profiles.active is not a secret', code: 'spring:\n  profiles:\n    active: dev\n' },
  ],
  invalid: [
    {
      name: 'nested YAML, quoted and flow values keep valid YAML',
      code: 'spring:\n  datasource:\n    password: «root»\n    druid:\n      stat-view-servlet: { login-password: «druid» }\nminio:\n  secretKey: «"minioadmin"»\njwt:\n  secret: «\'mall-portal-secret\'»\n',
      errors: [
        { messageId: 'literalSecret', data: { name: 'spring.datasource.password', label: 'default password', masked: 'r****', env: 'SPRING_DATASOURCE_PASSWORD' } },
        { messageId: 'literalSecret', data: { name: 'spring.datasource.druid.stat-view-servlet.login-password', label: 'default password', masked: 'd****', env: 'SPRING_DATASOURCE_DRUID_STATVIEWSERVLET_LOGINPASSWORD' } },
        { messageId: 'literalSecret', data: { name: 'minio.secretKey', label: 'default key', masked: 'mi****', env: 'MINIO_SECRETKEY' } },
        { messageId: 'literalSecret', data: { name: 'jwt.secret', label: 'secret', masked: 'ma****', env: 'JWT_SECRET' } },
      ],
      output:
        'spring:\n  datasource:\n    password: ${SPRING_DATASOURCE_PASSWORD}\n    druid:\n      stat-view-servlet: { login-password: "${SPRING_DATASOURCE_DRUID_STATVIEWSERVLET_LOGINPASSWORD}" }\nminio:\n  secretKey: "${MINIO_SECRETKEY}"\njwt:\n  secret: \'${JWT_SECRET}\'\n',
    },
    {
      name: 'a secret in one profile document of a multi-document file, and a list item',
      code: 'spring:\n  application:\n    name: api\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  mail:\n    password: «m4il-pass»\napp:\n  secrets:\n    - «s3cr3t-one»\n',
      errors: [
        { messageId: 'literalSecret', data: { name: 'spring.mail.password', label: 'password', masked: 'm4****', env: 'SPRING_MAIL_PASSWORD' } },
        { messageId: 'literalSecret', data: { name: 'app.secrets[0]', label: 'secret', masked: 's3****', env: 'APP_SECRETS_0' } },
      ],
      output: 'spring:\n  application:\n    name: api\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  mail:\n    password: ${SPRING_MAIL_PASSWORD}\napp:\n  secrets:\n    - ${APP_SECRETS_0}\n',
    },
    {
      name: 'an anchored secret reached through an alias is reported once, at the anchor',
      code: 'creds: &pw «s3cr3t-pass»\nspring:\n  datasource:\n    password: *pw\n',
      errors: [
        { messageId: 'literalSecret', data: { name: 'spring.datasource.password', label: 'password', masked: 's3****', env: 'SPRING_DATASOURCE_PASSWORD' } },
      ],
      output: 'creds: &pw ${SPRING_DATASOURCE_PASSWORD}\nspring:\n  datasource:\n    password: *pw\n',
    },
    {
      name: 'a block scalar is reported without an edit',
      code: 'app:\n  private-key: «|\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEpAIBAAKCAQEA»\n',
      errors: [{ messageId: 'literalSecret', data: { name: 'app.private-key', label: 'private key', masked: '-----BEGIN ****', env: 'APP_PRIVATEKEY' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-dev.yml' }, {
  valid: [
    { name: "a dev profile's throwaway database password is no leak", code: 'spring:\n  datasource:\n    password: root\n' },
    { name: 'nor is a test profile document in any file', code: 'spring:\n  config:\n    activate:\n      on-profile: test\n  mail:\n    password: m4il-pass\n' },
  ],
  invalid: [
    {
      name: 'a provider token is a leak in any profile',
      code: `github:\n  token: «${['ghp', 'A1b2C3d4'.repeat(5)].join('_')}»\n`,
      errors: [{ messageId: 'literalSecret', data: { name: 'github.token', label: 'GitHub token', masked: 'gh****', env: 'GITHUB_TOKEN' } }],
      output: 'github:\n  token: ${GITHUB_TOKEN}\n',
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.yml' }, {
  valid: [{ name: 'test resources configure tests, not a deploy', code: 'spring:\n  mail:\n    password: test\n' }],
  invalid: [],
});
