import rule from '../../../server/src/rules/admin-processes/cron-in-container';
import { testRule } from '../../helpers/ruleTester';

const beside = (command: string, what = 'main process') => ({ messageId: 'cronBesideApp', data: { command, what } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM python:3.12\nCMD ["gunicorn", "app.wsgi"]',
    { name: 'a dedicated cron image', code: 'FROM debian:12\nCOPY crontab /etc/cron.d/jobs\nCMD ["cron", "-f"]' },
    { name: 'supercronic alone', code: 'FROM alpine:3.20\nCOPY crontab /app/crontab\nCMD ["supercronic", "/app/crontab"]' },
    { name: 'listing a crontab is no install', code: 'FROM python:3.12\nRUN crontab -l || true\nCMD ["gunicorn", "app.wsgi"]' },
    { name: 'a look-alike: a file named cron in the app', code: 'FROM node:20\nCOPY cron.js /app/cron.js\nCMD ["node", "/app/server.js"]' },
    { name: 'a crontab in a build stage only', code: 'FROM debian:12 AS tools\nCOPY crontab /etc/cron.d/x\nFROM python:3.12\nCMD ["gunicorn", "app.wsgi"]' },
    { name: 'cron kept alive by tail is a cron container', code: 'FROM debian:12\nCOPY jobs /etc/cron.d/jobs\nCMD cron && tail -f /var/log/cron.log' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nCMD «cron» && exec gunicorn app.wsgi', errors: [beside('cron')] },
    { code: 'FROM python:3.12\nCMD «service cron start» && exec gunicorn app.wsgi', errors: [beside('service cron start')] },
    { code: 'FROM alpine:3.20\nCMD ["sh", "-c", "«crond -b -l 8» && exec node server.js"]', errors: [beside('crond -b -l 8')] },
    { name: 'cron -f in the background', code: 'FROM python:3.12\nCMD «cron -f» & exec gunicorn app.wsgi', errors: [beside('cron -f')] },
    {
      name: 'a crontab copied into an image that runs the app',
      code: 'FROM python:3.12\n«COPY deploy/crontab /etc/cron.d/app»\nCMD ["gunicorn", "app.wsgi"]',
      errors: [{ messageId: 'crontabInImage', data: { main: 'gunicorn' } }],
    },
    {
      name: 'a crontab installed with crontab, and an entrypoint script',
      code: 'FROM php:8.3-fpm\nRUN apt-get update && «crontab /app/docker/crontab»\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["php-fpm"]',
      errors: [{ messageId: 'crontabInImage', data: { main: 'php-fpm' } }],
    },
    {
      name: 'a job echoed into /etc/crontab',
      code: 'FROM python:3.12\nRUN «echo "0 * * * * python /app/cleanup.py" >> /etc/crontab»\nCMD ["gunicorn", "app.wsgi"]',
      errors: [{ messageId: 'crontabInImage', data: { main: 'gunicorn' } }],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: ['FROM python:3.12\nCMD cron && exec python manage.py runserver'],
  invalid: [],
});

const lines = (...l: string[]) => l.join('\n') + '\n';

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'a scheduler service of its own', code: lines('services:', '  cron:', '    image: app', '    command: cron -f') },
    { name: 'a CronJob-like service that runs once', code: lines('services:', '  job:', '    image: app', '    command: sh -c "cron && python job.py"', '    restart: "no"') },
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: app', '    command: sh -c "«cron» && exec gunicorn app.wsgi"'),
      errors: [beside('cron', 'server of service web')],
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [],
  invalid: [
    {
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app', '        command: ["/bin/sh", "-c", "«service cron start»; exec php-fpm"]'),
      errors: [beside('service cron start', 'server of container app')],
    },
  ],
});
