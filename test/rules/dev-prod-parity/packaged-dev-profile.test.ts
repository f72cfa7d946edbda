import rule from '../../../server/src/rules/dev-prod-parity/packaged-dev-profile';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'a production default', code: 'spring:\n  profiles:\n    active: production\n' },
    { name: 'a placeholder', code: 'spring:\n  profiles:\n    active: ${SPRING_PROFILES_ACTIVE:dev}\n' },
    { name: 'Maven resource filtering', code: 'spring:\n  profiles:\n    active: "@profileActive@"\n' },
    { name: 'a profile document', code: 'spring:\n  config:\n    activate:\n      on-profile: demo\n  profiles:\n    active: dev\n' },
    { name: 'a look-alike property', code: 'app:\n  profiles:\n    active: dev\nspring:\n  profiles:\n    include: dev-tools\n' },
  ],
  invalid: [
    {
      name: 'a development default',
      code: 'spring:\n  application:\n    name: portal\n  profiles:\n    active: «dev» # default: development\n',
      errors: [{ messageId: 'devDefault', data: { name: 'spring.profiles.active', value: 'dev' } }],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [],
  invalid: [
    { name: 'a list with a local profile', code: 'spring.profiles.active=«mysql,local»\n', errors: [{ messageId: 'devDefault', data: { name: 'spring.profiles.active', value: 'mysql,local' } }] },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-dev.yml' }, {
  valid: [{ name: 'a profile file', code: 'spring:\n  profiles:\n    active: dev\n' }],
  invalid: [],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.yml' }, {
  valid: [{ name: 'test resources are not packaged', code: 'spring:\n  profiles:\n    active: dev\n' }],
  invalid: [],
});
