import rule from '../../../server/src/rules/codebase/unpinned-code-fetch';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    { name: 'a clone of a tag', code: 'FROM alpine:3.20\nRUN git clone --depth 1 --branch v1.4.2 https://github.com/o/tool.git /opt/tool' },
    { name: 'a clone of a branch set by an ARG', code: 'FROM alpine:3.20\nARG REF=v2\nRUN git clone -b "$REF" https://github.com/o/tool.git' },
    { name: 'a clone checked out at a commit afterwards', code: 'FROM alpine:3.20\nRUN git clone https://github.com/o/tool.git /opt/tool \\\n && git -C /opt/tool checkout 3f1c0e2a9b\n' },
    { name: 'a clone reset to a tag in a later RUN', code: 'FROM alpine:3.20\nRUN git clone https://github.com/o/tool.git\nWORKDIR tool\nRUN git reset --hard v1.0.0' },
    { name: 'two clones pinned by a checkout several commands later', code: 'FROM alpine:3.20\nRUN git clone https://github.com/o/a.git && git clone https://github.com/o/b.git && make && make install\nRUN git checkout v2.1.0' },
    { name: 'a clone of a local path', code: 'FROM alpine:3.20\nRUN git clone /src/repo /app' },
    { name: 'a raw file at a commit', code: 'FROM alpine:3.20\nRUN curl -fsSLO https://raw.githubusercontent.com/o/r/3f1c0e2/scripts/wait-for-it.sh' },
    { name: 'a release asset', code: 'FROM alpine:3.20\nRUN wget https://github.com/o/r/releases/download/v1.2.0/tool.tar.gz' },
    { name: 'an archive of a tag', code: 'FROM alpine:3.20\nADD https://github.com/o/r/archive/refs/tags/v1.2.0.tar.gz /src/' },
    { name: 'a branch script piped into a shell is remote-script-pipe’s', code: 'FROM alpine:3.20\nRUN curl -fsSL https://raw.githubusercontent.com/o/r/master/install.sh | sh' },
    { name: 'a BuildKit git source at a tag', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.12.0 /src' },
    { name: 'go install at a version', code: 'FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1' },
    { name: 'go get of the local packages in a module', code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go get -d -v ./...\nRUN go get -v app/server' },
    {
      name: 'go get of a module path with go.mod beside the Dockerfile',
      code: 'FROM golang:1.22\nCOPY . .\nRUN go get github.com/lib/pq',
      files: { 'go.mod': 'module example.com/app\n' },
    },
    { name: 'go get with go.mod copied in', code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go get github.com/lib/pq' },
    { name: 'pip install from git at a tag', code: 'FROM python:3.12\nRUN pip install "git+https://github.com/o/r.git@v1.4.0#egg=r"' },
    { name: 'pip install over ssh at a commit (the user is no ref)', code: 'FROM python:3.12\nRUN pip install git+ssh://git@github.com/o/r.git@3f1c0e2' },
    { name: 'npm install of a git URL at a tag', code: 'FROM node:20\nRUN npm install git+https://github.com/o/r.git#v1.0.0' },
    { name: 'pip install of a released package', code: 'FROM python:3.12\nRUN pip install requests==2.32.3' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN apt-get install -y git \\\n && git clone --depth 1 «https://github.com/google/gemma_pytorch.git» \\\n && pip install -e gemma_pytorch',
      errors: [{ messageId: 'movingFetch', data: { tool: 'git clone', source: 'https://github.com/google/gemma_pytorch.git', ref: 'the default branch' } }],
    },
    {
      name: 'a checkout before the clone does not pin it',
      code: 'FROM alpine:3.20\nRUN git -C /opt/old checkout v1.0.0 && git clone «https://github.com/o/tool.git» && make',
      errors: [{ messageId: 'movingFetch', data: { tool: 'git clone', source: 'https://github.com/o/tool.git', ref: 'the default branch' } }],
    },
    {
      name: 'a clone of main, checked out at another branch tip',
      code: 'FROM alpine:3.20\nRUN git clone -b main «git@github.com:o/r.git» && git checkout origin/develop',
      errors: [{ messageId: 'movingFetch', data: { tool: 'git clone', source: 'git@github.com:o/r.git', ref: 'branch main' } }],
    },
    {
      name: 'a raw file and an archive from branches',
      code: 'FROM alpine:3.20\nRUN curl -fsSLo /usr/local/bin/wait «https://raw.githubusercontent.com/o/r/master/wait-for-it.sh»\nRUN wget -qO- «https://github.com/o/r/archive/refs/heads/main.tar.gz» | tar xz',
      errors: [
        { messageId: 'movingFetch', data: { tool: 'curl', source: 'https://raw.githubusercontent.com/o/r/master/wait-for-it.sh', ref: 'branch master' } },
        { messageId: 'movingFetch', data: { tool: 'wget', source: 'https://github.com/o/r/archive/refs/heads/main.tar.gz', ref: 'branch refs/heads/main' } },
      ],
    },
    {
      name: 'ADD of a branch archive and of a git repository',
      code: 'FROM alpine:3.20\nADD «https://gitlab.com/o/r/-/archive/master/r-master.tar.gz» /src/\nADD «https://github.com/o/r.git» /app',
      errors: [
        { messageId: 'movingFetch', data: { tool: 'ADD', source: 'https://gitlab.com/o/r/-/archive/master/r-master.tar.gz', ref: 'branch master' } },
        { messageId: 'movingFetch', data: { tool: 'ADD', source: 'https://github.com/o/r.git', ref: 'the default branch' } },
      ],
    },
    {
      name: 'go install @latest, and go get without go.mod',
      code: 'FROM golang:1.22\nRUN go install «github.com/air-verse/air@latest»\nRUN go get -u «github.com/gorilla/mux»',
      errors: [
        { messageId: 'movingFetch', data: { tool: 'go install', source: 'github.com/air-verse/air', ref: '@latest' } },
        { messageId: 'movingFetch', data: { tool: 'go get', source: 'github.com/gorilla/mux', ref: 'the default branch' } },
      ],
    },
    {
      name: 'go get of a local package without go.mod fetches its imports',
      code: 'FROM golang:alpine\nCOPY . /go/src/app\nRUN go get -v «app/server»\nRUN go install app/server',
      errors: [{ messageId: 'movingFetch', data: { tool: 'go get', source: 'the imports of app/server', ref: 'the default branch' } }],
    },
    {
      name: 'pip and npm installs of git URLs without a fixed ref',
      code: 'FROM python:3.12\nRUN python -m pip install «git+https://github.com/o/r.git#egg=r» «git+https://github.com/o/s.git@main»\nRUN npm install «github:o/widget»',
      errors: [
        { messageId: 'movingFetch', data: { tool: 'pip install', source: 'git+https://github.com/o/r.git', ref: 'the default branch' } },
        { messageId: 'movingFetch', data: { tool: 'pip install', source: 'git+https://github.com/o/s.git@main', ref: 'branch main' } },
        { messageId: 'movingFetch', data: { tool: 'npm install', source: 'github:o/widget', ref: 'the default branch' } },
      ],
    },
    {
      name: 'a clone in a sh -c wrapper at start',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "git clone «https://github.com/o/site.git» /srv && exec caddy run"]',
      errors: [{ messageId: 'movingFetch', data: { tool: 'git clone', source: 'https://github.com/o/site.git', ref: 'the default branch' } }],
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile' }, {
  valid: ['web: gunicorn app:app\nrelease: pip install git+https://github.com/o/r.git@v1.2.0', 'web: git pull origin v1.4.2 && node server.js'],
  invalid: [
    {
      name: 'git pull before the server starts',
      code: 'web: «git pull» && exec node server.js\nworker: «git pull origin main» && node worker.js',
      errors: [
        { messageId: 'movingFetch', data: { tool: 'git pull', source: 'its remote', ref: 'the tracked branch' } },
        { messageId: 'movingFetch', data: { tool: 'git pull', source: 'origin', ref: 'branch main' } },
      ],
    },
    {
      code: 'web: pip install «git+https://github.com/o/plugins.git» && gunicorn app:app',
      errors: [{ messageId: 'movingFetch', data: { tool: 'pip install', source: 'git+https://github.com/o/plugins.git', ref: 'the default branch' } }],
    },
  ],
});

testRule(rule, { kind: 'procfile', fileName: 'Procfile.dev' }, {
  valid: ['web: go run github.com/air-verse/air@latest\nwatch: git clone https://github.com/o/r.git'],
  invalid: [],
});
