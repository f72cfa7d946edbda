import * as path from 'node:path';
import { ignoreClosedStdout } from './cli/cliProtocol';
import { runOnWorker } from './cli/launcher';

// The `twelve-factor` command. It runs the CLI proper (cli/cliMain.ts, bundled as cliMain.js) on a
// worker thread and prints what the CLI sends, because V8 sizes an isolate's young generation only
// when it creates it: the main thread's default (three 16 MB semi-spaces at most) was about 20 MB
// of the audit's peak RSS, while the audit's short-lived garbage (a model per file) is collected as
// well from a small one. Nothing in this file loads the engine.

/** The worker's young generation in MB (two 2 MB semi-spaces and room to promote). */
const YOUNG_GENERATION_MB = 6;

ignoreClosedStdout();
runOnWorker(path.join(__dirname, 'cliMain.js'), process.argv.slice(2), { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, (stream, text) => process[stream].write(text)).then((code) => {
  process.exitCode = code;
});
