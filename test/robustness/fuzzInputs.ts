import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** A file family of the fuzz tests: files named for the family, with generated or mutated text. */
export interface Family {
  name: string;
  file: fc.Arbitrary<[string, string]>;
}

// Fake credentials, assembled at run time so that secret scanners do not flag this file.
const TOKEN = ['ghp', 'Zq8Xw3Rt5Yu7Io9Pa1Sd2Fg4Hj6Kl0Mn3Bv5Cx'].join('_');
const AWS = ['AKIA', 'Q3ZTXR7PLM2WK9DY'].join('');
const URL = `postgres://app:${['s3cr', 'etPw9'].join('')}@db.internal:5432/app`;

const FIXTURES = path.resolve(__dirname, '../fixtures');
const EXAMPLES = path.resolve(__dirname, '../../examples');

/** Every file under the fixtures and examples whose name passes `test`. */
function seeds(test: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const dir of [FIXTURES, EXAMPLES]) {
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && test(e.name)) found.push(readFileSync(path.join(e.parentPath, e.name), 'utf8'));
    }
  }
  return found;
}

/** Small pieces of hostile text every family gets: delimiters, quotes, templates, unicode, control characters. */
const NOISE = ['{{', '}}', '{{ .Values.x }}', '${VAR}', '$(VAR)', '((var))', '"', "'", '`', '\\', '\\\n', '\r\n', '\t', '#', '//', '/*', '*/', ':', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '<<: *a', '---\n', '\u0000', '\ufeff', 'é', '😀', '\u2028', ' ', '\n', '\n\n', TOKEN, AWS, URL];

const noise = fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));

/** A text built from lines of the family's vocabulary, each indented and sometimes garbled. */
function lineSoup(lines: readonly string[], header = '', indentStep = 2): fc.Arbitrary<string> {
  const line = fc.tuple(fc.nat({ max: 5 }), fc.constantFrom(...lines), fc.option(noise, { freq: 6 })).map(([depth, text, extra]) => ' '.repeat(depth * indentStep) + text + (extra ?? ''));
  return fc.array(line, { maxLength: 40 }).map((ls) => header + ls.join('\n') + '\n');
}

/** A seed file with random edits: insertions of noise or of its own text, deletions, repeated lines. */
function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 3 }), noise);
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { maxLength: 8 })).map(([seed, edits]) => {
    let text = seed;
    for (const [a, b, op, piece] of edits) {
      const at = Math.floor(a * text.length);
      const to = Math.min(text.length, at + Math.floor(b * 40));
      if (op === 0) text = text.slice(0, at) + piece + text.slice(at);
      else if (op === 1) text = text.slice(0, at) + text.slice(to);
      else if (op === 2) text = text.slice(0, at) + text.slice(at, to).repeat(3) + text.slice(at);
      else text = text.slice(0, at) + text.slice(to) + text.slice(at, to);
    }
    return text;
  });
}

function family(name: string, fileName: string, generated: fc.Arbitrary<string>, seedTexts: string[]): Family {
  const text = seedTexts.length > 0 ? fc.oneof(generated, mutated(seedTexts)) : generated;
  return { name, file: text.map((t) => [fileName, t] as [string, string]) };
}

const K8S_LINES = [
  'metadata:', 'name: web', 'spec:', 'replicas: 1', 'template:', 'containers:', '- name: app', 'image: nginx:latest', 'image: app@sha256:abc',
  'env:', '- name: DB_PASSWORD', `value: ${URL}`, 'value: hunter2hunter2', `value: ${TOKEN}`, 'value: "${DB_PASSWORD}"', 'valueFrom:', 'secretKeyRef:',
  'key: password', 'ports:', '- containerPort: 8080', '- name: PORT', 'value: "3000"', 'readinessProbe:', 'httpGet: {path: /, port: 8080}',
  'livenessProbe:', 'command: ["sh", "-c", "npm run migrate && npm start"]', 'args: [--port, "80"]', 'volumes:', '- name: data', 'hostPath:',
  'path: /var/data', 'volumeMounts:', '- mountPath: /data', 'terminationGracePeriodSeconds: 0', 'sessionAffinity: ClientIP', 'data:',
  `API_KEY: ${AWS}`, 'stringData:', 'kind: Secret', 'kind: ConfigMap', 'kind: HorizontalPodAutoscaler', 'scaleTargetRef:', 'x: &a',
  '<<: *a', 'lifecycle:', 'preStop:', 'exec: {command: [sleep, "30"]}', '{{- if .Values.enabled }}', '{{- end }}', '{{ include "x" . | nindent 4 }}',
  'image: {{ .Values.image }}', 'value: {{ .Values.password | quote }}', '---', 'items:', '- apiVersion: v1', 'jobTemplate:',
];
const COMPOSE_LINES = [
  'services:', 'web:', 'build: .', 'image: app:latest', 'container_name: web', 'ports:', '- "8080:80"', 'environment:', `DB_URL: ${URL}`,
  '- DATABASE_URL=postgres://localhost:5432/app', `API_TOKEN: ${TOKEN}`, 'REDIS_HOST: localhost', 'depends_on:', 'db:', 'condition: service_healthy',
  'healthcheck:', 'test: ["CMD", "curl", "-f", "http://localhost"]', 'volumes:', '- ./data:/var/lib/data', '- .:/app', 'env_file: .env',
  'command: sh -c "npm start"', 'x-common: &common', '<<: *common', 'deploy:', 'replicas: 2', 'image: postgres:16',
];
const CF_LINES = [
  'applications:', '- name: web', 'memory: 512M', 'instances: 1', 'routes:', '- route: web.example.com', 'health-check-type: process',
  'buildpacks:', '- https://github.com/cloudfoundry/nodejs-buildpack', 'env:', `DB_PASSWORD: ${URL}`, 'NODE_ENV: production', `TOKEN: ${TOKEN}`,
  'services:', '- db', 'processes:', '- type: web', 'command: npm run migrate && npm start', 'sidecars:', 'inherit: base.yml', 'DB_HOST: ((db_host))',
];
const SPRING_YAML_LINES = [
  'spring:', 'datasource:', 'url: jdbc:postgresql://localhost:5432/app', 'username: app', 'password: hunter2hunter2', `password: ${TOKEN}`,
  'password: ${DB_PASSWORD:secret}', 'server:', 'port: 8080', 'logging:', 'file:', 'name: /var/log/app.log', 'profiles:', 'active: dev',
  'r2dbc:', `url: ${URL}`, 'management:', 'jwt:', 'secret: s3cr3t-signing-key-value', '---', 'on-profile: prod',
];
const DOCKERFILE_LINES = [
  'FROM node:20-alpine AS build', 'FROM node', 'FROM --platform=$BUILDPLATFORM golang:1.22', 'FROM build', 'ARG VERSION=1', `ARG NPM_TOKEN=${TOKEN}`,
  `ENV DB_URL=${URL}`, 'ENV PORT=3000 NODE_ENV=production', 'ENV API_KEY hunter2hunter2', 'RUN npm install', 'RUN npm ci && \\', '    npm run build',
  'RUN curl -sSL https://example.com/install.sh | sh', 'RUN <<EOF', 'apt-get update', 'EOF', 'RUN <<-SCRIPT bash', 'SCRIPT', 'COPY package.json .',
  'COPY --from=build /app /app', 'COPY <<EOF /etc/conf', 'WORKDIR /app', 'EXPOSE 3000', 'VOLUME /data', 'USER node', 'HEALTHCHECK CMD curl -f http://localhost || exit 1',
  'HEALTHCHECK NONE', 'CMD npm start', 'CMD ["node", "server.js"]', 'CMD ["sh", "-c", "node server.js"]', 'ENTRYPOINT ["/entrypoint.sh"]',
  'ENTRYPOINT python manage.py migrate && gunicorn app:app', '# syntax=docker/dockerfile:1', '# escape=`', 'ONBUILD RUN make', 'SHELL ["/bin/bash", "-c"]',
  'RUN pip install flask requests', 'RUN --mount=type=secret,id=npm npm ci', 'CMD ["npm", "run", "start"]', 'LABEL a=b \\', '  c=d',
];
const PROCFILE_LINES = ['web: node server.js', 'web: gunicorn app:app --bind 0.0.0.0:8000', 'web: bundle exec rails s -p $PORT', 'worker: celery -A app worker', 'release: python manage.py migrate', 'web: python manage.py migrate && gunicorn app', 'web: npm start > app.log 2>&1', 'clock: node clock.js', '# comment', 'web:', ': nothing'];
const DOTENV_LINES = ['PORT=3000', 'DB_PASSWORD=hunter2hunter2', `GITHUB_TOKEN=${TOKEN}`, `AWS_ACCESS_KEY_ID=${AWS}`, `DATABASE_URL=${URL}`, 'export NODE_ENV=development', 'EMPTY=', "QUOTED='a b'", 'MULTI="line1\\nline2"', 'REF=${PORT}', '# API_KEY=', 'SECRET_KEY="unterminated', '=novalue', 'KEY WITH SPACE=1'];
const PROPERTIES_LINES = ['server.port=8080', 'spring.datasource.url=jdbc:mysql://localhost:3306/app', 'spring.datasource.password=hunter2hunter2', `api.key=${TOKEN}`, 'spring.datasource.password=${DB_PASSWORD}', 'logging.file.name=/var/log/app.log', 'a.b = c \\', '  continued', '! comment', 'key:value', 'spring.r2dbc.url=' + URL, 'jwt.secret=${JWT_SECRET:devsecret}'];
const TEAM_CONFIG_LINES = [
  'rules:', 'dependencies/*: off', 'dependencies/unpinned-base-image: error', 'fake/rule: warning', `${TOKEN}: error`, 'severity: info', 'options:', 'allow: [internal/base]',
  'testFiles: []', 'requireReason: true', 'requireReason: maybe', 'noInlineSuppress: [config/secret-in-image]', 'ignore:', '- files: ["legacy/**"]',
  'rules: [fake/rule]', 'rules: []', 'expires: 2020-13-45', 'expires: 2099-01-01', 'expires: 2020-01-01', 'reason: old', 'files: 5',
];
const SETTINGS_LINES = ['{', '}', '"twelveFactor.rules": {', '"dependencies/*": "off",', `"${TOKEN}": "error",`, '"twelveFactor.enable": true,', '"twelveFactor": { "rules": { "config/*": { "severity": "info" } } },', '// comment', '"editor.tabSize": 2,', '],', '['];

const CODE_LINES: Record<string, string[]> = {
  javascript: [
    'const express = require("express");', 'const app = express();', 'app.listen(3000);', 'app.listen(process.env.PORT || 3000);', `const password = "hunter2hunter2";`,
    `const token = "${TOKEN}";`, `const db = new Pool({ connectionString: "${URL}" });`, 'const secret = process.env.JWT_SECRET || "dev-secret-value";', 'process.on("SIGTERM", () => server.close());',
    'app.use(session({ secret: "keyboard cat" }));', 'const upload = multer({ dest: "uploads/" });', 'fs.writeFileSync("/tmp/x", data);', 'const DEBUG = true;', 'function f() {', '}', 'if (x) {',
    'const s = `template ${x}`;', 'winston.add(new winston.transports.File({ filename: "app.log" }));', 'const redis = createClient({ url: "redis://localhost:6379" });', '/* comment', '*/',
  ],
  python: [
    'import os', 'from flask import Flask', 'app = Flask(__name__)', 'app.run(debug=True, port=5000)', 'DEBUG = True', `SECRET_KEY = "${TOKEN}"`, 'password = "hunter2hunter2"',
    'db = os.environ.get("DATABASE_URL", "postgres://u:p4ssw0rd@localhost/app")', `engine = create_engine("${URL}")`, 'def main():', '    pass', 'class A:', '  x = 1',
    'logging.basicConfig(filename="app.log")', 'r = redis.Redis(host="localhost")', 'if __name__ == "__main__":', '"""docstring', '"""', "f'{x}'",
  ],
  java: [
    'public class App {', '}', 'public static void main(String[] args) {', 'String password = "hunter2hunter2";', `private static final String TOKEN = "${TOKEN}";`,
    'String url = System.getenv("DB_URL");', `DriverManager.getConnection("${URL}");`, '@Value("${jwt.secret:devsecret}")', 'private String secret;', 'server.start();', '/* comment */', '"unterminated',
  ],
  go: [
    'package main', 'import "os"', 'func main() {', '}', 'http.ListenAndServe(":8080", nil)', 'port := os.Getenv("PORT")', `password := "hunter2hunter2"`, `const token = "${TOKEN}"`,
    `db, _ := sql.Open("postgres", "${URL}")`, 'signal.Notify(c, syscall.SIGTERM)', 'var x = `raw', '`', 'Password string `env:"DB_PASSWORD" envDefault:"hunter2"`',
  ],
};
CODE_LINES.typescript = [...CODE_LINES.javascript, 'const port: number = Number(process.env.PORT) || 3000;', 'interface Config { password: string }', 'export default { apiKey: "sk_live_0123456789abcdefghij" } as const;'];

/** The fuzzed families: YAML kinds (with Helm fragments and anchors), Dockerfiles, code in five languages, properties, .env and the config files. */
export const FAMILIES: Family[] = [
  family('kubernetes', 'deploy.yaml', lineSoup(K8S_LINES, 'apiVersion: apps/v1\nkind: Deployment\n'), seeds((n) => /\.ya?ml$/.test(n) && !/compose|manifest|application/.test(n))),
  family('helm', 'deploy.yaml', lineSoup([...K8S_LINES, '{{- range .Values.env }}', '{{ toYaml . | nindent 8 }}', '{{ .Values.x', 'key: {{'], 'apiVersion: v1\nkind: Pod\n'), []),
  family('compose', 'compose.yaml', lineSoup(COMPOSE_LINES), seeds((n) => /compose.*\.ya?ml$/.test(n))),
  family('cloudfoundry', 'manifest.yml', lineSoup(CF_LINES, 'applications:\n'), seeds((n) => /manifest.*\.ya?ml$/.test(n))),
  family('spring-yaml', 'application.yml', lineSoup(SPRING_YAML_LINES), seeds((n) => /^application.*\.ya?ml$/.test(n))),
  family('dockerfile', 'Dockerfile', lineSoup(DOCKERFILE_LINES, '', 0), seeds((n) => /Dockerfile/i.test(n))),
  family('procfile', 'Procfile', lineSoup(PROCFILE_LINES, '', 0), seeds((n) => n.startsWith('Procfile'))),
  family('dotenv', '.env', lineSoup(DOTENV_LINES, '', 0), seeds((n) => n.startsWith('.env'))),
  family('properties', 'application.properties', lineSoup(PROPERTIES_LINES, '', 0), seeds((n) => n.endsWith('.properties'))),
  family('javascript', 'app.js', lineSoup(CODE_LINES.javascript), seeds((n) => /\.(js|mjs|cjs)$/.test(n))),
  family('typescript', 'server.ts', lineSoup(CODE_LINES.typescript), seeds((n) => /\.ts$/.test(n))),
  family('python', 'app.py', lineSoup(CODE_LINES.python, '', 4), seeds((n) => n.endsWith('.py'))),
  family('java', 'App.java', lineSoup(CODE_LINES.java), seeds((n) => n.endsWith('.java'))),
  family('go', 'main.go', lineSoup(CODE_LINES.go, '', 1), seeds((n) => n.endsWith('.go'))),
  family('team-config', '.twelve-factor.yaml', lineSoup(TEAM_CONFIG_LINES), []),
  family('settings', '.vscode/settings.json', lineSoup(SETTINGS_LINES), []),
];
