import * as assert from 'node:assert/strict';
import { buildCommand, isOneOffCommand, migrationCommand, stripRunners } from '../../server/src/analysis/commandKinds';

const argv = (text: string) => text.split(' ');

describe('commandKinds', () => {
  it('stripRunners looks through npx, exec/run runners and interpreters', () => {
    assert.deepEqual(stripRunners(argv('npx --yes prisma@5.2.0 migrate deploy')), argv('prisma@5.2.0 migrate deploy'));
    assert.deepEqual(stripRunners(argv('bundle exec rake db:migrate')), argv('rake db:migrate'));
    assert.deepEqual(stripRunners(argv('poetry run python -u manage.py migrate')), argv('manage.py migrate'));
    assert.deepEqual(stripRunners(argv('python3 -m pip install -r r.txt')), argv('pip install -r r.txt'));
    assert.deepEqual(stripRunners(argv('php artisan migrate')), argv('artisan migrate'));
    assert.deepEqual(stripRunners(argv('node node_modules/.bin/knex migrate:latest')), argv('node_modules/.bin/knex migrate:latest'));
    assert.deepEqual(stripRunners(argv('yarn start')), argv('yarn start'), 'yarn alone is not a runner');
    assert.deepEqual(stripRunners(argv('node server.js')), argv('node server.js'));
  });

  it('migrationCommand', () => {
    const cases: [string, string | undefined][] = [
      ['python manage.py migrate --noinput', 'manage.py migrate'],
      ['python manage.py makemigrations', undefined],
      ['python -m alembic upgrade head', 'alembic upgrade'],
      ['alembic downgrade -1', undefined],
      ['flask --app app db upgrade', 'flask db upgrade'],
      ['pnpm exec prisma migrate deploy', 'prisma migrate deploy'],
      ['prisma generate', undefined],
      ['bin/rails db:migrate', 'rails db:migrate'],
      ['knex migrate:status', undefined],
      ['goose -dir db postgres x up', 'goose up'],
      ['migrate -path /m -database x down', undefined],
      ['yarn db:migrate', 'yarn db:migrate'],
      ['npm run migrate:deploy', 'npm run migrate:deploy'],
      ['npm run migration:generate', undefined],
      ['dotnet ef database update', 'dotnet ef database update'],
      ['node migrate.js', undefined],
      ['python -m django migrate', 'django migrate'],
      ['dbmate --wait migrate', 'dbmate migrate'],
      ['npx drizzle-kit migrate', 'drizzle-kit migrate'],
      ['npx drizzle-kit generate', undefined],
      ['php bin/console doctrine:migrations:migrate --no-interaction', 'console doctrine:migrations:migrate'],
      ['php bin/console cache:clear', undefined],
      ['superset db upgrade', 'superset db upgrade'],
      ['airflow db migrate', 'airflow db migrate'],
      ['airflow webserver', undefined],
      ['atlas migrate apply --url x', 'atlas migrate apply'],
      ['atlas migrate diff', undefined],
      ['sqitch --chdir db deploy', 'sqitch deploy'],
      ['node-pg-migrate up', 'node-pg-migrate up'],
      ['node-pg-migrate down', undefined],
      ['drush -y updb', 'drush updb'],
      ['./mvnw flyway:migrate', 'mvnw flyway:migrate'],
      ['./gradlew flywayMigrate', 'gradlew flywayMigrate'],
      ['bin/shop eval Shop.Release.migrate', 'shop eval Shop.Release.migrate'],
      ['bin/shop eval Shop.Release.seed', undefined],
      ['aerich upgrade', 'aerich upgrade'],
    ];
    for (const [text, label] of cases) assert.equal(migrationCommand(argv(text)), label, text);
  });

  it('buildCommand', () => {
    const cases: [string, string | undefined][] = [
      ['npm ci', 'npm ci'],
      ['npm run build:prod', 'npm run build:prod'],
      ['npm run start', undefined],
      ['npm test', undefined],
      ['yarn', 'yarn install'],
      ['yarn --frozen-lockfile', 'yarn install'],
      ['yarn start', undefined],
      ['pip3 install -r requirements.txt', 'pip3 install'],
      ['pip freeze', undefined],
      ['go build -o app .', 'go build'],
      ['go run .', undefined],
      ['./mvnw -B clean package', 'mvnw package'],
      ['mvn spring-boot:run', undefined],
      ['gradle clean :api:assemble', 'gradle :api:assemble'],
      ['gradle bootRun', undefined],
      ['apk add curl', 'apk add'],
      ['apt-get update', undefined],
      ['next build', 'next build'],
      ['next start', undefined],
      ['tsc --version', undefined],
    ];
    for (const [text, label] of cases) assert.equal(buildCommand(argv(text)), label, text);
  });

  it('isOneOffCommand', () => {
    for (const text of ['echo done', 'python manage.py collectstatic --noinput', 'npx prisma db seed', 'rails db:seed', 'alembic upgrade head']) assert.ok(isOneOffCommand(argv(text)), text);
    for (const text of ['gunicorn app.wsgi', 'exec "$@"', 'python manage.py runserver', 'node server.js']) assert.ok(!isOneOffCommand(argv(text)), text);
  });
});
