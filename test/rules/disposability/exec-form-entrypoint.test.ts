import rule from '../../../server/src/rules/disposability/exec-form-entrypoint';
import { testRule } from '../../helpers/ruleTester';

const shellForm = (keyword: string, shell = '/bin/sh') => ({ messageId: 'shellForm', data: { keyword, shell } });
const shellFormArgs = { messageId: 'shellFormArgs', data: { shell: '/bin/sh' } };

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]',
    'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]',
    'FROM node:20\nENTRYPOINT ["dumb-init", "--"]\nCMD ["node", "server.js"]',
    { name: 'the final command is already exec-ed', code: 'FROM node:20\nCMD exec node server.js' },
    { name: 'exec after a chain', code: 'FROM node:20\nCMD cd /app && exec node server.js' },
    { name: 'exec with a variable', code: 'FROM eclipse-temurin:21\nENTRYPOINT exec java $JAVA_OPTS -jar /app.jar' },
    { name: 'exec "$@" in a shell-form entrypoint', code: 'FROM alpine:3.20\nENTRYPOINT set -e; exec "$@"' },
    { name: 'a script that traps signals on purpose', code: "FROM alpine:3.20\nCMD trap 'kill -TERM $pid' TERM; node server.js & pid=$!; wait $pid" },
    { name: 'a CMD in a build-only stage never runs', code: 'FROM golang:1.22 AS build\nCMD go test ./...\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]' },
    { name: 'a shell-form ENTRYPOINT ignores CMD; only the ENTRYPOINT counts', code: 'FROM alpine:3.20\nENTRYPOINT exec /app/server\nCMD --port 8080' },
    { name: 'RUN is build time', code: 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]' },
    { name: 'no CMD at all', code: 'FROM node:20\nRUN npm ci' },
    { name: 'Windows images run shell form with cmd', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD c:\\app\\server.exe' },
    { name: 'a PowerShell SHELL is not a POSIX shell', code: 'FROM mcr.microsoft.com/powershell:lts\nSHELL ["pwsh", "-Command"]\nCMD ./Start-App.ps1' },
    { name: 'malformed JSON is left to Docker', code: 'FROM node:20\nCMD ["node", "server.js",]' },
    { name: 'exec form under # escape=` with a continuation', code: '# escape=`\nFROM node:20\nCMD ["node", `\n    "server.js"]' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCMD «node server.js»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD ["node", "server.js"]',
    },
    {
      code: 'FROM eclipse-temurin:21\nENTRYPOINT «java -jar /app/app.jar»',
      errors: [shellForm('ENTRYPOINT')],
      output: 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-jar", "/app/app.jar"]',
    },
    {
      name: 'quotes and escapes are written as JSON',
      code: 'FROM node:20\nCMD «node -e "console.log(\\"hi\\")" \'a b\' c\\ d»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD ["node", "-e", "console.log(\\"hi\\")", "a b", "c d"]',
    },
    {
      name: 'a line continuation',
      code: 'FROM python:3.12\nCMD «gunicorn \\\n    --bind 0.0.0.0:8000 \\\n    app:app»\nUSER app',
      errors: [shellForm('CMD')],
      output: 'FROM python:3.12\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\nUSER app',
    },
    {
      name: 'a continuation under # escape=`',
      code: '# escape=`\nFROM node:20\nCMD «node `\n    server.js»',
      errors: [shellForm('CMD')],
      output: '# escape=`\nFROM node:20\nCMD ["node", "server.js"]',
    },
    {
      name: 'a && chain: exec the final command',
      code: 'FROM node:20\nCMD «cd /app && node server.js»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD cd /app && exec node server.js',
    },
    {
      name: 'redirects stay after exec',
      code: 'FROM node:20\nCMD «node app.js > /dev/null 2>&1»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD exec node app.js > /dev/null 2>&1',
    },
    {
      name: 'a variable keeps the shell: exec it',
      code: 'FROM eclipse-temurin:21\nENTRYPOINT «java ${JAVA_OPTS:-"-Xmx512m"} -jar /app.jar»',
      errors: [shellForm('ENTRYPOINT')],
      output: 'FROM eclipse-temurin:21\nENTRYPOINT exec java ${JAVA_OPTS:-"-Xmx512m"} -jar /app.jar',
    },
    {
      name: 'a multi-line chain',
      code: 'FROM python:3.12\nCMD «python manage.py collectstatic --noinput && \\\n    gunicorn -b :$PORT app.wsgi»',
      errors: [shellForm('CMD')],
      output: 'FROM python:3.12\nCMD python manage.py collectstatic --noinput && \\\n    exec gunicorn -b :$PORT app.wsgi',
    },
    {
      name: 'env stays inside exec',
      code: 'FROM node:20\nCMD «cd /app && env NODE_ENV=production node server.js»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD cd /app && exec env NODE_ENV=production node server.js',
    },
    { name: 'a pipe: no fix', code: 'FROM node:20\nCMD «node server.js | tee /var/log/app.log»', errors: [shellForm('CMD')], output: null },
    { name: '|| : no fix', code: 'FROM node:20\nCMD «node server.js || sleep infinity»', errors: [shellForm('CMD')], output: null },
    { name: 'background jobs: no fix', code: 'FROM nginx:1.27\nCMD «nginx && node server.js &»', errors: [shellForm('CMD')], output: null },
    { name: 'a subshell: no fix', code: 'FROM node:20\nCMD «(cd /app && node server.js)»', errors: [shellForm('CMD')], output: null },
    { name: 'if/fi: no fix', code: 'FROM node:20\nCMD «if [ -f .env ]; then node server.js; fi»', errors: [shellForm('CMD')], output: null },
    { name: 'a leading assignment: no fix', code: 'FROM node:20\nCMD «NODE_ENV=production node server.js»', errors: [shellForm('CMD')], output: null },
    { name: 'a builtin cannot be exec-ed', code: 'FROM node:20\nCMD «node worker.js; wait»', errors: [shellForm('CMD')], output: null },
    {
      name: 'a shell-form CMD behind an exec-form ENTRYPOINT is passed to it as sh -c',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD «node server.js»',
      errors: [shellFormArgs],
      output: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]',
    },
    {
      name: 'behind a pass-through ENTRYPOINT, exec helps',
      code: 'FROM node:20\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD «cd /app && node server.js»',
      errors: [shellFormArgs],
      output: 'FROM node:20\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD cd /app && exec node server.js',
    },
    {
      name: 'behind a program ENTRYPOINT, CMD meant as arguments becomes sh -c arguments',
      code: 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-jar", "/app.jar"]\nCMD «--server.port=8080»',
      errors: [shellFormArgs],
      output: 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-jar", "/app.jar"]\nCMD ["--server.port=8080"]',
    },
    {
      name: 'behind a program ENTRYPOINT, exec would not help: no fix',
      code: 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-jar", "/app.jar"]\nCMD «--server.port=$PORT»',
      errors: [shellFormArgs],
      output: null,
    },
    {
      name: 'behind ENTRYPOINT ["sh", "-c"] the CMD must stay one string: no fix',
      code: 'FROM node:20\nENTRYPOINT ["/bin/sh", "-c"]\nCMD «node server.js»',
      errors: [shellFormArgs],
      output: null,
    },
    {
      name: 'flags meant for a base image ENTRYPOINT cannot be exec-ed: no fix',
      code: 'FROM registry.local/java-app:1.2\nCMD «--server.port=$PORT»',
      errors: [shellForm('CMD')],
      output: null,
    },
    {
      name: 'only the ENTRYPOINT when both are shell form',
      code: 'FROM node:20\nENTRYPOINT «node server.js»\nCMD node other.js',
      errors: [shellForm('ENTRYPOINT')],
      output: 'FROM node:20\nENTRYPOINT ["node", "server.js"]\nCMD node other.js',
    },
    {
      name: 'the runtime stage inherits CMD from a parent stage',
      code: 'FROM node:20 AS base\nCMD «node server.js»\nFROM base\nCOPY . .',
      errors: [shellForm('CMD')],
      output: 'FROM node:20 AS base\nCMD ["node", "server.js"]\nFROM base\nCOPY . .',
    },
    {
      name: 'only the last CMD counts',
      code: 'FROM node:20\nCMD ["node", "a.js"]\nCMD «node b.js»',
      errors: [shellForm('CMD')],
      output: 'FROM node:20\nCMD ["node", "a.js"]\nCMD ["node", "b.js"]',
    },
    {
      name: 'a bash SHELL',
      code: 'FROM node:20\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD «cd /app && node server.js»',
      errors: [shellForm('CMD', '/bin/bash')],
      output: 'FROM node:20\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD cd /app && exec node server.js',
    },
  ],
});
