// Shared by both launchers: bundle the suite into the extension folder, and copy the test workspace.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extension folder (the repository root). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Output folder of the e2e run (logs, results, screenshots); ignored by git. */
export const outDir = join(repoRoot, 'test', 'out', 'e2e');
/** The bundled suite. It must live inside the extension folder, or the workbench runs it in the wrong host. */
export const suiteBundle = join(outDir, 'suite.js');

/** Bundles `test/e2e/suite/index.ts`; `vscode` comes from the host and `mocha` from node_modules at run time. */
export async function buildSuite() {
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return suiteBundle;
}

/**
 * Copies a workspace to a fresh temp folder named `name`, because the suites edit files. The repository's
 * copy is never touched. Returns the folder and a `remove()`.
 */
export function copyWorkspace(from = join(repoRoot, 'test', 'e2e', 'workspace'), name = 'workspace') {
  const parent = mkdtempSync(join(tmpdir(), 'twelve-factor-ws-'));
  const folder = join(parent, name);
  cpSync(from, folder, { recursive: true });
  const remove = () => {
    copies.delete(remove);
    if (process.env.TWELVE_FACTOR_E2E_KEEP !== '1') rmSync(parent, { recursive: true, force: true });
  };
  copies.add(remove);
  return { folder, remove };
}

/** Copies not removed yet; an interrupted run (SIGINT → process.exit) removes them on exit. */
const copies = new Set();
process.on('exit', () => { for (const remove of copies) remove(); });

/**
 * Judges a suite run from its exit code and the suite's own result file (the second channel). A run with
 * no result file, or with no tests, fails too. Prints the summary; returns a failure message or undefined.
 */
export function judgeResult(resultFile, exitCode) {
  if (!existsSync(resultFile)) return `the suite exited with ${exitCode} but wrote no result file (${resultFile})`;
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  console.log(`\nsuite: ${result.passes} passed, ${result.failures} failed of ${result.total} (exit code ${exitCode})`);
  for (const r of result.results.filter((x) => x.state === 'failed')) console.log(`  FAILED ${r.title}: ${r.error.split('\n')[0]}`);
  if (exitCode !== 0 || result.failures !== 0) return `${result.failures} e2e test(s) failed (exit code ${exitCode})`;
  if (result.passes === 0 || result.passes !== result.total) return `only ${result.passes} of ${result.total} e2e tests passed`;
  return undefined;
}
