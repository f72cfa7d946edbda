// `npm run bench`: bundles bench.ts with the engine and runs it. Numbers, not assertions: speed is
// guarded by reading these figures side by side with the peers, not by timed tests.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, '../out/bench.js');
await esbuild.build({
  entryPoints: [join(here, 'bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  external: ['dockerfile-utils', 'dockerfilelint', 'yaml'],
  logLevel: 'warning',
});
try {
  execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
  // Start-up and as-you-type latency through one LSP client, ours and the peers, against the built server.
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'lspBench.ts')], { stdio: 'inherit' });
  // The CLI's CPU time and peak RSS against a parse floor.
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'cliBench.ts')], { stdio: 'inherit' });
  // Linear growth per family and hostile shape, from 100 KB to the size limit (hardening).
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'growth.ts')], { stdio: 'inherit' });
} catch (error) {
  console.error(`bench failed: ${error.message.split('\n')[0]}`);
  process.exit(1);
}
