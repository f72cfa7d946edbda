import rule from '../../../server/src/rules/build-release-run/build-at-runtime';
import { testRule } from '../../helpers/ruleTester';

const build = (command: string) => ({ messageId: 'buildAtStart', data: { command } });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]',
    { name: 'a lone go build in RUN is build time', code: 'FROM golang:1.22\nRUN go build -o /app .\nCMD ["/app"]' },
    { name: 'pip install in RUN', code: 'FROM python:3.12\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]' },
    { name: 'a builder image whose whole job is the build', code: 'FROM golang:1.22\nWORKDIR /src\nCMD ["go", "build", "-o", "/out/app", "./cmd/app"]' },
    { name: 'a builder image in shell form', code: 'FROM maven:3.9\nCMD mvn -B package' },
    { name: 'the build is the last command', code: 'FROM node:20\nCMD ["sh", "-c", "cd /src && npm ci"]' },
    { name: 'a build in a build-only stage', code: 'FROM node:20 AS build\nCMD npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html' },
    { name: 'npm run start is not a build', code: 'FROM node:20\nCMD npm run migrate && npm run start' },
    { name: 'pip list is not an install', code: 'FROM python:3.12\nCMD pip list && python app.py' },
    { name: 'apt-get update alone installs nothing', code: 'FROM debian:12\nCMD apt-get update; exec /app' },
    { name: 'an unknown entrypoint script receives the CMD as arguments', code: 'FROM node:20\nENTRYPOINT ["/usr/bin/runner"]\nCMD ["sh", "-c", "npm ci && node server.js"]' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCMD «npm install» && npm start',
      errors: [build('npm install')],
    },
    {
      name: 'one finding per offending command',
      code: 'FROM node:20\nCMD «npm ci» && «npm run build» && exec node dist/main.js',
      errors: [build('npm ci'), build('npm run build')],
    },
    {
      name: 'inside a sh -c wrapper',
      code: 'FROM python:3.12\nCMD ["sh", "-c", "«pip install -r requirements.txt» && exec gunicorn app:app"]',
      errors: [build('pip install')],
    },
    {
      name: 'python -m pip, across a continuation',
      code: 'FROM python:3.12\nCMD «python -m pip install \\\n      --no-cache-dir -r requirements.txt» && \\\n    python app.py',
      errors: [build('pip install')],
    },
    { code: 'FROM golang:1.22\nCMD «go build -o /app .» && /app', errors: [build('go build')] },
    { code: 'FROM maven:3.9\nENTRYPOINT «mvn -q clean package» && java -jar target/app.jar', errors: [build('mvn package')] },
    { code: 'FROM eclipse-temurin:21\nCMD ["bash", "-c", "«./gradlew :app:build -x test»; exec java -jar app/build/libs/app.jar"]', errors: [build('gradlew :app:build')] },
    { code: 'FROM ruby:3.3\nCMD «bundle install» && bundle exec puma', errors: [build('bundle install')] },
    { code: 'FROM php:8.3\nCMD «composer install --no-dev» && php-fpm', errors: [build('composer install')] },
    { code: 'FROM rust:1.79\nCMD «cargo build --release» && ./target/release/app', errors: [build('cargo build')] },
    { code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCMD «dotnet publish -c Release -o out» && dotnet out/App.dll', errors: [build('dotnet publish')] },
    { code: 'FROM python:3.12\nCMD «poetry install --no-root» && poetry run python app.py', errors: [build('poetry install')] },
    { code: 'FROM node:20\nCMD «yarn» && «yarn build» && yarn start', errors: [build('yarn install'), build('yarn build')] },
    { code: 'FROM node:20\nCMD «pnpm install --frozen-lockfile» && pnpm start', errors: [build('pnpm install')] },
    { code: 'FROM node:20\nCMD «npx tsc -p .» && node dist/main.js', errors: [build('tsc')] },
    {
      name: 'package installs at start',
      code: 'FROM debian:12\nCMD apt-get update && «apt-get install -y curl» && exec /app',
      errors: [build('apt-get install')],
    },
    { code: 'FROM alpine:3.20\nCMD «apk add --no-cache curl» && exec /app', errors: [build('apk add')] },
    {
      name: 'go run is no build step before the app, but it compiles as the app starts',
      code: 'FROM golang:1.22\nCMD go version && «go run .»',
      errors: [{ messageId: 'compileAtStart', data: { command: 'go run', where: 'a container' } }],
    },
    {
      name: 'a compile-and-run as the main command',
      code: 'FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD [«"go", "run", "main.go"»]',
      errors: [{ messageId: 'compileAtStart', data: { command: 'go run', where: 'a container' } }],
    },
    {
      name: 'behind tini, in the CMD passed to it',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD «npm ci» && node server.js',
      errors: [build('npm ci')],
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: [{ name: 'a dev-only Dockerfile installs at start on purpose', code: 'FROM node:20\nCMD npm install && npm run dev' }],
  invalid: [],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: [
    { name: 'a compiled binary, a jar, an interpreter', code: 'web: bin/server\nworker: java -jar target/app.jar\nclock: python clock.py\n' },
    { name: 'a release process may build once per release', code: 'release: npm run build\nweb: node dist/server.js\n' },
    { name: 'go build is a builder only when something runs after it', code: 'build: go build ./...\n' },
  ],
  invalid: [
    {
      name: 'go run compiles at every start',
      code: 'web: «go run main.go»\n',
      errors: [{ messageId: 'compileAtStart', data: { command: 'go run', where: 'the web process' } }],
    },
    {
      name: 'an install and a build before the app',
      code: 'web: «npm ci» && «npm run build» && node dist/server.js\n',
      errors: [
        { messageId: 'processBuildAtStart', data: { process: 'web', command: 'npm ci' } },
        { messageId: 'processBuildAtStart', data: { process: 'web', command: 'npm run build' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.dev' }, {
  valid: [{ name: 'a local Procfile may compile as it runs', code: 'web: go run main.go\n' }],
  invalid: [],
});
