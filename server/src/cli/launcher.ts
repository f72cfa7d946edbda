import { Worker, type ResourceLimits } from 'node:worker_threads';
import { internalErrorMessage, type FromCli } from './cliProtocol';

/** Where the launcher prints what the CLI sends. */
export type Print = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * Runs the CLI's bundle (cliMain.js) on a worker thread with `resourceLimits`, prints what it sends in
 * order, and resolves with its exit code. A worker that throws outside the CLI's own handler, runs
 * out of memory or stops without an exit code ends with one clear line on stderr and exit code 2,
 * never a hang. Imports nothing of the engine.
 */
export function runOnWorker(script: string, argv: readonly string[], resourceLimits: ResourceLimits, print: Print): Promise<number> {
  return new Promise((resolve) => {
    let exitCode: number | undefined;
    const worker = new Worker(script, { argv: [...argv], resourceLimits });
    worker.on('message', (message: FromCli) => {
      if (message.type === 'exit') exitCode = message.code;
      else print(message.type, message.text);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (exitCode !== undefined) return;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      print('stderr', outOfMemory ? `twelve-factor: the audit ran out of memory (${error.message.split('\n')[0]}); audit fewer files at a time.\n` : internalErrorMessage(error));
      exitCode = 2;
    });
    worker.on('exit', (code) => {
      if (exitCode === undefined) print('stderr', internalErrorMessage(new Error(`the audit stopped before it finished (exit code ${code})`)));
      resolve(exitCode ?? 2);
    });
  });
}
