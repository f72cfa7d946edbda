// `npm run bench:typing` (also part of `npm run bench`): as-you-type latency of the built language
// server, from didChange to the publishDiagnostics of that version, over stdio with a real LSP
// client, on a 3,000-line TypeScript file and on a 5,000-line Kubernetes file of 60 documents. The
// server's typing debounce is fixed at 0 so that the figure is the work itself (parse + lint +
// publish); the editor's debounce is 0 too while a file lints fast. Prints figures; asserts nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../helpers/lspClient';

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
    "  port: Number(process.env.PORT ?? 3000),",
    '  databaseUrl: process.env.DATABASE_URL,',
    "  pageSize: Number(process.env.PAGE_SIZE || 50),",
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

/** A Kubernetes file of 30 Deployment + Service pairs: about 5,400 lines in 60 documents. */
export function kubernetesFile(): string {
  return Array.from({ length: 30 }, (_, i) => manifest(i)).join('---\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(client: TestLspClient, uri: string, text: string, mode: 'incremental' | 'full', keystrokes: number, line: number): Promise<number[]> {
  const lines = text.split('\n');
  let version = 1;
  let current = text;
  const times: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    version++;
    // Type a character at the end of the line, then delete it.
    const insert = k % 2 === 0;
    const character = lines[line].length;
    const range = insert ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
    const newText = insert ? 'x' : '';
    lines[line] = insert ? lines[line] + 'x' : lines[line].slice(0, -1);
    current = lines.join('\n');
    const target = version;
    const published = client.waitForDiagnostics(uri, (_d, v) => v === target);
    const started = performance.now();
    if (mode === 'incremental') await client.changeRanges(uri, [{ range, text: newText }], version);
    else await client.change(uri, current, version);
    await published;
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** The line typed into: the middle of a TypeScript file, an env value in the middle of the manifest. */
function typingLine(lines: string[], languageId: string): number {
  if (languageId === 'typescript') return Math.floor(lines.length / 2);
  const values = lines.map((l, i) => (l.includes('value: value-') ? i : -1)).filter((i) => i >= 0);
  return values[Math.floor(values.length / 2)];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-typing-'));
  const client = TestLspClient.start('stdio', { ...process.env, TWELVE_FACTOR_DEBOUNCE_MS: '0' });
  try {
    await client.initialize(dir);
    console.log(`as-you-type (${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version})`);
    for (const [name, languageId, text] of [
      ['orders.ts', 'typescript', typescriptFile()],
      ['cluster.yaml', 'yaml', kubernetesFile()],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      await client.open(uri, languageId, text);
      await client.waitForDiagnostics(uri, (_d, v) => v === 1, 30000);
      const documents = languageId === 'yaml' ? `, ${text.split(/^---$/m).length} documents` : '';
      console.log(`${text.split('\n').length}-line ${languageId === 'yaml' ? 'Kubernetes' : 'TypeScript'} file${documents}:`);
      for (const mode of ['incremental', 'full'] as const) {
        const line = typingLine(text.split('\n'), languageId);
        await measure(client, uri, text, mode, 20, line); // warm-up
        const times = await measure(client, uri, text, mode, 200, line);
        const f = (n: number) => `${n.toFixed(1)} ms`;
        console.log(`  ${mode === 'incremental' ? 'incremental sync' : 'full-text sync  '}  p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  max ${f(times[times.length - 1])}  (${times.length} keystrokes)`);
      }
    }
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
