import rule from '../../../server/src/rules/admin-processes/migration-in-entrypoint';
import { testRule } from '../../helpers/ruleTester';

const migration = (command: string) => ({ messageId: 'migrationBeforeServer', data: { command } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM python:3.12\nCMD ["gunicorn", "app.wsgi"]',
    { name: 'migrations in a RUN step', code: 'FROM python:3.12\nRUN python manage.py migrate\nCMD ["gunicorn", "app.wsgi"]' },
    { name: 'a migration-only image (exec form)', code: 'FROM python:3.12\nCMD ["python", "manage.py", "migrate", "--noinput"]' },
    { name: 'a migration-only image (shell form)', code: 'FROM node:20\nCMD npx prisma migrate deploy' },
    { name: 'a migration job that reports', code: 'FROM python:3.12\nCMD alembic upgrade head && echo "migrated"' },
    { name: 'migrate and seed, no server', code: 'FROM ruby:3.3\nCMD bundle exec rails db:migrate && bundle exec rails db:seed' },
    { name: 'migrate then collectstatic, no server', code: 'FROM python:3.12\nCMD python manage.py migrate && python manage.py collectstatic --noinput' },
    { name: 'makemigrations is not a migration run', code: 'FROM python:3.12\nCMD python manage.py makemigrations --check && exec gunicorn app.wsgi' },
    { name: 'migrate status is not a migration run', code: 'FROM node:20\nCMD npx knex migrate:status && exec node server.js' },
    {
      name: 'migrations behind an if that the deployment controls',
      code: 'FROM python:3.12\nCMD if [ "$RUN_MIGRATIONS" = 1 ]; then python manage.py migrate; fi; exec gunicorn app.wsgi',
    },
    { name: 'migrations in a build-only stage', code: 'FROM node:20 AS test\nCMD npx prisma migrate deploy && npm test\nFROM node:20-slim\nCMD ["node", "server.js"]' },
    { name: 'a separate migration stage image is not the final image', code: 'FROM python:3.12 AS app\nCMD ["gunicorn", "app.wsgi"]\nFROM app AS migrate\nCMD ["alembic", "upgrade", "head"]' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCMD «python manage.py migrate --noinput» && gunicorn app.wsgi',
      errors: [migration('manage.py migrate')],
    },
    {
      name: 'inside a sh -c wrapper',
      code: 'FROM python:3.12\nCMD ["sh", "-c", "«alembic upgrade head» && exec uvicorn app:app --host 0.0.0.0"]',
      errors: [migration('alembic upgrade')],
    },
    { code: 'FROM python:3.12\nCMD «flask db upgrade»; exec flask run --host=0.0.0.0', errors: [migration('flask db upgrade')] },
    { code: 'FROM node:20\nCMD «npx prisma migrate deploy» && node dist/main.js', errors: [migration('prisma migrate deploy')] },
    { code: 'FROM node:20\nCMD «prisma migrate deploy» && exec node server.js', errors: [migration('prisma migrate deploy')] },
    { code: 'FROM ruby:3.3\nCMD «bundle exec rake db:migrate» && bundle exec puma -C config/puma.rb', errors: [migration('rake db:migrate')] },
    { code: 'FROM ruby:3.3\nCMD «bin/rails db:migrate» && exec bin/rails server -b 0.0.0.0', errors: [migration('rails db:migrate')] },
    { code: 'FROM node:20\nCMD «npx knex migrate:latest» && node server.js', errors: [migration('knex migrate:latest')] },
    { code: 'FROM node:20\nCMD «npx sequelize-cli db:migrate» && node server.js', errors: [migration('sequelize-cli db:migrate')] },
    { code: 'FROM node:20\nCMD «npx typeorm migration:run -d dist/data-source.js» && node dist/main.js', errors: [migration('typeorm migration:run')] },
    { code: 'FROM golang:1.22\nCMD «goose -dir /migrations postgres \"$DATABASE_URL\" up» && exec /app', errors: [migration('goose up')] },
    { code: 'FROM golang:1.22\nCMD «migrate -path /migrations -database \"$DATABASE_URL\" up» && exec /app', errors: [migration('migrate up')] },
    { code: 'FROM eclipse-temurin:21\nCMD «flyway migrate» && java -jar /app.jar', errors: [migration('flyway migrate')] },
    { code: 'FROM php:8.3\nCMD «php artisan migrate --force» && php-fpm', errors: [migration('artisan migrate')] },
    { code: 'FROM eclipse-temurin:21\nCMD «liquibase update» && java -jar /app.jar', errors: [migration('liquibase update')] },
    { code: 'FROM node:20\nCMD «npm run migrate» && npm start', errors: [migration('npm run migrate')] },
    { code: 'FROM node:20\nCMD «yarn prisma migrate deploy» && yarn start', errors: [migration('prisma migrate deploy')] },
    {
      name: 'an entrypoint that migrates and then runs CMD',
      code: 'FROM python:3.12\nENTRYPOINT ["/bin/sh", "-ec", "«python manage.py migrate» && exec \\"$@\\"", "--"]\nCMD ["gunicorn", "app.wsgi"]',
      errors: [migration('manage.py migrate')],
    },
    {
      name: 'across continuations, behind tini',
      code: 'FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD «python manage.py migrate» && \\\n    python manage.py createcachetable ; \\\n    exec gunicorn app.wsgi',
      errors: [migration('manage.py migrate')],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: [{ name: 'a dev-only Dockerfile migrates at start on purpose', code: 'FROM python:3.12\nCMD python manage.py migrate && python manage.py runserver 0.0.0.0:8000' }],
  invalid: [],
});
