import rule from '../../../server/src/rules/backing-services/localhost-url-property';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.yml' }, {
  valid: [
    { name: 'a placeholder with a local default', code: 'spring:\n  config:\n    import: optional:configserver:${CONFIG_SERVER_URL:http://localhost:8888/}\n' },
    { name: 'URLs in comments, and addresses elsewhere', code: 'endpoints:\n  catalog: # http://localhost:8081\n  orders: http://orders.internal:8083\n' },
    { name: 'browser-facing and own addresses', code: 'app:\n  cors:\n    allowed-origins: http://localhost:3000\n  oauth:\n    redirect-uri: http://localhost:8080/login\n' },
    { name: 'a development profile document', code: 'spring:\n  config:\n    activate:\n      on-profile: local\nhost:\n  admin: http://localhost:8080\n' },
    { name: 'other schemes have their own rules', code: 'spring:\n  datasource:\n    url: jdbc:mysql://localhost:3306/app\n' },
  ],
  invalid: [
    {
      name: "another service's URL and an LLM endpoint at localhost",
      code: 'host:\n  mall:\n    admin: «http://localhost:8080»\nspring:\n  ai:\n    openai:\n      base-url: «http://127.0.0.1:8000/v1»\n',
      errors: [
        { messageId: 'localhostUrl', data: { name: 'host.mall.admin', host: 'localhost', env: 'HOST_MALL_ADMIN' } },
        { messageId: 'localhostUrl', data: { name: 'spring.ai.openai.base-url', host: '127.0.0.1', env: 'SPRING_AI_OPENAI_BASEURL' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-dev.properties' }, {
  valid: [{ name: 'a development profile file', code: 'host.admin=http://localhost:8080\n' }],
  invalid: [],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: [{ name: 'test resources are not packaged', code: 'host.admin=http://localhost:8080\n' }],
  invalid: [],
});
