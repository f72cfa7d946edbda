import rule from '../../../server/src/rules/dependencies/install-without-lockfile';
import { testRule } from '../../helpers/ruleTester';

const LOCK = { 'package-lock.json': '{"lockfileVersion": 3}' };

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    { name: 'a glob brings the lockfile', code: 'FROM node:20\nCOPY package*.json ./\nRUN npm install' },
    { name: 'the whole context brings the lockfile', code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install --omit=dev' },
    { name: 'a folder brings the lockfile', code: 'FROM node:20\nCOPY app/ ./\nRUN npm install' },
    { name: 'the lockfile in its own COPY', code: 'FROM node:20\nCOPY package.json ./\nCOPY yarn.lock ./\nRUN yarn install --frozen-lockfile' },
    { name: 'npm-shrinkwrap', code: 'FROM node:20\nCOPY package.json npm-shrinkwrap.json ./\nRUN npm install' },
    { name: 'installing named packages is not a lockfile install', code: 'FROM node:20\nCOPY package.json ./\nRUN npm install -g pm2@5 && npm i --save-dev typescript' },
    { name: 'yarn subcommands other than install', code: 'FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install\nCOPY package.json ./\nRUN yarn build && yarn global add serve' },
    { name: 'no package.json copied: nothing to judge', code: 'FROM node:20\nRUN npm install' },
    { name: 'the lockfile was copied in the parent stage', code: 'FROM node:20 AS deps\nCOPY package.json package-lock.json ./\nFROM deps AS build\nCOPY package.json ./\nRUN npm install' },
    { name: 'COPY --from another stage is not the build context', code: 'FROM node:20\nCOPY --from=deps /app/package.json ./\nRUN npm install' },
    { name: 'pip with pins, ranges, files, paths and URLs', code: 'FROM python:3.12\nRUN pip install flask==3.0.3 "gunicorn>=22,<23" requests~=2.32 -r requirements.txt . -e ./lib git+https://github.com/org/pkg@v1.2 ./dist/app-1.0-py3-none-any.whl' },
    { name: 'upgrading the packaging tools', code: 'FROM python:3.12\nRUN pip install --no-cache-dir --upgrade pip setuptools wheel' },
    { name: 'a constraints file pins named packages', code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask gunicorn' },
    { name: 'pip option values are not packages', code: 'FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple --target /deps -r requirements.txt' },
    { name: 'a variable', code: 'FROM python:3.12\nRUN pip install $EXTRA_PACKAGES' },
    { name: 'pip subcommands other than install', code: 'FROM python:3.12\nRUN pip download flask && pip wheel flask' },
    { name: 'go get after go.mod and go.sum are copied', code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download && go get -d -v ./...\nCOPY . .' },
    { name: 'go get after a glob brings go.mod', code: 'FROM golang:1.22\nCOPY go.* ./\nRUN go get ./...' },
    { name: 'go get after the context holding go.mod is copied', code: 'FROM golang:1.22\nCOPY . .\nRUN go get -d ./...', files: { 'go.mod': 'module example.com/app\n' } },
    { name: 'go get of a pinned version, or of a variable', code: 'FROM golang:1.22\nRUN go get github.com/lib/pq@v1.10.9 && go get $TOOL' },
    { name: 'go install, go build and go mod download', code: 'FROM golang:1.22\nCOPY main.go .\nRUN go build -o /app . && go install ./... && go mod download' },
  ],
  invalid: [
    {
      name: 'npm install with only package.json, fixed when package-lock.json exists',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN «npm install»\nCOPY . .\nCMD ["node", "server.js"]',
      files: LOCK,
      errors: [{ messageId: 'noLockfile', data: { command: 'npm install', lockfile: 'package-lock.json' } }],
      output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]',
    },
    {
      name: 'npm i with flags, a cache mount and --chown',
      code: 'FROM node:20\nCOPY --chown=node:node ./package.json ./\nRUN --mount=type=cache,target=/root/.npm NODE_ENV=production «npm i» --omit=dev\n',
      files: LOCK,
      errors: [{ messageId: 'noLockfile', data: { command: 'npm i', lockfile: 'package-lock.json' } }],
      output: 'FROM node:20\nCOPY --chown=node:node ./package.json ./package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm NODE_ENV=production npm ci --omit=dev\n',
    },
    {
      name: 'no fix when the repository has no package-lock.json',
      code: 'FROM node:20\nCOPY package.json ./\nRUN «npm --loglevel warn install»',
      errors: [{ messageId: 'noLockfile', data: { command: 'npm --loglevel warn install', lockfile: 'package-lock.json' } }],
      output: null,
    },
    {
      name: 'a COPY . . after the install comes too late (but covers the install after it)',
      code: 'FROM node:20\nCOPY package.json ./\nRUN «yarn» --production && «yarn install»\nCOPY . .\nRUN yarn install',
      errors: [
        { messageId: 'noLockfile', data: { command: 'yarn', lockfile: 'yarn.lock' } },
        { messageId: 'noLockfile', data: { command: 'yarn install', lockfile: 'yarn.lock' } },
      ],
      output: null,
    },
    {
      name: 'a stage built on one that copied only package.json',
      code: 'FROM node:20 AS base\nCOPY package.json ./\nFROM base AS deps\nRUN «npm install»',
      files: LOCK,
      errors: [{ messageId: 'noLockfile', data: { command: 'npm install', lockfile: 'package-lock.json' } }],
      output: 'FROM node:20 AS base\nCOPY package.json package-lock.json ./\nFROM base AS deps\nRUN npm ci',
    },
    {
      name: 'pip install of named packages without pins',
      code: 'FROM python:3.12-slim\nRUN «pip install» --no-cache-dir flask gunicorn[gevent]==22.0.0 celery[redis]',
      errors: [{ messageId: 'unpinnedPip', data: { packages: 'flask, celery[redis]' } }],
    },
    {
      name: 'python -m pip and pip3, beside a requirements file',
      code: 'FROM python:3.12\nRUN «python3 -m pip install» -U -r requirements.txt poetry && «pip3 install» uvicorn',
      errors: [{ messageId: 'unpinnedPip', data: { packages: 'poetry' } }, { messageId: 'unpinnedPip', data: { packages: 'uvicorn' } }],
    },
    {
      name: 'go get of the local packages with only sources copied (GOPATH mode)',
      code: 'FROM golang:1.25\nCOPY devflowapp.go .\nCOPY services/ /go/src/example.com/app/services/\nRUN «go get» -d -v ./...\nRUN go build devflowapp.go',
      errors: [{ messageId: 'goWithoutModule', data: { command: 'go get -d -v ./...', packages: './...' } }],
    },
    {
      name: 'the context is copied but holds no go.mod',
      code: 'FROM golang:alpine\nCOPY . /go/src/app\nRUN «go get» -v app/server',
      errors: [{ messageId: 'goWithoutModule', data: { command: 'go get -v app/server', packages: 'app/server' } }],
    },
    {
      name: 'go get -u upgrades past go.mod',
      code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN «go get» -u ./...',
      errors: [{ messageId: 'goUpgrade', data: { command: 'go get -u ./...' } }],
    },
  ],
});
