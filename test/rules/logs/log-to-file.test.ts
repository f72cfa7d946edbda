import rule from '../../../server/src/rules/logs/log-to-file';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: [
    { name: "gunicorn's --log-file - means stderr", code: 'web: gunicorn app.wsgi --log-file - --access-logfile -\n' },
    { name: 'the = form with a stream', code: 'web: gunicorn app.wsgi --access-logfile=/dev/stdout --error-logfile=/dev/stderr\n' },
    { name: 'stderr joined into stdout', code: 'worker: python worker.py 2>&1\n' },
    { name: 'tee to a standard stream', code: 'web: node server.js | tee /dev/stderr\n' },
    { name: 'output discarded is not a log file', code: 'worker: ./poll.sh > /dev/null 2>&1\n' },
    { name: 'input redirects', code: 'worker: ./consume < /dev/stdin\n' },
    { name: 'a destination chosen by the environment', code: 'web: node server.js >> "$LOG_TARGET"\n' },
    { name: 'a log level is not a log file', code: 'web: uvicorn main:app --log-level info --log-config logging.yaml\n' },
    { name: 'a redirect in a comment', code: '# web: node server.js > app.log\nweb: node server.js\n' },
  ],
  invalid: [
    {
      name: 'a redirect to a file',
      code: 'web: node server.js «>> log/production.log» 2>&1\n',
      errors: [{ messageId: 'logFile', data: { process: 'web', path: 'log/production.log', how: '>> log/production.log' } }],
    },
    {
      name: 'stderr to a file',
      code: 'worker: celery -A app worker «2> celery.err»\n',
      errors: [{ messageId: 'logFile', data: { process: 'worker', path: 'celery.err', how: '2> celery.err' } }],
    },
    {
      name: 'tee into a file',
      code: 'web: node server.js | tee -a «app.log»\n',
      errors: [{ messageId: 'logFile', data: { process: 'web', path: 'app.log', how: 'tee app.log' } }],
    },
    {
      name: 'gunicorn log-file flags',
      code: 'web: gunicorn app.wsgi «--log-file /var/log/gunicorn.log» «--access-logfile=access.log»\n',
      errors: [
        { messageId: 'logFile', data: { process: 'web', path: '/var/log/gunicorn.log', how: '--log-file /var/log/gunicorn.log' } },
        { messageId: 'logFile', data: { process: 'web', path: 'access.log', how: '--access-logfile=access.log' } },
      ],
    },
    {
      name: 'Spring Boot log file property, and &> in an sh -c wrapper',
      code: `web: java «-Dlogging.file.name=app.log» -jar app.jar\nworker: sh -c "python worker.py «&> worker.log»"\n`,
      errors: [
        { messageId: 'logFile', data: { process: 'web', path: 'app.log', how: '-Dlogging.file.name=app.log' } },
        { messageId: 'logFile', data: { process: 'worker', path: 'worker.log', how: '&> worker.log' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.local' }, {
  valid: [{ name: 'a local Procfile may log to a file', code: 'web: node server.js > tmp/dev.log\n' }],
  invalid: [],
});
