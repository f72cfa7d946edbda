import rule from '../../../server/src/rules/backing-services/hardcoded-service-url';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: [
    { name: 'a bound service', code: 'applications:\n- name: web\n  services:\n    - orders-db\n  env:\n    SPRING_PROFILES_ACTIVE: cloud\n' },
    { name: 'credentials from vars', code: 'applications:\n- name: web\n  env:\n    DATABASE_URL: postgres://((db_user)):((db_password))@db.internal:5432/app\n' },
    { name: 'a service URL without credentials on a real host', code: 'applications:\n- name: web\n  env:\n    REDIS_URL: redis://cache.example.internal:6379\n' },
    { name: 'an https URL with a user is not a bound service', code: 'applications:\n- name: web\n  env:\n    METRICS_URL: https://user:pa55word@metrics.example.com/push\n' },
    { name: 'sidecars share the container: localhost reaches them', code: 'applications:\n- name: web\n  env:\n    REDIS_URL: redis://localhost:6379\n  sidecars:\n  - name: redis\n    process_types: [web]\n    command: redis-server\n' },
    { name: 'the app’s own bind address', code: 'applications:\n- name: web\n  env:\n    BIND_ADDRESS: 127.0.0.1\n    SERVER_HOST: localhost\n' },
    { name: 'not an address', code: 'applications:\n- env:\n    JAVA_OPTS: "-Djava.security.egd=file:///dev/urandom"\n    SPRING_APPLICATION_JSON: \'{"server.port":8081}\'\n' },
    { name: 'a placeholder for a local default', code: 'applications:\n- name: web\n  env:\n    DATABASE_URL: ${DATABASE_URL:-postgres://localhost/app}\n' },
  ],
  invalid: [
    {
      code: 'applications:\n- name: web\n  env:\n    DATABASE_URL: postgres://app@«localhost»:5432/app\n',
      errors: [{ messageId: 'localhost', data: { name: 'DATABASE_URL', host: 'localhost' } }],
    },
    {
      name: 'a host alone under a backing-service name, quoted',
      code: 'applications:\n- name: web\n  env:\n    REDIS_HOST: "«127.0.0.1»"\n',
      errors: [{ messageId: 'localhost', data: { name: 'REDIS_HOST', host: '127.0.0.1' } }],
    },
    {
      name: 'inside a JSON value',
      code: "applications:\n- name: web\n  env:\n    SPRING_APPLICATION_JSON: '{\"spring.datasource.url\":\"jdbc:postgresql://«localhost»/app\"}'\n",
      errors: [{ messageId: 'localhost', data: { name: 'SPRING_APPLICATION_JSON', host: 'localhost' } }],
    },
    {
      name: 'credentials in a service URL: the value is never shown',
      code: 'applications:\n- name: web\n  env:\n    DATABASE_URL: «postgres://app:s3cr3t-pass@db.example.com:5432/app»\n    AMQP_URL: «amqps://guest:Gu3st-pw@localhost:5671»\n',
      errors: [
        { messageId: 'credentials', data: { name: 'DATABASE_URL', scheme: 'postgres' } },
        { messageId: 'credentials', data: { name: 'AMQP_URL', scheme: 'amqps' } },
      ],
    },
  ],
});
