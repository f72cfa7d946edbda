// The growth check of `npm run bench`: for each file family and each hostile shape, the input doubles
// from 100 KB up to the size limit, and the time to lint it may at most double each step (±20 %).
// A quadratic step shows as a ratio near 4. Figures, printed as a table; a shape over the bound sets
// the exit code. The per-file time budget is lifted here, since it would cut the largest inputs short.
import * as path from 'node:path';
import { readTeamConfig } from '../../server/src/engine/config/configFiles';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { MAX_FILE_CHARS } from '../../server/src/engine/limits';
import { lint } from '../../server/src/engine/lint';
import { ModelCache } from '../../server/src/engine/modelCache';
import { prepareCodeParsing } from '../../server/src/parsing/code/treeSitter';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const config = new ResolvedConfig(readTeamConfig('').value, new Map(), '2026-12-01');
const workspace = { readText: () => undefined };

/**
 * Where the numbering of `fill`'s units starts. Each timed run gets texts of its own (new names and
 * values), so that no content-keyed memo (the secret verdicts remember 20,000 pairs) makes a size
 * look fast only because its file fits in it from the previous run.
 */
let salt = 0;

/** A text of about `size` characters made by repeating `unit(i)`, inside `before` and `after`. */
function fill(size: number, unit: (i: number) => string, before = '', after = ''): string {
  const parts: string[] = [before];
  let length = before.length + after.length;
  for (let i = 0; length < size; i++) {
    const piece = unit(salt + i);
    parts.push(piece);
    length += piece.length;
  }
  parts.push(after);
  return parts.join('');
}

const K8S = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n';
const POD = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: c:latest\n`;

/** Each shape: a family's file name and a text of a given size, the issue's pathological ones among them. */
const SHAPES: [string, string, (size: number) => string][] = [
  ['yaml: keys of one map', 'cm.yaml', (n) => fill(n, (i) => `  key${i}: value${i}\n`, K8S)],
  ['yaml: documents with findings', 'pods.yaml', (n) => fill(n, POD)],
  ['yaml: unbalanced Helm {{', 'deploy.yaml', (n) => fill(n, () => '{{ ', `${K8S}  name: "`, '"\n')],
  ['yaml: Helm directives on one line', 'deploy.yaml', (n) => fill(n, () => '{{ .x }}', `${K8S}  name: `, '\n')],
  ['yaml: deep flow at the limit, repeated', 'cm.yaml', (n) => fill(n, (i) => `  k${i}: ${'['.repeat(150)}${']'.repeat(150)}\n`, K8S)],
  ['dockerfile: one RUN with && chains', 'Dockerfile', (n) => fill(n, () => ' && echo a', 'FROM node:20\nRUN true', '\n')],
  ['dockerfile: many ENV lines', 'Dockerfile', (n) => fill(n, (i) => `ENV V${i}=http://localhost:${i % 60000}\n`, 'FROM node:20\n')],
  ['dockerfile: continued lines', 'Dockerfile', (n) => fill(n, () => '  echo a \\\n', 'FROM node:20\nRUN \\\n', '  true\n')],
  ['javascript: a long string literal', 'app.js', (n) => fill(n, () => 'a', 'const s = "', '";\n')],
  ['javascript: an a+a+… chain', 'app.js', (n) => fill(n, () => 'a+', 'const s = ', 'a;\n')],
  ['javascript: minified, one line', 'app.min.js', (n) => fill(n, (i) => `var a${i}=process.env.A${i}||"x${i}";function f${i}(b){return b+a${i}}`, '', '\n')],
  ['javascript: env reads with fallbacks', 'app.js', (n) => fill(n, (i) => `const v${i} = process.env.V${i} || "http://localhost:${i % 60000}";\n`)],
  ['typescript: env reads', 'app.ts', (n) => fill(n, (i) => `const v${i}: string = process.env.V${i} ?? "x";\n`)],
  ['python: a long string literal', 'app.py', (n) => fill(n, () => 'a', 's = "', '"\n')],
  ['python: an a+a+… chain', 'app.py', (n) => fill(n, () => 'a+', 's = ', 'a\n')],
  ['python: env reads', 'app.py', (n) => fill(n, (i) => `v${i} = os.environ.get("V${i}", "http://localhost:${i % 60000}")\n`, 'import os\n')],
  ['java: string constants', 'App.java', (n) => fill(n, (i) => `  static final String V${i} = "value${i}";\n`, 'class App {\n', '}\n')],
  ['go: env reads', 'main.go', (n) => fill(n, (i) => `var v${i} = os.Getenv("V${i}")\n`, 'package main\nimport "os"\n')],
  ['.env: many keys', '.env', (n) => fill(n, (i) => `KEY_${i}=value${i}\n`)],
  ['properties: many keys', 'application.properties', (n) => fill(n, (i) => `app.key${i}=value${i}\n`)],
  ['Procfile: many processes', 'Procfile', (n) => fill(n, (i) => `p${i}: node worker.js --port 3000\n`)],
  ['.twelve-factor.yaml: rule keys', '.twelve-factor.yaml', (n) => fill(n, (i) => `  fake/rule-${i}: off\n`, 'rules:\n')],
];

/** One cache, as the language server keeps: it frees the trees of a file's older texts (WebAssembly memory). */
const cache = new ModelCache();
/** A new document version per lint, so that the cache parses every timed text, even a repeated one. */
let version = 0;

function timeLint(fileName: string, text: string): number {
  const file = new SourceFile(path.join('/bench', fileName), text, ++version);
  const started = performance.now();
  lint({ file, config, relativePath: fileName, workspace, cache, budgetMs: Infinity });
  return performance.now() - started;
}

/** The fastest of a few runs, each on a new text of the shape: the least disturbed by other work on the machine. */
function bestOf(runs: number, fileName: string, make: () => string): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    salt += 10_000_000;
    best = Math.min(best, timeLint(fileName, make()));
  }
  return best;
}

async function main(): Promise<void> {
  await prepareCodeParsing();
  const sizes: number[] = [];
  for (let size = 100 * 1024; size <= MAX_FILE_CHARS; size *= 2) sizes.push(size);
  console.log(`\nGrowth: ms to lint one file as it doubles from 100 KB to ${MAX_FILE_CHARS / 1024} KB; worst ratio per doubling (bound 2.4)\n`);
  console.log(`| shape | ${sizes.map((s) => `${s / 1024} KB`).join(' | ')} | worst ratio | |`);
  console.log(`|---|${sizes.map(() => '---').join('|')}|---|---|`);
  let failed = 0;
  // BENCH_ONLY narrows the run to the shapes whose name matches it, as in the language-server bench.
  const only = new RegExp(process.env.BENCH_ONLY ?? '', 'i');
  for (const [name, fileName, make] of SHAPES.filter(([name]) => only.test(name))) {
    const times = sizes.map((size) => {
      timeLint(fileName, make(size)); // warm-up
      return bestOf(3, fileName, () => make(size));
    });
    // Below a few milliseconds fixed costs and timer noise dominate; ratios from there on say nothing.
    const ratios = times.slice(1).map((t, i) => (times[i] < 5 ? 1 : t / times[i]));
    const worst = Math.max(...ratios);
    const ok = worst <= 2.4;
    if (!ok) failed++;
    console.log(`| ${name} | ${times.map((t) => t.toFixed(1)).join(' | ')} | ${worst.toFixed(2)} | ${ok ? 'ok' : 'SUPERLINEAR'} |`);
  }
  console.log(failed === 0 ? '\nEvery shape grows linearly.' : `\n${failed} shape(s) grow faster than linearly.`);
  if (failed > 0) process.exitCode = 1;
}

void main();
