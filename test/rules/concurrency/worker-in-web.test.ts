import rule from '../../../server/src/rules/concurrency/worker-in-web';
import { testRule } from '../../helpers/ruleTester';

const extra = (process: string, how: string, command: string, name = 'worker') => ({ messageId: 'extraProcess', data: { process, how, command, name } });

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: [
    'web: gunicorn app.wsgi\nworker: celery -A app worker\n',
    { name: '&& is no background', code: 'web: python manage.py collectstatic --noinput && gunicorn app.wsgi\n' },
    { name: 'a background sleep', code: 'web: sleep 2 & exec node server.js\n' },
    { name: 'one background job kept by wait is one process', code: 'web: node server.js & wait\n' },
    { name: 'a lone background job and nothing else', code: 'clock: node clock.js &\n' },
    { name: '&> is a redirect, not a background job', code: 'web: node server.js &> /dev/stdout\n' },
    { name: 'an ampersand in quotes', code: 'web: node server.js --title "R&D"\n' },
  ],
  invalid: [
    {
      code: 'web: «celery -A app worker -l info» & gunicorn app.wsgi\n',
      errors: [extra('web', 'runs celery in the background', 'celery -A app worker -l info')],
      output: 'web: gunicorn app.wsgi\nworker: celery -A app worker -l info\n',
    },
    {
      name: 'the worker name is taken',
      code: 'web: «bundle exec sidekiq» & bundle exec puma -C config/puma.rb\r\nworker: bundle exec rake jobs:work\r\n',
      errors: [extra('web', 'runs sidekiq in the background', 'bundle exec sidekiq', 'worker2')],
      output: 'web: bundle exec puma -C config/puma.rb\r\nworker2: bundle exec sidekiq\r\nworker: bundle exec rake jobs:work\r\n',
    },
    {
      name: 'two jobs and wait: one fix at a time, and then the web process is one process',
      code: 'web: «node worker.js» & «node server.js» & wait\n',
      errors: [extra('web', 'runs node in the background', 'node worker.js'), extra('web', 'runs node in the background', 'node server.js', 'worker2')],
      output: 'web: node server.js & wait\nworker: node worker.js\n',
    },
    {
      name: 'nginx detaching itself: no fix',
      code: 'web: «nginx -c /app/nginx.conf» && php-fpm -F\n',
      errors: [extra('web', 'starts nginx, which detaches itself', 'nginx -c /app/nginx.conf')],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.dev' }, {
  valid: ['web: npm run watch & node server.js\n'],
  invalid: [],
});
