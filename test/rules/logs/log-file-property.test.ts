import rule from '../../../server/src/rules/logs/log-file-property';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application.properties' }, {
  valid: [
    { name: 'console logging: levels and patterns only', code: 'logging.level.root=INFO\nlogging.level.com.example=DEBUG\nlogging.pattern.console=%d %m%n\n' },
    { name: 'a log file each deploy may choose', code: 'logging.file.name=${LOG_FILE:}\nlogging.file.path=${LOG_PATH}\n' },
    { name: 'empty: no file', code: 'logging.file.name=\n' },
    { name: 'a logback configuration file is not a log file', code: 'logging.config=classpath:logback-spring.xml\n' },
    { name: 'commented out', code: '#logging.file.name=app.log\n' },
  ],
  invalid: [
    {
      name: 'logging.file.name and logging.file.path',
      code: 'logging.file.name=«logs/app.log»\nlogging.file.path=«/var/log/app»\n',
      errors: [
        { messageId: 'logFile', data: { name: 'logging.file.name', value: 'logs/app.log' } },
        { messageId: 'logFile', data: { name: 'logging.file.path', value: '/var/log/app' } },
      ],
    },
    {
      name: 'the legacy Spring Boot 1.x names',
      code: 'logging.file: «app.log»\nlogging.path «/tmp/logs»\n',
      errors: [
        { messageId: 'logFile', data: { name: 'logging.file', value: 'app.log' } },
        { messageId: 'logFile', data: { name: 'logging.path', value: '/tmp/logs' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/main/resources/application-prod.yml' }, {
  valid: [{ name: 'YAML logging levels', code: 'logging:\n  level:\n    root: info\n    org.springframework: warn\n' }],
  invalid: [
    {
      name: 'YAML, nested and dotted keys',
      code: 'logging:\n  file:\n    name: «/var/log/orders.log»\n---\nlogging.file.path: «"./logs"»\n',
      errors: [
        { messageId: 'logFile', data: { name: 'logging.file.name', value: '/var/log/orders.log' } },
        { messageId: 'logFile', data: { name: 'logging.file.path', value: './logs' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'spring', fileName: 'src/test/resources/application.properties' }, {
  valid: [{ name: 'a test resource', code: 'logging.file.name=target/test.log\n' }],
  invalid: [],
});
