import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { workspaceFilesOnDisk } from '../audit/auditFs';
import { walkWorkspace } from '../audit/walk';
import { prepareCodeParsing } from '../parsing/code/treeSitter';
import { changedFileFacts, walkedFacts, type FromIndexWorker, type IndexedFile, type ToIndexWorker } from './indexWalk';

// The language server's background index on a thread of its own (see workspaceIndexer.ts): it walks
// the workspace folders, reads and parses each file and extracts its facts, and posts the facts as
// plain data in batches. The main thread only merges them, so a keystroke never waits for a parse.
const port = parentPort!;
const post = (message: FromIndexWorker) => port.postMessage(message);
const disk = workspaceFilesOnDisk();

// On Linux each thread has its own nice value: when the cores are busy, the scheduler gives them to the
// server's main thread (typing) before this one. Elsewhere the call would lower the whole process.
if (process.platform === 'linux') {
  try {
    os.setPriority(19);
  } catch {
    // Not allowed here: the index runs at the server's priority.
  }
}

/** How long the worker parses before it posts what it has and reads its messages (a newer walk, a changed file). */
const BATCH_MS = 20;

let current = 0;

// The tree-sitter runtime starts asynchronously; every message waits for it, so code files parse.
const codeParsing = prepareCodeParsing().catch((error: unknown) => post({ type: 'log', message: `Code files cannot be indexed: ${error instanceof Error ? error.message : String(error)}` }));

port.on('message', (message: ToIndexWorker) => {
  // A newer walk abandons the older one at its next batch.
  if (message.type === 'walk') current = message.generation;
  void codeParsing.then(() => (message.type === 'walk' ? walk(message) : post({ type: 'file', path: message.path, entry: message.deleted ? undefined : changedFileFacts(message.path, disk) })));
});

async function walk(message: Extract<ToIndexWorker, { type: 'walk' }>): Promise<void> {
  const { generation } = message;
  const skip = new Set(message.skip);
  const started = performance.now();
  let batch: IndexedFile[] = [];
  let batchStarted = started;
  let count = 0;
  const flush = async () => {
    post({ type: 'facts', generation, files: batch });
    batch = [];
    // Lets a newer walk or a changed file's message in.
    await new Promise((resolve) => setImmediate(resolve));
    batchStarted = performance.now();
  };
  for (const folder of message.folders) {
    for (const found of walkWorkspace(folder)) {
      if (performance.now() - batchStarted >= BATCH_MS) await flush();
      if (generation !== current) return;
      if (count >= message.maxFiles) {
        post({ type: 'facts', generation, files: batch });
        post({ type: 'done', generation, count, ms: performance.now() - started, limited: true });
        return;
      }
      count++;
      // An open document: the linter indexes its text (the main thread checks again when it merges).
      if (skip.has(found.path)) continue;
      const indexed = walkedFacts(found, disk);
      if (indexed) batch.push(indexed);
    }
  }
  post({ type: 'facts', generation, files: batch });
  post({ type: 'done', generation, count, ms: performance.now() - started, limited: false });
}
