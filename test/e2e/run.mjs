// `npm run test:e2e`: the e2e suite inside code-server, the VSIX content check, and the UI check.
// Flags: --no-ui runs only the suite (after a plain build), for quick iterations.
// Env: TWELVE_FACTOR_SKIP_E2E=1 skips everything (loudly); TWELVE_FACTOR_E2E_TIMEOUT (ms) bounds the suite;
// TWELVE_FACTOR_E2E_CACHE moves the tool cache; TWELVE_FACTOR_E2E_KEEP=1 keeps temp folders; VERBOSE=1 logs more.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchCodeServer } from './launchCodeServer.mjs';
import { buildSuite, copyWorkspace, judgeResult, outDir, repoRoot } from './prepare.mjs';
import { runSuiteInCodeServer } from './runSuite.mjs';
import { setup } from './setup.mjs';
import { auditUiCheck } from './auditUiCheck.mjs';
import { uiCheck } from './uiCheck.mjs';
import { checkVsix } from './vsixContents.mjs';

/** The packaged extension, as `npm run package` writes it. */
const VSIX = join(repoRoot, 'twelve-factor-guide.vsix');

if (process.env.TWELVE_FACTOR_SKIP_E2E === '1') {
  const bar = '#'.repeat(72);
  console.log(`\n${bar}\n##  SKIPPED: e2e tests (TWELVE_FACTOR_SKIP_E2E=1)\n${bar}\n`);
  process.exit(0);
}

const suiteOnly = process.argv.includes('--no-ui');
const suiteTimeoutMs = Number(process.env.TWELVE_FACTOR_E2E_TIMEOUT) || 180_000;
const t0 = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const failures = [];

/** Runs an npm script; its output is shown only when it fails (vsce prints a long file tree). */
function npmRun(script, timeoutMs) {
  return new Promise((resolve, reject) => {
    // stdin closed: a question from vsce must fail the run, not hang it.
    const child = spawn('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`npm run ${script} timed out after ${timeoutMs} ms\n${output}`)); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run ${script} exited with ${code}:\n${output}`));
    });
  });
}

/** Runs the suite in a fresh code-server; returns a failure message or undefined. */
async function runSuite(tools) {
  const suite = await buildSuite();
  const resultFile = join(outDir, 'result.json');
  rmSync(resultFile, { force: true });
  const workspace = copyWorkspace();
  const log = [];
  let server;
  try {
    const starting = Date.now();
    server = await launchCodeServer({ tools, saveLogAs: join(outDir, 'code-server.log') });
    console.log(`code-server ${server.url} (pid ${server.pid}) started in ${seconds(starting)}; running the suite…\n`);
    const { code, lines } = await runSuiteInCodeServer({
      server, extensionPath: repoRoot, testsPath: suite, folder: workspace.folder,
      env: { TWELVE_FACTOR_E2E_RESULT: resultFile }, timeoutMs: suiteTimeoutMs,
      onLine: (line) => console.log(`  ${line}`),
    });
    log.push(...lines);
    if (code === 'timeout') return `the suite did not finish within ${suiteTimeoutMs} ms (TWELVE_FACTOR_E2E_TIMEOUT)`;
    return judgeResult(resultFile, code);
  } finally {
    writeFileSync(join(outDir, 'workbench.log'), log.join('\n') + '\n');
    await server?.stop();
    workspace.remove();
  }
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n── e2e: ${name}`);
  try {
    const problem = await fn();
    if (problem) failures.push(`${name}: ${problem}`);
    console.log(problem ? `── FAILED: ${name} (${seconds(started)}): ${problem}` : `── ok: ${name} (${seconds(started)})`);
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
    console.log(`── FAILED: ${name} (${seconds(started)})\n${e.stack ?? e}`);
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const tools = await setup();
  if (suiteOnly) await step('build', () => npmRun('build', 120_000));
  else await step('package the VSIX (npm run package)', () => npmRun('package', 180_000));
  if (failures.length > 0) return; // no extension to test
  await step('suite in code-server', () => runSuite(tools));
  if (suiteOnly) {
    console.log('\n(--no-ui: VSIX content and UI checks not run)');
    return;
  }
  await step('VSIX content', () => checkVsix(VSIX));
  await step('UI check (VSIX installed, Problems panel)', () => uiCheck({ tools, vsix: VSIX }));
  await step('UI check (Audit Workspace, report panel, a finding opened from it)', () => auditUiCheck({ tools, vsix: VSIX }));
}

try {
  await main();
} catch (e) {
  failures.push(e.message);
  console.error(e.stack ?? e);
}
console.log(`\ne2e finished in ${seconds(t0)}`);
if (failures.length > 0) {
  console.log(`e2e FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('e2e passed');
process.exit(0); // do not wait for idle handles (esbuild's service, Playwright) to wind down
