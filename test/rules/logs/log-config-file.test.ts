import rule from '../../../server/src/rules/logs/log-config-file';
import { testRule } from '../../helpers/ruleTester';

const fileOutput = (what: string, file: string) => ({ messageId: 'fileOutput', data: { what, file } });

const logback = (appenders: string, root = '<appender-ref ref="FILE"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <!-- <appender name="OLD" class="ch.qos.logback.core.FileAppender"/> -->\n${appenders}\n  <root level="INFO">\n    <appender-ref ref="CONSOLE"/>\n    ${root}\n  </root>\n</configuration>\n`;
const CONSOLE = '  <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%msg%n</pattern></encoder></appender>';

testRule(rule, { kind: 'log-config', fileName: 'src/main/resources/logback.xml' }, {
  valid: [
    { name: 'console only', code: logback(CONSOLE, '') },
    { name: 'a file appender nobody uses', code: logback(`${CONSOLE}\n  <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>app.log</file></appender>`, '') },
    { name: 'a file appender to /dev/stdout', code: logback(`  <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>/dev/stdout</file></appender>`) },
    {
      name: 'a file appender only in a dev profile',
      code: `<configuration>\n  <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>app.log</file></appender>\n  <springProfile name="dev | local">\n    <root><appender-ref ref="FILE"/></root>\n  </springProfile>\n  <springProfile name="dev"><appender name="F2" class="ch.qos.logback.core.FileAppender"/><root><appender-ref ref="F2"/></root></springProfile>\n</configuration>\n`,
    },
    { name: 'a look-alike: an async appender', code: logback(`  <appender name="FILE" class="ch.qos.logback.classic.AsyncAppender"><appender-ref ref="CONSOLE"/></appender>`) },
  ],
  invalid: [
    {
      code: logback(`${CONSOLE}\n  <appender name="FILE" class="«ch.qos.logback.core.rolling.RollingFileAppender»">\n    <file>\${LOG_PATH}/app.log</file>\n  </appender>`),
      errors: [fileOutput('Appender FILE (RollingFileAppender)', '${LOG_PATH}/app.log')],
    },
    {
      name: 'a file appender in a production profile',
      code: `<configuration>\n  <springProfile name="prod">\n    <appender name="FILE" class="«ch.qos.logback.core.FileAppender»"><file>/var/log/app.log</file></appender>\n    <root><appender-ref ref="FILE"/></root>\n  </springProfile>\n</configuration>\n`,
      errors: [fileOutput('Appender FILE (FileAppender)', '/var/log/app.log')],
    },
  ],
});

testRule(rule, { kind: 'log-config', fileName: 'logback-test.xml' }, {
  valid: [{ name: 'a test configuration', code: logback(`  <appender name="FILE" class="ch.qos.logback.core.FileAppender"><file>t.log</file></appender>`) }],
  invalid: [],
});

testRule(rule, { kind: 'log-config', fileName: 'log4j2.xml' }, {
  valid: [
    '<Configuration>\n  <Appenders>\n    <Console name="Console" target="SYSTEM_OUT"/>\n  </Appenders>\n  <Loggers><Root level="info"><AppenderRef ref="Console"/></Root></Loggers>\n</Configuration>\n',
  ],
  invalid: [
    {
      code: '<Configuration>\n  <Appenders>\n    <Console name="Console"/>\n    <«RollingFile» name="file" fileName="logs/app.log" filePattern="logs/app-%d.log.gz"/>\n  </Appenders>\n  <Loggers><Root level="info"><AppenderRef ref="Console"/><AppenderRef ref="file"/></Root></Loggers>\n</Configuration>\n',
      errors: [fileOutput('Appender file (RollingFile)', 'logs/app.log')],
    },
  ],
});

testRule(rule, { kind: 'log-config', fileName: 'log4j.xml' }, {
  valid: [],
  invalid: [
    {
      code: '<log4j:configuration>\n  <appender name="R" class="«org.apache.log4j.DailyRollingFileAppender»">\n    <param name="File" value="logs/app.log"/>\n  </appender>\n  <root><appender-ref ref="R"/></root>\n</log4j:configuration>\n',
      errors: [fileOutput('Appender R (DailyRollingFileAppender)', 'logs/app.log')],
    },
  ],
});

const ini = (handlers: string, rootHandlers: string) =>
  `[loggers]\nkeys=root\n\n[handlers]\nkeys=console,file\n\n[formatters]\nkeys=plain\n\n[logger_root]\nlevel=INFO\nhandlers=${rootHandlers}\n\n[handler_console]\nclass=StreamHandler\nargs=(sys.stdout,)\nformatter=plain\n\n${handlers}\n[formatter_plain]\nformat=%(message)s\n`;

testRule(rule, { kind: 'log-config', fileName: 'logging.conf' }, {
  valid: [
    { name: 'a stream handler', code: ini('', 'console') },
    { name: 'a file handler no logger uses', code: ini('[handler_file]\nclass=FileHandler\nargs=("app.log",)\n', 'console') },
  ],
  invalid: [
    {
      code: ini("[handler_file]\nclass=«handlers.RotatingFileHandler»\nargs=('/var/log/app/app.log', 'a', 1048576, 5)\n", 'console,file'),
      errors: [fileOutput('Handler file (RotatingFileHandler)', '/var/log/app/app.log')],
    },
  ],
});
