// What the `twelve-factor` launcher (server/src/cli.ts) and the CLI it runs on a worker thread
// (cliMain.ts) share. Imports nothing, so that the launcher's bundle stays small.

/** What the CLI sends the launcher, in order: output to print, then its exit code. */
export type FromCli = { type: 'stdout' | 'stderr'; text: string } | { type: 'exit'; code: number };

/** A reader that stops early (`| head`) is not an error. */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** The one line for our bug, not the user's, with the stack only on request. */
export function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `twelve-factor: internal error: ${detail}${process.env.TWELVE_FACTOR_DEBUG ? `\n${error instanceof Error ? error.stack : ''}` : ' (set TWELVE_FACTOR_DEBUG=1 for details)'}\n`;
}
