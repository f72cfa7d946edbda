// CPU time per keystroke of the language server's lint path, in process and without the LSP transport:
// each edit builds the document's SourceFile, lints it with the server's caches (models, document
// results) and records its facts in an index, as lsp/documentLinter.ts does. On a shared machine the
// CPU time of each edit is a steadier figure than the wall-clock time of the LSP bench.
// npx tsx test/bench/typingCpu.ts [generated|corpus] [reuse=1]
import * as path from 'node:path';
import { DocumentResults, lint, ModelCache, ResolvedConfig } from '../../server/src/engine';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { extractFacts } from '../../server/src/workspace/facts';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { workspaceFilesOnDisk } from '../../server/src/audit/auditFs';
import { corpusKubernetes, kubernetesFile, typingPoint } from './inputs';
import { percentile } from './stats';

const which = process.argv[2] ?? 'generated';
const reuse = process.argv[3] !== '0';
const text = which === 'corpus' ? corpusKubernetes()! : kubernetesFile();
const filePath = path.join('/tmp/tf-typing-cpu', 'cluster.yaml');
const lines = text.split('\n');
const { line, character } = typingPoint(text, 'yaml');
const config = new ResolvedConfig();
const cache = new ModelCache();
const documentResults = new DocumentResults();
const index = new WorkspaceIndex();
const workspace = workspaceFilesOnDisk();
let version = 0;
const times: number[] = [];
for (let k = 0; k < 130; k++) {
  const current = lines[line];
  lines[line] = k % 2 === 0 ? current.slice(0, character) + 'x' + current.slice(character) : current.slice(0, character) + current.slice(character + 1);
  const started = process.cpuUsage();
  const file = new SourceFile(filePath, lines.join('\n'), ++version);
  const output = lint({ file, config, relativePath: 'cluster.yaml', workspace, cache, index, ...(reuse ? { documentResults } : {}) });
  if (output.kind && output.model !== undefined) index.set(filePath, output.kind.kind, extractFacts(output.kind.kind, output.model, file)!);
  const used = process.cpuUsage(started);
  if (k >= 10) times.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(`${which} (${lines.length} lines), reuse ${reuse ? 'on' : 'off'}: CPU per edit p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms`);
