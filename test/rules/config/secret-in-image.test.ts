import rule from '../../../server/src/rules/config/secret-in-image';
import { testRule } from '../../helpers/ruleTester';

// Fake credentials are assembled at run time so that secret scanners do not flag this file; every
// invalid case has a name, so that no value ends up in a test title.
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');
const AWS_KEY = 'AKIA' + 'Q2W3E4R5T6Y7U8I9';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    { name: "Rails' SECRET_KEY_BASE_DUMMY switch for asset precompilation", code: 'FROM ruby:3.3\nENV RAILS_ENV=production SECRET_KEY_BASE_DUMMY=1\n' },
    'FROM node:20-alpine\nENV NODE_ENV=production PORT=8080\nCMD ["node", "server.js"]',
    { name: 'a reference to a build arg or runtime variable', code: 'FROM node:20\nENV DB_PASSWORD=$DB_PASSWORD API_TOKEN=${API_TOKEN}' },
    { name: 'placeholders', code: 'FROM node:20\nENV DB_PASSWORD=changeme\nENV API_KEY="<your-api-key>"\nENV JWT_SECRET=""' },
    { name: 'the *_FILE convention points at a mounted secret', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password' },
    { name: 'a CF-style and a Helm-style reference', code: 'FROM node:20\nENV DB_PASSWORD=((db-password)) API_KEY="{{ .Values.apiKey }}"' },
    { name: 'a connection string whose password is a reference', code: 'FROM node:20\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app' },
    { name: 'metadata about a secret is not the secret', code: 'FROM python:3.12\nENV ACCESS_TOKEN_EXPIRE_MINUTES=30 JWT_ALGORITHM=HS256 TOKEN_URL=https://auth.example.com/token' },
    { name: 'an official image sets GPG_KEY to a public fingerprint', code: 'FROM debian:12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D' },
    { name: 'switches named after passwords', code: 'FROM mysql:8\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=yes' },
    { name: 'an ARG with a placeholder default', code: 'FROM ruby:3.3\nARG SECRET_KEY_BASE=dummy\nRUN bundle exec rails assets:precompile' },
    { name: 'ordinary build args', code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\nARG VERSION\nARG TARGETPLATFORM' },
    { name: 'a secret mount instead of a build arg', code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci' },
  ],
  invalid: [
    {
      name: 'ENV with one secret pair: the line goes',
      code: 'FROM node:20\nENV DB_PASSWORD=«pa55word-123»\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'envSecret', data: { name: 'DB_PASSWORD', label: 'password', masked: 'pa****' } }],
      output: 'FROM node:20\nCMD ["node", "server.js"]',
    },
    {
      name: 'a quoted value is judged and masked without its quotes',
      code: 'FROM node:20\nENV JWT_SECRET=«"s3cr3t-signing"»\n',
      errors: [{ messageId: 'envSecret', data: { name: 'JWT_SECRET', label: 'secret', masked: 's3****' } }],
      output: 'FROM node:20\n',
    },
    {
      name: 'ENV with several pairs: only the secret pair goes',
      code: 'FROM node:20\nENV NODE_ENV=production API_KEY=«k3y-v4lue-1234» PORT=8080\n',
      errors: [{ messageId: 'envSecret', data: { name: 'API_KEY', label: 'key', masked: 'k3****' } }],
      output: 'FROM node:20\nENV NODE_ENV=production PORT=8080\n',
    },
    {
      name: 'two secret pairs in one ENV: the fixes overlap, so one applies per pass',
      code: 'FROM node:20\nENV DB_PASSWORD=«pa55word-123» API_TOKEN=«t0ken-value-99»\n',
      errors: [
        { messageId: 'envSecret', data: { name: 'DB_PASSWORD', label: 'password', masked: 'pa****' } },
        { messageId: 'envSecret', data: { name: 'API_TOKEN', label: 'token', masked: 't0****' } },
      ],
      output: 'FROM node:20\nENV API_TOKEN=t0ken-value-99\n',
    },
    {
      name: 'the last pair of a continued ENV',
      code: 'FROM node:20\nENV NODE_ENV=production \\\n    SESSION_SECRET=«keyboard-cat-42»\nUSER node\n',
      errors: [{ messageId: 'envSecret', data: { name: 'SESSION_SECRET', label: 'secret', masked: 'ke****' } }],
      output: 'FROM node:20\nENV NODE_ENV=production\nUSER node\n',
    },
    {
      name: 'a token format, whatever the name',
      code: `FROM node:20\nENV GH_AUTH=«${GITHUB_TOKEN}» CI=true\n`,
      errors: [{ messageId: 'envSecret', data: { name: 'GH_AUTH', label: 'GitHub token', masked: 'gh****' } }],
      output: 'FROM node:20\nENV CI=true\n',
    },
    {
      name: 'an AWS key in the legacy ENV form',
      code: `FROM python:3.12\nENV AWS_ACCESS_KEY_ID «${AWS_KEY}»\r\nRUN pip install -r requirements.txt\r\n`,
      errors: [{ messageId: 'envSecret', data: { name: 'AWS_ACCESS_KEY_ID', label: 'AWS access key', masked: 'AK****' } }],
      output: 'FROM python:3.12\nRUN pip install -r requirements.txt\r\n',
    },
    {
      name: 'a connection string with credentials: only the password is masked',
      code: 'FROM node:20\nENV DATABASE_URL=«postgres://app:pa55word@db:5432/app»\n',
      errors: [{ messageId: 'envSecret', data: { name: 'DATABASE_URL', label: 'URL with a password', masked: 'postgres://app:pa****@db:5432/app' } }],
      output: 'FROM node:20\n',
    },
    {
      name: 'an ARG with a secret default loses the default',
      code: 'FROM node:20\nARG NPM_TOKEN=«npm-t0ken-value»\nRUN npm ci\n',
      errors: [{ messageId: 'argDefault', data: { name: 'NPM_TOKEN', label: 'token', masked: 'np****' } }],
      output: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n',
    },
    {
      name: 'an ARG without a default is still a leak, and has no fix',
      code: 'FROM node:20\nARG «NPM_TOKEN»\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      errors: [{ messageId: 'buildArg', data: { name: 'NPM_TOKEN', id: 'npm_token' } }],
      output: null,
    },
    {
      name: 'a global ARG with an empty default, and an SSH key',
      code: 'ARG «GITHUB_TOKEN»=""\nFROM golang:1.22\nARG «SSH_KEY»\n',
      errors: [{ messageId: 'buildArg', data: { name: 'GITHUB_TOKEN', id: 'github_token' } }, { messageId: 'buildArg', data: { name: 'SSH_KEY', id: 'ssh_key' } }],
      output: null,
    },
    {
      name: 'a private key',
      code: 'FROM alpine:3.20\nENV TLS_KEY=«"-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA"»\n',
      errors: [{ messageId: 'envSecret', data: { name: 'TLS_KEY', label: 'private key', masked: '-----BEGIN ****' } }],
      output: 'FROM alpine:3.20\n',
    },
  ],
});
