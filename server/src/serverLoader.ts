// The language server's entry point (server/out/server.js, started with --stdio or --node-ipc): it only
// loads the server's bundle (serverMain.js, from server.ts) through V8's code cache, which saves a
// later start the compile of the bundle and of the functions the first lint runs.
import * as path from 'node:path';
import { loadBundle } from './startup/codeCache';

loadBundle(path.join(__dirname, 'serverMain.js'));
