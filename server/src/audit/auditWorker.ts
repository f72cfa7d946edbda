import { parentPort, workerData } from 'node:worker_threads';
import { prepareCodeParsing } from '../parsing/code/treeSitter';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { nodeAuditFs } from './auditFs';
import type { FromWorker, ToWorker } from './auditPool';
import { FileAnalyser, type AnalysisSettings, type QueuedFile } from './fileAnalyser';

// One worker of the audit pool (see auditPool.ts): it indexes its share of the files, keeps their
// models, then lints them against the index the main thread merged from every worker.
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const analyser = new FileAnalyser(workerData as AnalysisSettings, nodeAuditFs, (message) => post({ type: 'log', message }));
let share: QueuedFile[] = [];

/** Maps the share, telling the main thread how far it got every few milliseconds. */
function eachWithProgress<T>(work: (file: QueuedFile) => T): T[] {
  let last = performance.now();
  return share.map((file, i) => {
    const result = work(file);
    if (performance.now() - last > 20) {
      post({ type: 'progress', done: i + 1 });
      last = performance.now();
    }
    return result;
  });
}

// The tree-sitter runtime starts asynchronously; every message waits for it, so code files parse.
const codeParsing = prepareCodeParsing().catch((error: unknown) => post({ type: 'log', message: `Code files cannot be parsed: ${error instanceof Error ? error.message : String(error)}` }));

port.on('message', (message: ToWorker) => void codeParsing.then(() => handle(message)));

function handle(message: ToWorker): void {
  if (message.type === 'index') {
    share = message.files;
    const facts = eachWithProgress((file) => {
      const found = analyser.index(file);
      return found ? { kind: file.kind.kind, facts: found } : undefined;
    });
    post({ type: 'indexed', facts });
  } else {
    const index = new WorkspaceIndex();
    for (const entry of message.entries) index.set(entry.path, entry.kind, entry.facts);
    post({ type: 'linted', outcomes: eachWithProgress((file) => analyser.lint(file, index)) });
  }
}
