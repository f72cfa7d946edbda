import rule from '../../../server/src/rules/disposability/shell-wrapper-without-exec';
import { testRule } from '../../helpers/ruleTester';

const noExec = (program: string, shell = 'sh') => ({ messageId: 'noExec', data: { shell, program } });
const noFinalCommand = (shell = 'sh') => ({ messageId: 'noFinalCommand', data: { shell } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM eclipse-temurin:21\nCMD ["java", "-jar", "/app.jar"]',
    { name: 'the final command is exec-ed', code: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app.jar"]' },
    { name: 'exec after a chain', code: 'FROM node:20\nCMD ["/bin/bash", "-ec", "cd /app && exec node server.js"]' },
    { name: 'exec "$@" entrypoint', code: 'FROM node:20\nENTRYPOINT ["/bin/sh", "-c", "exec \\"$@\\"", "--"]\nCMD ["node", "server.js"]' },
    { name: 'tini in front of a program', code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]' },
    { name: 'a script that traps signals on purpose', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "trap \'kill $p\' TERM; worker & p=$!; wait $p"]' },
    { name: 'a script file is not a wrapper', code: 'FROM alpine:3.20\nCMD ["sh", "/start.sh"]' },
    { name: 'shell form is exec-form-entrypoint\'s business', code: 'FROM node:20\nCMD node server.js' },
    { name: 'RUN is build time', code: 'FROM node:20\nRUN ["sh", "-c", "npm ci && npm run build"]\nCMD ["node", "dist/main.js"]' },
    {
      name: 'a wrapper in a build-only stage never runs',
      code: 'FROM golang:1.22 AS build\nCMD ["sh", "-c", "go test ./..."]\nFROM gcr.io/distroless/static:nonroot\nCMD ["/app"]',
    },
    { name: 'an unknown entrypoint script receives the wrapper as arguments', code: 'FROM node:20\nENTRYPOINT ["/usr/local/bin/run-app"]\nCMD ["sh", "-c", "node server.js"]' },
  ],
  invalid: [
    {
      code: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "«java -jar /app.jar»"]',
      errors: [noExec('java')],
      output: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "exec java -jar /app.jar"]',
    },
    {
      name: 'combined flags and a chain',
      code: 'FROM node:20\nENTRYPOINT ["/bin/bash", "-ec", "cd /app && «node server.js»"]',
      errors: [noExec('node', 'bash')],
      output: 'FROM node:20\nENTRYPOINT ["/bin/bash", "-ec", "cd /app && exec node server.js"]',
    },
    {
      name: 'JSON escapes before the final command shift offsets',
      code: 'FROM node:20\nCMD ["sh", "-c", "echo \\"starting\\" \\u0026\\u0026 «node server.js \\"--name=a b\\"»"]',
      errors: [noExec('node')],
      output: 'FROM node:20\nCMD ["sh", "-c", "echo \\"starting\\" \\u0026\\u0026 exec node server.js \\"--name=a b\\""]',
    },
    {
      name: 'a variable and a redirect',
      code: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "«java $JAVA_OPTS -jar /app.jar» 2>&1"]',
      errors: [noExec('java')],
      output: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app.jar 2>&1"]',
    },
    {
      name: 'the script in CMD, the shell in ENTRYPOINT',
      code: 'FROM python:3.12\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["«gunicorn -b :$PORT app:app»"]',
      errors: [noExec('gunicorn')],
      output: 'FROM python:3.12\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["exec gunicorn -b :$PORT app:app"]',
    },
    {
      name: 'behind tini',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "«node server.js»"]',
      errors: [noExec('node')],
      output: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "exec node server.js"]',
    },
    {
      name: 'a continuation inside the JSON string',
      code: 'FROM node:20\nCMD ["sh", "-c", "npm ci && \\\n    «node server.js»"]',
      errors: [noExec('node')],
      output: 'FROM node:20\nCMD ["sh", "-c", "npm ci && \\\n    exec node server.js"]',
    },
    {
      name: 'a continuation under # escape=`',
      code: '# escape=`\nFROM node:20\nCMD ["sh", "-c", `\n    "«node server.js»"]',
      errors: [noExec('node')],
      output: '# escape=`\nFROM node:20\nCMD ["sh", "-c", `\n    "exec node server.js"]',
    },
    {
      name: 'bash -o pipefail -c',
      code: 'FROM node:20\nCMD ["bash", "-o", "pipefail", "-c", "«node server.js»"]',
      errors: [noExec('node', 'bash')],
      output: 'FROM node:20\nCMD ["bash", "-o", "pipefail", "-c", "exec node server.js"]',
    },
    {
      name: 'env stays inside exec',
      code: 'FROM node:20\nCMD ["sh", "-c", "«env NODE_ENV=production node server.js»"]',
      errors: [noExec('node')],
      output: 'FROM node:20\nCMD ["sh", "-c", "exec env NODE_ENV=production node server.js"]',
    },
    { name: 'a leading assignment: no fix', code: 'FROM node:20\nCMD ["sh", "-c", "«NODE_ENV=production node server.js»"]', errors: [noExec('node')], output: null },
    { name: 'a pipe', code: 'FROM node:20\nCMD ["sh", "-c", «"node server.js | tee /log/app.log"»]', errors: [noFinalCommand()], output: null },
    { name: 'background jobs', code: 'FROM node:20\nCMD ["sh", "-c", «"nginx & node server.js"»]', errors: [noFinalCommand()], output: null },
    { name: 'a loop', code: 'FROM python:3.12\nCMD ["sh", "-c", «"while true; do python job.py; sleep 60; done"»]', errors: [noFinalCommand()], output: null },
  ],
});
