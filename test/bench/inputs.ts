// The benchmark's inputs: more than one shape of file per language, real where the corpus has them
// (its Dockerfiles, manifests and code), generated where a size or a worst case is wanted, and a
// workspace of about 3,100 files for start-up and typing while the background index runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** The shared corpus beside the repository (or beside a worktree's parent), or where TWELVE_FACTOR_CORPUS says. */
export const CORPUS =
  process.env.TWELVE_FACTOR_CORPUS ?? [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')].find((p) => fs.existsSync(p)) ?? path.resolve(ROOT, '../shared/corpus');

/** One file the benchmark opens: what it is, its language id and text, and the line typed into. */
export interface BenchFile {
  /** A short description for the table. */
  name: string;
  /** The file name written to disk (decides the kind). */
  fileName: string;
  languageId: 'dockerfile' | 'yaml' | 'typescript' | 'javascript';
  text: string;
}

/** Corpus files of one kind from INDEX.tsv, by path order; none when the corpus is absent. */
export function corpusFiles(kind: string, test: (p: string) => boolean = () => true): string[] {
  const index = path.join(CORPUS, 'INDEX.tsv');
  if (!fs.existsSync(index)) return [];
  return fs
    .readFileSync(index, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([p, k]) => k === kind && p && test(p))
    .map(([p]) => path.join(CORPUS, p))
    .sort();
}

/** Whole texts joined until at least `lines` lines; undefined when there are none. */
function concatenate(texts: Iterable<string>, lines: number, separator: string): string | undefined {
  const out: string[] = [];
  let count = 0;
  for (const text of texts) {
    const body = text.replace(/\s+$/, '');
    out.push(body);
    count += body.split('\n').length + 1;
    if (count >= lines) break;
  }
  return out.length ? out.join(separator) + '\n' : undefined;
}

function* read(paths: string[]): Iterable<string> {
  for (const p of paths) yield fs.readFileSync(p, 'utf8');
}

/** A multi-stage Dockerfile of about 290 lines whose RUN instructions continue over many lines (the quadratic case). */
export function longRunDockerfile(lines = 290): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-bookworm AS build', 'WORKDIR /src'];
  for (let stage = 0; out.length < lines - 12; stage++) {
    out.push(`RUN apt-get update \\`);
    for (let k = 0; k < 40; k++) out.push(`    && apt-get install -y --no-install-recommends package-${stage}-${k}=1.${k}.0-${stage} libfoo${k}-dev \\`);
    out.push(`    && rm -rf /var/lib/apt/lists/*`);
    out.push(`ENV STAGE_${stage}_HOME=/opt/stage${stage} PATH=/opt/stage${stage}/bin:$PATH LANG=C.UTF-8`);
    out.push(`COPY --chown=node:node stage${stage}/ /opt/stage${stage}/`);
  }
  out.push('FROM node:${NODE_VERSION}-slim', 'WORKDIR /app', 'COPY --from=build /src/dist ./dist', 'ENV NODE_ENV=production', 'EXPOSE 8080', 'USER node', 'CMD ["node", "dist/server.js"]');
  return out.join('\n') + '\n';
}

/** The corpus's Dockerfiles concatenated to about 290 lines (many stages, as real files write them). */
export function corpusDockerfile(lines = 290): string | undefined {
  return concatenate(read(corpusFiles('dockerfile')), lines, '\n');
}

/**
 * A 3,000-line Express-style TypeScript module: a config block of env reads at the top, as real
 * services have it, then route handlers with literals, comments and template strings.
 */
export function typescriptFile(lines = 3000): string {
  const out = [
    "import express from 'express';",
    "import { Pool } from 'pg';",
    '',
    'const config = {',
    '  port: Number(process.env.PORT ?? 3000),',
    '  databaseUrl: process.env.DATABASE_URL,',
    '  pageSize: Number(process.env.PAGE_SIZE || 50),',
    "  logLevel: process.env.LOG_LEVEL ?? 'info',",
    '  sessionSecret: process.env.SESSION_SECRET,',
    "  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',",
    '};',
    'const app = express();',
    'const pool = new Pool({ connectionString: config.databaseUrl });',
    '',
  ];
  for (let i = 0; out.length < lines - 15; i++) {
    out.push(
      `/** Handler ${i}: reads one order and its lines. */`,
      `export async function getOrder${i}(req: express.Request, res: express.Response): Promise<void> {`,
      `  const limit = Math.min(Number(req.query.limit ?? config.pageSize), ${100 + i});`,
      `  const { rows } = await pool.query('select id, total from orders where id = $1 limit $2', [req.params.id, limit]);`,
      `  if (rows.length === 0) {`,
      `    res.status(404).json({ error: 'order ${i} not found' });`,
      `    return;`,
      `  }`,
      `  // Totals are stored in cents; the API speaks decimal strings.`,
      `  res.json(rows.map((r: { id: number; total: number }) => ({ id: r.id, total: (r.total / 100).toFixed(2) })));`,
      `}`,
      `app.get('/orders/${i}/:id', getOrder${i});`,
      '',
    );
  }
  while (out.length < lines - 2) out.push('');
  out.push('app.listen(config.port);', '');
  return out.join('\n');
}

function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** Dense real code: this project's rule modules and code parsers concatenated (regular expressions, literals, `process` and `listen` tokens). */
export function denseTypescript(lines = 3000): string {
  return concatenate(read([...sourcesUnder(path.join(ROOT, 'server/src/rules')), ...sourcesUnder(path.join(ROOT, 'server/src/parsing/code'))]), lines, '\n')!;
}

/**
 * The corpus's TypeScript services concatenated to about 3,000 lines. TypeScript and JavaScript are
 * joined apart: a `.ts` file cannot hold the JSX of the corpus's `.js` files (tsc rejects it), and the
 * TypeScript grammar's error recovery wraps such JSX and a thousand lines around it into one statement.
 */
export function corpusTypescript(lines = 3000): string | undefined {
  return concatenate(read(corpusFiles('source', (p) => p.endsWith('.ts'))), lines, '\n');
}

/** The corpus's JavaScript services (CommonJS, ES modules, some JSX) concatenated to about 3,000 lines. */
export function corpusJavascript(lines = 3000): string | undefined {
  return concatenate(read(corpusFiles('source', (p) => p.endsWith('.js'))), lines, '\n');
}

/** One Deployment + Service pair of about 166 lines, with literal and referenced env values. */
function manifest(i: number): string {
  const env = Array.from({ length: 62 }, (_, k) =>
    k % 3 === 0
      ? `            - name: VAR_${k}\n              valueFrom:\n                secretKeyRef: { name: app-${i}, key: var-${k} }`
      : `            - name: VAR_${k}\n              value: value-${i}-${k}`,
  ).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: { app: app-${i}, tier: backend }
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          livenessProbe:
            httpGet: { path: /live, port: 8080 }
          env:
${env}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: { app: app-${i} }
  ports:
    - port: 80
      targetPort: 8080
`;
}

/** A Kubernetes file of 30 Deployment + Service pairs: about 5,000 lines in 60 documents. */
export function kubernetesFile(pairs = 30): string {
  return Array.from({ length: pairs }, (_, i) => manifest(i)).join('---\n');
}

/** The corpus's Kubernetes files joined into one multi-document file of about 5,000 lines (CRDs, ConfigMaps, RBAC, workloads). */
export function corpusKubernetes(lines = 5000): string | undefined {
  return concatenate(read(corpusFiles('k8s')), lines, '\n---\n');
}

/** The files typed into and started on: each language in its shapes, real ones only when the corpus is there. */
export function benchFiles(): BenchFile[] {
  const files: (BenchFile | undefined)[] = [
    withText('Dockerfile, corpus Dockerfiles joined', 'Dockerfile', 'dockerfile', corpusDockerfile()),
    withText('Dockerfile, long RUN lines', 'Dockerfile', 'dockerfile', longRunDockerfile()),
    withText('Kubernetes, generated', 'cluster.yaml', 'yaml', kubernetesFile()),
    withText('Kubernetes, corpus manifests joined', 'cluster.yaml', 'yaml', corpusKubernetes()),
    withText('TypeScript, dense (rule modules joined)', 'rules.ts', 'typescript', denseTypescript()),
    withText('TypeScript, Express handlers', 'orders.ts', 'typescript', typescriptFile()),
    withText('TypeScript, corpus services joined', 'services.ts', 'typescript', corpusTypescript()),
    withText('JavaScript, corpus services joined', 'services.js', 'javascript', corpusJavascript()),
  ];
  return files.filter((f): f is BenchFile => f !== undefined);
}

function withText(name: string, fileName: string, languageId: BenchFile['languageId'], text: string | undefined): BenchFile | undefined {
  if (text === undefined) return undefined;
  return { name: `${name} (${text.split('\n').length.toLocaleString('en-US')} lines)`, fileName, languageId, text };
}

/**
 * Where a user types: a line near the middle that an edit keeps valid. The offset is where one
 * character goes: before a TypeScript line's `;`, at the end of a YAML scalar or a Dockerfile argument.
 */
export function typingPoint(text: string, languageId: BenchFile['languageId']): { line: number; character: number } {
  const lines = text.split('\n');
  const fits = (l: string) =>
    languageId === 'typescript' || languageId === 'javascript' ? /\w;$/.test(l) : languageId === 'yaml' ? /^\s*-?\s*[\w.-]+: [\w./-]+$/.test(l) && !/^\s*(kind|apiVersion):/.test(l) : /\w$/.test(l) && !/^\s*#/.test(l);
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [middle + d, middle - d]) {
      if (i >= 0 && i < lines.length && fits(lines[i])) return { line: i, character: languageId === 'typescript' || languageId === 'javascript' ? lines[i].length - 1 : lines[i].length };
    }
  }
  return { line: middle, character: lines[middle].length };
}

/** Kinds of filler the generated workspace spreads over its folders, so that every indexer family works. */
function filler(i: number): [string, string] {
  switch (i % 5) {
    case 0:
      return [`svc${i}/k8s/deployment.yaml`, manifest(i)];
    case 1:
      return [`svc${i}/docker-compose.yml`, `services:\n  web${i}:\n    build: .\n    ports: ["${8000 + (i % 1000)}:8080"]\n    environment:\n      DATABASE_URL: postgres://db:5432/app${i}\n      LOG_LEVEL: info\n  db:\n    image: postgres:16\n`];
    case 2:
      return [`svc${i}/Dockerfile`, `FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nENV PORT=8080\nEXPOSE 8080\nCMD ["node", "server.js"]\n`];
    case 3:
      return [`svc${i}/src/server.ts`, typescriptFile(120)];
    default:
      return [`svc${i}/app.py`, `import os\nfrom flask import Flask\n\napp = Flask(__name__)\nDB = os.environ.get("DATABASE_URL", "sqlite://")\n\n@app.route("/")\ndef index():\n    return "ok ${i}"\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n`];
  }
}

/**
 * A workspace of `total` files in a temporary folder: the corpus (2,036 real files) when present,
 * generated services for the rest, and `extra` at the given relative paths. The caller removes it.
 */
export function makeWorkspace(total: number, extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bench-ws-'));
  let count = 0;
  const write = (rel: string, text: string) => {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    count++;
  };
  for (const [rel, text] of Object.entries(extra)) write(rel, text);
  if (fs.existsSync(CORPUS)) {
    fs.cpSync(CORPUS, path.join(dir, 'corpus'), { recursive: true });
    count += fs.readdirSync(path.join(dir, 'corpus'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
  }
  for (let i = 0; count < total; i++) write(...filler(i));
  return dir;
}
