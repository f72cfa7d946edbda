import rule from '../../../server/src/rules/concurrency/several-processes';
import { testRule } from '../../helpers/ruleTester';

const extra = (command: string, how: string, where = 'container') => ({ messageId: 'extraProcess', data: { command, how, where } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM python:3.12\nCMD ["gunicorn", "app.wsgi"]',
    { name: 'tini reaps zombies, one child', code: 'FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "app.wsgi"]' },
    { name: 'dumb-init in shell form', code: 'FROM node:20\nCMD dumb-init node server.js' },
    { name: 'nginx in the foreground as the only process', code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]' },
    { name: 'nginx kept in the foreground before nothing else', code: 'FROM nginx:1.27\nCMD envsubst < /t > /etc/nginx/conf.d/default.conf && nginx -g "daemon off;"' },
    { name: 'one service kept alive by tail', code: 'FROM debian:12\nCMD service nginx start && tail -f /var/log/nginx/access.log' },
    { name: 'a background sleep', code: 'FROM debian:12\nCMD sleep 5 & exec node server.js' },
    { name: 'a backgrounded migration is a one-off', code: 'FROM python:3.12\nCMD python manage.py migrate & exec gunicorn app.wsgi' },
    { name: 'a look-alike: php-fpm in the foreground after setup', code: 'FROM php:8.3-fpm\nCMD php artisan config:cache && php-fpm -F' },
    { name: 'redis-server in the foreground', code: 'FROM redis:7\nCMD redis-server --appendonly yes' },
    { name: 'cron is the admin rule\'s', code: 'FROM debian:12\nCMD cron && exec gunicorn app.wsgi' },
    { name: '&& is no background', code: 'FROM node:20\nCMD npm run build && exec node server.js' },
    {
      name: 'supervisord with one program in a workspace config',
      code: 'FROM python:3.12\nCOPY supervisord.conf /etc/supervisor/conf.d/app.conf\nCMD ["supervisord", "-n"]',
      files: { 'supervisord.conf': '[supervisord]\nnodaemon=true\n[program:app]\ncommand=gunicorn app.wsgi\n' },
    },
    {
      name: 'a workspace script that only execs the app',
      code: 'FROM python:3.12\nCOPY start.sh /start.sh\nCMD ["/start.sh"]',
      files: { 'start.sh': '#!/bin/sh\nset -e\npython manage.py collectstatic --noinput\nexec gunicorn app.wsgi\n' },
    },
    { name: 'a script that is not in the workspace', code: 'FROM python:3.12\nCMD ["/start.sh"]' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCMD «service nginx start» && exec gunicorn app.wsgi',
      errors: [extra('service nginx start', 'starts the nginx service')],
    },
    {
      code: 'FROM python:3.12\nCMD «/etc/init.d/ssh start»; exec gunicorn app.wsgi',
      errors: [extra('/etc/init.d/ssh start', 'starts the ssh service')],
    },
    {
      name: 'a worker in the background, in a sh -c wrapper',
      code: 'FROM python:3.12\nCMD ["sh", "-c", "«celery -A app worker» & exec gunicorn app.wsgi"]',
      errors: [extra('celery -A app worker', 'runs celery in the background')],
    },
    {
      name: 'nginx detaches itself',
      code: 'FROM php:8.3-fpm\nCMD «nginx» && php-fpm -F',
      errors: [extra('nginx', 'starts nginx, which detaches itself')],
    },
    {
      name: 'two services and a keep-alive',
      code: 'FROM debian:12\nCMD «service php8.2-fpm start» && «service nginx start» && tail -f /dev/null',
      errors: [extra('service php8.2-fpm start', 'starts the php8.2-fpm service'), extra('service nginx start', 'starts the nginx service')],
    },
    {
      name: 'two background jobs and wait',
      code: 'FROM node:20\nCMD «node worker.js» & «node server.js» & wait',
      errors: [extra('node worker.js', 'runs node in the background'), extra('node server.js', 'runs node in the background')],
    },
    { code: 'FROM redis:7\nCMD «redis-server --daemonize yes» && exec node server.js', errors: [extra('redis-server --daemonize yes', 'starts redis-server, which detaches itself')] },
    {
      name: 'supervisord, its config not in the workspace',
      code: 'FROM tiangolo/uwsgi-nginx-flask:python3.6\nCMD [«"/usr/bin/supervisord"»]',
      errors: [{ messageId: 'processManager', data: { manager: 'supervisord' } }],
    },
    {
      name: 'supervisord with two programs',
      code: 'FROM python:3.12\nCOPY conf/supervisord.conf /etc/supervisord.conf\nCMD [«"supervisord", "-n"»]',
      files: { 'conf/supervisord.conf': '[program:web]\ncommand=gunicorn app.wsgi\n[program:worker]\ncommand=celery -A app worker\n' },
      errors: [{ messageId: 'processManager', data: { manager: 'supervisord' } }],
    },
    { code: 'FROM python:3.12\nCMD «honcho start»', errors: [{ messageId: 'processManager', data: { manager: 'honcho start' } }] },
    {
      name: 'a workspace script that starts a daemon and execs CMD',
      code: 'FROM python:3.12\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT [«"/usr/local/bin/entrypoint.sh"»]\nCMD ["gunicorn", "app.wsgi"]',
      files: { 'docker/entrypoint.sh': '#!/bin/sh\nredis-server --daemonize yes\nexec "$@"\n' },
      errors: [{ messageId: 'extraProcessInScript', data: { script: 'entrypoint.sh', how: 'starts redis-server, which detaches itself', command: 'redis-server --daemonize yes' } }],
    },
    {
      name: 'a script in a copied folder, run by sh',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . /app\nCMD sh «scripts/run.sh»',
      files: { 'scripts/run.sh': 'node worker.js &\nnode server.js\n' },
      errors: [{ messageId: 'extraProcessInScript', data: { script: 'run.sh', how: 'runs node in the background', command: 'node worker.js' } }],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: [{ name: 'a dev Dockerfile', code: 'FROM python:3.12\nCMD service redis-server start && python manage.py runserver' }],
  invalid: [],
});

const lines = (...l: string[]) => l.join('\n') + '\n';

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    lines('services:', '  web:', '    image: app', '    command: gunicorn app.wsgi'),
    lines('services:', '  web:', '    image: app', '    command: sh -c "sleep 3 & exec gunicorn app.wsgi"'),
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: app', '    command: sh -c "«celery -A app worker» & gunicorn app.wsgi"'),
      errors: [extra('celery -A app worker', 'runs celery in the background', 'service web')],
    },
    {
      code: lines('services:', '  all:', '    image: app', '    command: [«"supervisord", "-c", "/etc/supervisord.conf"»]'),
      errors: [{ messageId: 'processManager', data: { manager: 'supervisord' } }],
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    {
      name: 'a here-document that writes a script is not read as commands',
      code: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: w}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: busybox', '        command: ["/bin/sh"]', '        args:', '        - "-c"', '        - |', "          cat << 'EOF' > /rootfs/bin/mount", '          service rpcbind start', '          exec /bin/mount.real "$@"', '          EOF', '          exec /app/server'),
    },
    lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: app', '        command: ["sh", "-c", "node a.js & node b.js; wait"]'),
  ],
  invalid: [
    {
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app', '        args: ["/bin/sh", "-c", "«service nginx start» && exec node server.js"]'),
      errors: [extra('service nginx start', 'starts the nginx service', 'container app of Deployment web')],
    },
  ],
});
