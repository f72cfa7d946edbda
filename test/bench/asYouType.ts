// `npm run bench:typing`: as-you-type latency of the built language server on a 3,000-line TypeScript
// file, from didChange to the publishDiagnostics of that version, over stdio with a real LSP client.
// The server's typing debounce is set to 0 so that the figure is the work itself (parse + lint +
// publish); in the editor the debounce (120 ms) comes on top. Prints figures; asserts nothing.
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(client: TestLspClient, uri: string, text: string, mode: 'incremental' | 'full', keystrokes: number): Promise<number[]> {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  let version = 1;
  let current = text;
  const times: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    version++;
    // Type a character into a comment-free expression line in the middle of the file, then delete it.
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

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-typing-'));
  const file = path.join(dir, 'orders.ts');
  const text = typescriptFile();
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const client = TestLspClient.start('stdio', { ...process.env, TWELVE_FACTOR_DEBOUNCE_MS: '0' });
  try {
    await client.initialize(dir);
    await client.open(uri, 'typescript', text);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1, 30000);
    console.log(`as-you-type on a ${text.split('\n').length}-line TypeScript file (${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version})`);
    for (const mode of ['incremental', 'full'] as const) {
      await measure(client, uri, text, mode, 20); // warm-up
      const times = await measure(client, uri, text, mode, 200);
      const f = (n: number) => `${n.toFixed(1)} ms`;
      console.log(`  ${mode === 'incremental' ? 'incremental sync, tree.edit + reparse' : 'full-text sync, fresh parse        '}  p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  max ${f(times[times.length - 1])}  (${times.length} keystrokes)`);
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
