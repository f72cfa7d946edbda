import rule from '../../../server/src/rules/admin-processes/migration-in-web';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: [
    { name: 'migrations in the release phase', code: 'release: python manage.py migrate --noinput\nweb: gunicorn app.wsgi\n' },
    { name: 'a process type that only migrates is a one-off admin process', code: 'web: bundle exec puma\nmigrate: bundle exec rake db:migrate\n' },
    { name: 'a migration and then a seed, as a one-off', code: 'setup: rails db:migrate && rails db:seed\n' },
    { name: 'collectstatic and other build steps are not migrations', code: 'web: python manage.py collectstatic --noinput && gunicorn app.wsgi\n' },
    { name: 'showmigrations only reads', code: 'web: python manage.py showmigrations && gunicorn app.wsgi\n' },
    { name: 'a migration mentioned in a comment', code: '# web: rake db:migrate && puma\nweb: bundle exec puma -C config/puma.rb\n' },
  ],
  invalid: [
    {
      name: 'Django: a new release line after the web line',
      code: 'web: «python manage.py migrate» && gunicorn app.wsgi --log-file -\nworker: celery -A app worker\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'manage.py migrate' } }],
      output: 'web: gunicorn app.wsgi --log-file -\nrelease: python manage.py migrate\nworker: celery -A app worker\n',
    },
    {
      name: 'an existing release line gets the migration appended',
      code: 'release: ./bin/check-env\r\nweb: «bundle exec rake db:migrate»; bundle exec puma -C config/puma.rb\r\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'rake db:migrate' } }],
      output: 'release: ./bin/check-env && bundle exec rake db:migrate\r\nweb: bundle exec puma -C config/puma.rb\r\n',
    },
    {
      name: 'the release line already migrates: the web process just stops',
      code: 'release: npx prisma migrate deploy\nweb: «npx prisma migrate deploy» && node dist/server.js\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'prisma migrate deploy' } }],
      output: 'release: npx prisma migrate deploy\nweb: node dist/server.js\n',
    },
    {
      name: 'two migrations move together, and a cd before them is copied along',
      code: 'web: cd api && «alembic upgrade head» && «FLASK_APP=app flask db upgrade» && gunicorn app:app\n',
      errors: [
        { messageId: 'migrationInProcess', data: { process: 'web', command: 'alembic upgrade' } },
        { messageId: 'migrationInProcess', data: { process: 'web', command: 'flask db upgrade' } },
      ],
      output: 'web: cd api && gunicorn app:app\nrelease: cd api && alembic upgrade head && FLASK_APP=app flask db upgrade\n',
    },
    {
      name: 'with a cd and an existing release line, the moved part runs in a subshell',
      code: 'release: bin/notify\nweb: cd api && «npm run migrate» && node server.js\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'npm run migrate' } }],
      output: 'release: bin/notify && (cd api && npm run migrate)\nweb: cd api && node server.js\n',
    },
    {
      name: 'a worker that migrates first',
      code: 'web: bundle exec puma\nworker: «bin/rails db:migrate» && bundle exec sidekiq\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'worker', command: 'rails db:migrate' } }],
      output: 'web: bundle exec puma\nworker: bundle exec sidekiq\nrelease: bin/rails db:migrate\n',
    },
    {
      name: 'inside an sh -c wrapper: reported, not rewritten',
      code: `web: sh -c '«php artisan migrate --force» && heroku-php-apache2 public/'\n`,
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'artisan migrate' } }],
      output: null,
    },
    {
      name: 'after a release line that changes directory: reported, not rewritten',
      code: 'release: cd worker && alembic upgrade head\nweb: «knex migrate:latest» && node server.js\n',
      errors: [{ messageId: 'migrationInProcess', data: { process: 'web', command: 'knex migrate:latest' } }],
      output: null,
    },
  ],
});
