import rule from '../../../server/src/rules/port-binding/web-ignores-port';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: [
    { name: 'no explicit port: the server reads PORT itself', code: 'web: node server.js\nworker: node worker.js\n' },
    { name: 'gunicorn binds $PORT', code: 'web: gunicorn app.wsgi --bind 0.0.0.0:$PORT --workers 3\n' },
    { name: 'braced and defaulted references', code: 'web: bundle exec puma -p ${PORT:-3000} -C config/puma.rb\n' },
    { name: 'a braced reference in an address', code: 'web: uvicorn main:app --host 0.0.0.0 --port ${PORT}\n' },
    { name: 'a Java property from $PORT', code: 'web: java -Dserver.port=$PORT -jar target/app.jar\n' },
    { name: 'a bind address without a port', code: 'web: bundle exec rails server -b 0.0.0.0\n' },
    { name: 'a fixed port in a worker is not routed traffic', code: 'worker: redis-server --port 6379\n' },
    { name: "java -p takes a module path, gunicorn -p a pid file", code: 'web: java -p mods -m app/app.Main\nweb2: gunicorn -p /tmp/app.pid app:app\n' },
    { name: 'a port variable of another name is the operator\'s choice', code: 'web: node server.js --port $APP_PORT\n' },
    { name: 'a Unix socket', code: 'web: bin/start-nginx bundle exec puma -b unix:///tmp/nginx.socket\n' },
    { name: 'Procfile.windows for heroku local uses %PORT%', code: 'web: python manage.py runserver %PORT%\n' },
    { name: 'a metrics port flag is not the listen port', code: 'web: node server.js --metrics-port 9090 --inspect=0.0.0.0:9229\n' },
    { name: 'a port in a comment', code: '# web: rails s -p 3000\nweb: bin/rails server\n' },
    { name: 'runserver with $PORT', code: 'web: python manage.py runserver 0.0.0.0:$PORT\n' },
  ],
  invalid: [
    {
      name: 'rails s -p 3000',
      code: 'web: bundle exec rails s -p «3000»\n',
      errors: [{ messageId: 'fixedPort', data: { port: '3000', how: '-p 3000' } }],
      output: 'web: bundle exec rails s -p $PORT\n',
    },
    {
      name: '--port 3000 and --port=8000',
      code: 'web: node server.js --port «3000»\napi: x\nweb: uvicorn main:app --host 0.0.0.0 --port=«8000»\n',
      errors: [
        { messageId: 'fixedPort', data: { port: '3000', how: '--port 3000' } },
        { messageId: 'fixedPort', data: { port: '8000', how: '--port=8000' } },
      ],
      output: 'web: node server.js --port $PORT\napi: x\nweb: uvicorn main:app --host 0.0.0.0 --port=$PORT\n',
    },
    {
      name: 'gunicorn -b 0.0.0.0:8000 and --bind :8000',
      code: 'web: gunicorn -b 0.0.0.0:«8000» app:app\r\nweb: gunicorn --bind=:«8000» app:app\r\n',
      errors: [
        { messageId: 'fixedPort', data: { port: '8000', how: '-b 0.0.0.0:8000' } },
        { messageId: 'fixedPort', data: { port: '8000', how: '--bind=:8000' } },
      ],
      output: 'web: gunicorn -b 0.0.0.0:$PORT app:app\r\nweb: gunicorn --bind=:$PORT app:app\r\n',
    },
    {
      name: 'PORT=3000 in front: the assignment goes, the platform sets PORT',
      code: 'web: «PORT=3000» NODE_ENV=production node server.js\n',
      errors: [{ messageId: 'fixedPort', data: { port: '3000', how: 'PORT=3000' } }],
      output: 'web: NODE_ENV=production node server.js\n',
    },
    {
      name: 'a Java system property and a Spring Boot argument',
      code: 'web: java -Dserver.port=«8080» -jar app.jar --server.port=«8081»\n',
      errors: [
        { messageId: 'fixedPort', data: { port: '8080', how: '-Dserver.port=8080' } },
        { messageId: 'fixedPort', data: { port: '8081', how: '--server.port=8081' } },
      ],
      output: 'web: java -Dserver.port=$PORT -jar app.jar --server.port=$PORT\n',
    },
    {
      name: 'Django runserver with an address, and an attached short flag',
      code: 'web: python manage.py runserver 0.0.0.0:«8000»\nweb: rails server -p«3000» -e production\n',
      errors: [
        { messageId: 'fixedPort', data: { port: '8000', how: '0.0.0.0:8000' } },
        { messageId: 'fixedPort', data: { port: '3000', how: '-p3000' } },
      ],
      output: 'web: python manage.py runserver 0.0.0.0:$PORT\nweb: rails server -p$PORT -e production\n',
    },
    {
      name: 'inside an sh -c wrapper and after a migration',
      code: `web: sh -c 'bin/migrate && exec puma -b tcp://0.0.0.0:«3000»'\n`,
      errors: [{ messageId: 'fixedPort', data: { port: '3000', how: '-b tcp://0.0.0.0:3000' } }],
      output: `web: sh -c 'bin/migrate && exec puma -b tcp://0.0.0.0:$PORT'\n`,
    },
    {
      name: 'a port inside single quotes cannot be rewritten in place',
      code: `web: node server.js --port '«5000»'\n`,
      errors: [{ messageId: 'fixedPort', data: { port: '5000', how: '--port 5000' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.dev' }, {
  valid: [{ name: 'Procfile.dev is for local process managers', code: 'web: bin/rails server -p 3000\ncss: bin/rails tailwindcss:watch\n' }],
  invalid: [],
});
