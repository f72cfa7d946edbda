import rule from '../../../server/src/rules/admin-processes/schema-at-boot';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'validate, none and false', code: 'spring.jpa.hibernate.ddl-auto=validate\nspring.jpa.generate-ddl=false\nspring.jpa.properties.hibernate.hbm2ddl.auto=none\n' },
    { name: 'look-alike properties', code: 'spring.jpa.show-sql=true\nspring.flyway.enabled=true\napp.ddl-auto=update\n' },
  ],
  invalid: [
    {
      name: 'generate-ddl, ddl-auto and the Hibernate property',
      code: 'spring.jpa.generate-ddl=«true»\nspring.jpa.hibernate.ddl-auto=«update»\nspring.jpa.properties.hibernate.hbm2ddl.auto=«create-drop»\n',
      errors: [
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.generate-ddl', value: 'true' } },
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.hibernate.ddl-auto', value: 'update' } },
        { messageId: 'schemaAtBoot', data: { name: 'spring.jpa.properties.hibernate.hbm2ddl.auto', value: 'create-drop' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'a development profile document', code: 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: validate\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  jpa:\n    hibernate:\n      ddl-auto: create\n' },
  ],
  invalid: [
    { name: 'camelCase in YAML', code: 'spring:\n  jpa:\n    generateDdl: «true»\n', errors: [{ messageId: 'schemaAtBoot', data: { name: 'spring.jpa.generateDdl', value: 'true' } }] },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-local.properties' }, {
  valid: [{ name: 'a local profile file', code: 'spring.jpa.hibernate.ddl-auto=update\n' }],
  invalid: [],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: [{ name: 'test resources are not packaged', code: 'spring.jpa.generate-ddl=true\n' }],
  invalid: [],
});
