import rule from '../../../server/src/rules/admin-processes/migration-in-container-command';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const workload = (kind: string, ...container: string[]) =>
  lines('apiVersion: apps/v1', `kind: ${kind}`, 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: example/web:1.2.3', ...container.map((l) => `        ${l}`));

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'a plain server command', code: workload('Deployment', 'command: ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]') },
    { name: 'a migration Job', code: workload('Job', 'command: ["sh", "-c", "python manage.py migrate && python manage.py collectstatic --noinput"]') },
    { name: 'an init container migrates', code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      initContainers:', '      - name: migrate', '        image: example/web:1.2.3', '        command: ["sh", "-c", "alembic upgrade head && echo done"]', '      containers:', '      - name: app', '        image: example/web:1.2.3') },
    { name: 'a script that ends in a one-off', code: workload('Deployment', 'args: ["/bin/sh", "-c", "rails db:migrate; rails db:seed"]') },
    { name: 'other setup before the server', code: workload('Deployment', 'command: ["sh", "-c", "python manage.py collectstatic --noinput && exec gunicorn app.wsgi"]') },
  ],
  invalid: [
    {
      name: 'sh -c in command: the migration itself is reported',
      code: workload('Deployment', 'command: ["sh", "-c", "«python manage.py migrate --noinput» && exec gunicorn app.wsgi"]'),
      errors: [{ messageId: 'migrationBeforeServer', data: { command: 'manage.py migrate', container: 'app', kind: 'Deployment', workload: 'web' } }],
    },
    {
      name: 'the script in args, block style, plain scalar',
      code: workload('StatefulSet', 'command: [/bin/bash]', 'args:', '- -c', '- «npx prisma migrate deploy» && node dist/main.js'),
      errors: [{ messageId: 'migrationBeforeServer', data: { command: 'prisma migrate deploy', container: 'app', kind: 'StatefulSet', workload: 'web' } }],
    },
    {
      name: 'a quoted script with escapes: the whole script is reported',
      code: workload('Deployment', 'command: ["sh", "-c", «"bundle exec rails db:migrate && bundle exec puma -C config/puma.rb \\"--quiet\\""»]'),
      errors: [{ messageId: 'migrationBeforeServer', data: { command: 'rails db:migrate', container: 'app', kind: 'Deployment', workload: 'web' } }],
    },
  ],
});

const service = (...l: string[]) => lines('services:', '  web:', '    image: example/web:1.2.3', ...l.map((x) => `    ${x}`));

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'a plain server command', code: service('command: gunicorn app.wsgi --bind 0.0.0.0:8000') },
    { name: 'a one-off migration service', code: service('command: sh -c "alembic upgrade head && echo done"', 'restart: "no"') },
    { name: 'a migration-only command', code: service('command: python manage.py migrate') },
    { name: 'a look-alike: makemigrations before the server', code: service('command: sh -c "python manage.py makemigrations --check && gunicorn app.wsgi"') },
    { name: 'a service that runs to completion', code: service('command: ["sh", "-c", "npx prisma migrate deploy && node seed.js"]', 'restart: "no"') },
  ],
  invalid: [
    {
      name: 'a string command with a sh -c script',
      code: service('command: sh -c "«alembic upgrade head» && exec uvicorn app:app --host 0.0.0.0"'),
      errors: [{ messageId: 'composeMigrationBeforeServer', data: { command: 'alembic upgrade', workload: 'web' } }],
    },
    {
      name: 'a list command, and the entrypoint is the shell',
      code: service('entrypoint: ["/bin/bash", "-c"]', 'command: ["«php artisan migrate --force» && php-fpm"]'),
      errors: [{ messageId: 'composeMigrationBeforeServer', data: { command: 'artisan migrate', workload: 'web' } }],
    },
    {
      name: 'a folded block scalar: its text is not the file\'s, so the whole command is reported',
      code: service('command: «>', '  sh -c "python -m django migrate &&', '  gunicorn app.wsgi"»'),
      errors: [{ messageId: 'composeMigrationBeforeServer', data: { command: 'django migrate', workload: 'web' } }],
    },
    {
      name: 'another framework\'s admin tool',
      code: service("command: bash -c '«superset db upgrade» && superset init && exec gunicorn \"superset.app:create_app()\"'"),
      errors: [{ messageId: 'composeMigrationBeforeServer', data: { command: 'superset db upgrade', workload: 'web' } }],
    },
  ],
});
