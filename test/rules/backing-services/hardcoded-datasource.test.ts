import rule from '../../../server/src/rules/backing-services/hardcoded-datasource';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'the whole URL from the environment, with a local default', code: 'spring.datasource.url=${POSTGRES_URL:jdbc:postgresql://localhost/petclinic}\n' },
    { name: 'a placeholder in the host', code: 'spring.datasource.url=jdbc:mysql://${MYSQL_HOST:db}:3306/example\n' },
    { name: 'a development profile names its local database', code: 'spring.config.activate.on-profile=dev\nspring.datasource.url=jdbc:mysql://localhost:3306/mall\n' },
    { name: 'embedded databases are no backing service', code: 'spring.datasource.url=jdbc:h2:mem:testdb\nspring.r2dbc.url=r2dbc:h2:mem:///testdb\nspring.datasource.orders.url=jdbc:hsqldb:file:data/orders\n' },
    { name: 'other services and other properties', code: 'spring.data.mongodb.uri=mongodb://localhost/app\nspring.datasource.username=app\nspring.datasource.driver-class-name=org.postgresql.Driver\n' },
    { name: 'an empty URL', code: 'spring.datasource.url=\n' },
  ],
  invalid: [
    {
      name: 'a placeholder in the database name alone leaves the host hard-wired',
      code: 'spring.datasource.url=«jdbc:postgresql://db:5432/${POSTGRES_DB}»\n',
      errors: [{ messageId: 'literalHost', data: { name: 'spring.datasource.url', host: 'db', env: 'DATABASE_URL' } }],
      output: 'spring.datasource.url=${DATABASE_URL:jdbc:postgresql://db:5432/${POSTGRES_DB}}\n',
    },
    {
      name: 'a literal host: the URL becomes the default of ${DATABASE_URL:…}',
      code: 'spring.datasource.url=«jdbc:postgresql://localhost:5432/orders»\n',
      errors: [{ messageId: 'literalHost', data: { name: 'spring.datasource.url', host: 'localhost', env: 'DATABASE_URL' } }],
      output: 'spring.datasource.url=${DATABASE_URL:jdbc:postgresql://localhost:5432/orders}\n',
    },
    {
      name: 'credentials in the URL: no default keeps them',
      code: 'spring.datasource.url=«jdbc:mysql://db.internal:3306/app?user=app&password=s3cr3t-pass»\n',
      errors: [{ messageId: 'credentials', data: { name: 'spring.datasource.url', masked: 'jdbc:mysql://db.internal:3306/app?user=app&password=s3****', host: 'db.internal', env: 'DATABASE_URL' } }],
      output: 'spring.datasource.url=${DATABASE_URL}\n',
    },
    {
      name: 'a named datasource, R2DBC and Oracle',
      code: 'spring.datasource.reports.jdbc-url=«jdbc:oracle:thin:@//ora.internal:1521/REPORTS»\nspring.r2dbc.url=«r2dbc:pool:postgresql://pg:5432/app»\n',
      errors: [
        { messageId: 'literalHost', data: { name: 'spring.datasource.reports.jdbc-url', host: 'ora.internal', env: 'SPRING_DATASOURCE_REPORTS_JDBCURL' } },
        { messageId: 'literalHost', data: { name: 'spring.r2dbc.url', host: 'pg', env: 'DATABASE_URL' } },
      ],
      output: 'spring.datasource.reports.jdbc-url=${SPRING_DATASOURCE_REPORTS_JDBCURL:jdbc:oracle:thin:@//ora.internal:1521/REPORTS}\nspring.r2dbc.url=${DATABASE_URL:r2dbc:pool:postgresql://pg:5432/app}\n',
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [{ name: 'a test profile document on H2', code: 'spring:\n  datasource:\n    url: jdbc:h2:mem:test\n' }],
  invalid: [
    {
      name: 'a profile document in YAML; the quoted value stays quoted',
      code: 'spring:\n  jpa:\n    generate-ddl: true\n---\nspring:\n  profiles: mysql\n  datasource:\n    url: «"jdbc:mysql://localhost/music"»\n',
      errors: [{ messageId: 'literalHost', data: { name: 'spring.datasource.url', host: 'localhost', env: 'DATABASE_URL' } }],
      output: 'spring:\n  jpa:\n    generate-ddl: true\n---\nspring:\n  profiles: mysql\n  datasource:\n    url: "${DATABASE_URL:jdbc:mysql://localhost/music}"\n',
    },
    {
      name: 'a plain YAML value stays plain',
      code: 'spring:\n  datasource:\n    url: «jdbc:mysql://localhost:3306/mall?useUnicode=true&useSSL=false»\n    username: root\n',
      errors: [{ messageId: 'literalHost', data: { name: 'spring.datasource.url', host: 'localhost', env: 'DATABASE_URL' } }],
      output: 'spring:\n  datasource:\n    url: ${DATABASE_URL:jdbc:mysql://localhost:3306/mall?useUnicode=true&useSSL=false}\n    username: root\n',
    },
  ],
});
