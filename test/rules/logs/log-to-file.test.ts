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
      errors: [{ messageId: 'processLogFile', data: { process: 'web', path: 'log/production.log', how: '>> log/production.log' } }],
    },
    {
      name: 'stderr to a file',
      code: 'worker: celery -A app worker «2> celery.err»\n',
      errors: [{ messageId: 'processLogFile', data: { process: 'worker', path: 'celery.err', how: '2> celery.err' } }],
    },
    {
      name: 'tee into a file',
      code: 'web: node server.js | tee -a «app.log»\n',
      errors: [{ messageId: 'processLogFile', data: { process: 'web', path: 'app.log', how: 'tee app.log' } }],
    },
    {
      name: 'gunicorn log-file flags',
      code: 'web: gunicorn app.wsgi «--log-file /var/log/gunicorn.log» «--access-logfile=access.log»\n',
      errors: [
        { messageId: 'processLogFile', data: { process: 'web', path: '/var/log/gunicorn.log', how: '--log-file /var/log/gunicorn.log' } },
        { messageId: 'processLogFile', data: { process: 'web', path: 'access.log', how: '--access-logfile=access.log' } },
      ],
    },
    {
      name: 'Spring Boot log file property, and &> in an sh -c wrapper',
      code: `web: java «-Dlogging.file.name=app.log» -jar app.jar\nworker: sh -c "python worker.py «&> worker.log»"\n`,
      errors: [
        { messageId: 'processLogFile', data: { process: 'web', path: 'app.log', how: '-Dlogging.file.name=app.log' } },
        { messageId: 'processLogFile', data: { process: 'worker', path: 'worker.log', how: '&> worker.log' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.local' }, {
  valid: [{ name: 'a local Procfile may log to a file', code: 'web: node server.js > tmp/dev.log\n' }],
  invalid: [],
});

testRule(rule, { kind: 'code', fileName: 'logger.ts' }, {
  valid: [
    { name: 'a console transport', code: "const logger = winston.createLogger({ transports: [new winston.transports.Console()] });\n" },
    { name: 'pino to stdout', code: "const log = pino(pino.destination(1));\nconst err = pino(pino.destination('/dev/stderr'));\n" },
    { name: 'a data file, not a log', code: "fs.appendFileSync('orders.csv', line);\nconst out = fs.createWriteStream(path.join(dir, 'report.pdf'));\n" },
    { name: 'the DOM File constructor', code: "const file = new File(['a'], 'a.txt');\n" },
    { name: 'a log4js console appender', code: "log4js.configure({ appenders: { out: { type: 'stdout' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n" },
    { name: 'a file-system entry with type file, no log4js', code: "const entry = { type: 'file', size: 10 };\nfunction stat(p) {\n  return { type: 'file', size: sizes.get(p) };\n}\n" },
    { name: 'an upload written to a built path', code: "const out = fs.createWriteStream(`uploads/images/${user.id}.${ext}`, { flags: 'w' });\n" },
    { name: 'getStream and createStream of other libraries', code: "import { getStream } from './streams';\nconst s = getStream({ filename: 'access.log' });\nconst t = stream.createStream('logs/x.log');\n" },
    { name: 'a path option outside bunyan streams', code: "const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }] });\nconst cfg = { path: '/var/log/x.log' };\n" },
  ],
  invalid: [
    {
      name: 'winston File and DailyRotateFile transports',
      code: "const logger = winston.createLogger({\n  transports: [«new winston.transports.File({ filename: 'app.log' })», «new DailyRotateFile({ filename: 'app-%DATE%.log' })»],\n});\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'winston.transports.File' } }, { messageId: 'codeLogFile', data: { what: 'DailyRotateFile' } }],
    },
    {
      name: 'a write stream to a .log file, and a log4js file appender',
      code: "const access = «fs.createWriteStream('logs/access.log', { flags: 'a' })»;\nlog4js.configure({ appenders: { app: { «type: 'file'», filename: 'app.log' } } });\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'createWriteStream' } }, { messageId: 'codeLogFile', data: { what: 'A log4js file appender' } }],
    },
    {
      name: 'a log4js appender built apart in a file that requires log4js',
      code: "const log4js = require('log4js');\nconst fileAppender = { «type: 'dateFile'», filename: 'logs/app.log' };\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'A log4js file appender' } }],
    },
    {
      name: "a write stream to a path built with path.join (morgan's README)",
      code: "const accessLogStream = «fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' })»;\napp.use(morgan('combined', { stream: accessLogStream }));\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'createWriteStream' } }],
    },
    {
      name: 'a file-stream-rotator stream handed to morgan',
      code: "import { getStream } from 'file-stream-rotator'\nconst accessLogStream = «getStream({\n  filename: path.resolve('logs/access.log.%DATE%'),\n  frequency: 'daily'\n})»\napp.use(morgan('combined', { stream: accessLogStream }))\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'A file-stream-rotator stream' } }],
    },
    {
      name: 'rotating-file-stream and a bunyan file stream',
      code: "const rfs = require('rotating-file-stream');\nconst bunyan = require('bunyan');\nconst access = «rfs.createStream('access.log', { interval: '1d', path: logDir })»;\nconst log = bunyan.createLogger({ name: 'app', streams: [{ level: 'info', «path: '/var/log/app.log'» }] });\n",
      errors: [{ messageId: 'codeLogFile', data: { what: 'A rotating-file-stream stream' } }, { messageId: 'codeLogFile', data: { what: 'A bunyan file stream' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'app.py' }, {
  valid: [
    { name: 'a stream handler and basicConfig without a file', code: 'import logging, sys\nlogging.basicConfig(level=logging.INFO, stream=sys.stdout)\nhandler = logging.StreamHandler()\n' },
    { name: 'a FileHandler on /dev/stdout', code: 'handler = logging.FileHandler("/dev/stdout")\n' },
    { name: 'loguru to stderr', code: 'logger.add(sys.stderr, level="INFO")\n' },
  ],
  invalid: [
    {
      name: 'handlers, basicConfig(filename=), dictConfig and loguru',
      code: 'h = «logging.handlers.RotatingFileHandler("/var/log/app.log", maxBytes=10_000)»\n«logging.basicConfig(filename="app.log")»\nLOGGING = {"handlers": {"file": {«"class": "logging.FileHandler"», "filename": "x.log"}}}\n«logger.add("app.log", rotation="1 day")»\n',
      errors: [
        { messageId: 'codeLogFile', data: { what: 'logging.handlers.RotatingFileHandler' } },
        { messageId: 'codeLogFile', data: { what: 'logging.basicConfig' } },
        { messageId: 'codeLogFile', data: { what: 'A logging config file handler' } },
        { messageId: 'codeLogFile', data: { what: 'logger.add' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'App.java' }, {
  valid: [{ name: 'a console handler', code: 'class A { void m() { logger.addHandler(new ConsoleHandler()); } }\n' }],
  invalid: [
    {
      name: 'java.util.logging FileHandler',
      code: 'class A { void m() throws Exception { logger.addHandler(«new FileHandler("app.log")»); } }\n',
      errors: [{ messageId: 'codeLogFile', data: { what: 'FileHandler' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'log to stdout', code: 'package main\n\nfunc main() { log.SetOutput(os.Stdout) }\n' },
    { name: 'a writer that is no file', code: 'package main\n\nfunc main() { var buf bytes.Buffer; log.SetOutput(&buf); w := newWriter(); log.SetOutput(w) }\n' },
  ],
  invalid: [
    {
      name: 'a file opened and set as the log output, and lumberjack',
      code: 'package main\n\nfunc main() {\n\tf, err := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t«log.SetOutput(f)»\n\tlogger.SetOutput(&«lumberjack.Logger{Filename: "/var/log/app.log"}»)\n}\n',
      errors: [{ messageId: 'codeLogFile', data: { what: 'log.SetOutput' } }, { messageId: 'codeLogFile', data: { what: 'lumberjack.Logger' } }],
    },
  ],
});

const containerLog = (where: string, path: string, how: string) => ({ messageId: 'containerLogFile', data: { where, path, how } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM python:3.12\nCMD ["gunicorn", "app.wsgi", "--access-logfile", "-", "--error-logfile", "-"]',
    { name: 'a redirect in a RUN step is a build log', code: 'FROM node:20\nRUN npm ci > /tmp/npm.log\nCMD ["node", "server.js"]' },
    { name: 'streams and /proc/1/fd', code: 'FROM nginx:1.27\nCMD nginx -g "daemon off;" 2> /proc/1/fd/2 > /dev/stdout' },
    { name: 'celery logging to stdout', code: 'FROM python:3.12\nCMD ["celery", "-A", "app", "worker", "--logfile=/dev/stdout"]' },
    { name: 'a log config file is not a log file', code: 'FROM python:3.12\nCMD gunicorn -b :$PORT --log-config logging.conf --log-level=$LOG_LEVEL app:app' },
    { name: 'an exec-form argument is no redirect', code: 'FROM node:20\nCMD ["node", "server.js", ">", "app.log"]' },
  ],
  invalid: [
    {
      name: 'tee in a sh -c wrapper',
      code: 'FROM debian:12\nCMD sh -c "app 2>&1 | tee «/var/log/app.log»"',
      errors: [containerLog('CMD', '/var/log/app.log', 'tee /var/log/app.log')],
    },
    {
      name: 'a redirect in an exec-form wrapper',
      code: 'FROM node:20\nENTRYPOINT ["/bin/sh", "-c", "exec node server.js «>> /var/log/app/out.log» 2>&1"]',
      errors: [containerLog('ENTRYPOINT', '/var/log/app/out.log', '>> /var/log/app/out.log')],
    },
    {
      name: 'a log-path flag in exec form',
      code: 'FROM python:3.12\nCMD ["uwsgi", "--ini", "app.ini", «"--logto", "/var/log/uwsgi.log"»]',
      errors: [containerLog('CMD', '/var/log/uwsgi.log', '--logto /var/log/uwsgi.log')],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: ['FROM node:20\nCMD node server.js > dev.log'],
  invalid: [],
});

const lines = (...l: string[]) => l.join('\n') + '\n';

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app', '        args: ["--log-file", "-"]'),
  ],
  invalid: [
    {
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app', '        command: ["nginx"]', '        args: ["-g", "daemon off;", «"--log-path", "/var/log/nginx/app.log"»]'),
      errors: [containerLog('command of container app of Deployment web', '/var/log/nginx/app.log', '--log-path /var/log/nginx/app.log')],
    },
    {
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: app', '        command: ["sh", "-c", "exec java -jar app.jar «> /logs/app.log» 2>&1"]'),
      errors: [containerLog('command of container app of Deployment web', '/logs/app.log', '> /logs/app.log')],
    },
  ],
});

testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'compose runs no shell: > is an argument', code: lines('services:', '  web:', '    image: app', '    command: node server.js > app.log') },
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: app', '    command: gunicorn app.wsgi «--error-logfile /var/log/gunicorn/error.log»'),
      errors: [containerLog('command of service web', '/var/log/gunicorn/error.log', '--error-logfile /var/log/gunicorn/error.log')],
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'statefulset.yaml' }, {
  valid: [
    {
      name: 'setup commands that write config and data files are no logs',
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: w}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: busybox', '        command: ["sh", "-c", "echo 262144 > /proc/sys/vm/max_map_count && envsubst < /t/nginx.conf > /etc/nginx/nginx.conf && exec nginx -g \'daemon off;\'"]'),
    },
    {
      name: 'an init container writes files for the app',
      code: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  template:', '    spec:', '      initContainers:', '      - name: init', '        image: mysql', '        command: ["bash", "-c", "exec mysqld --log-error=/var/log/x.log > /mnt/conf.d/server-id.cnf"]', '      containers:', '      - name: db', '        image: mysql'),
    },
    {
      name: 'a loop that appends data to a served file',
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: w}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: busybox', '        command: ["sh", "-c", "while true; do date >> /html/index.html; sleep 5; done"]'),
    },
  ],
  invalid: [
    {
      name: 'the main command\'s output to a data folder',
      code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: w}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: app', '        command: ["sh", "-c", "cd /app && exec node server.js «> /data/out» 2>&1"]'),
      errors: [containerLog('command of container a of Deployment w', '/data/out', '> /data/out')],
    },
  ],
});
