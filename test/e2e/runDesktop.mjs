// `npm run test:e2e:desktop`: the same suite in desktop VS Code through @vscode/test-electron, for machines
// with internet (it downloads VS Code into .vscode-test/). On a headless Linux box, run it under xvfb-run.
// Env: VSCODE_VERSION (default "stable").
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, copyWorkspace, judgeResult, outDir, repoRoot } from './prepare.mjs';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
mkdirSync(outDir, { recursive: true });
const suite = await buildSuite();
const resultFile = join(outDir, 'result-desktop.json');
rmSync(resultFile, { force: true });
const workspace = copyWorkspace();
const userData = mkdtempSync(join(tmpdir(), 'twelve-factor-desktop-'));
let code;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suite,
    extensionTestsEnv: { TWELVE_FACTOR_E2E_RESULT: resultFile },
    // A fresh profile and no other extensions, like the code-server launcher.
    launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', join(userData, 'user-data'), '--extensions-dir', join(userData, 'extensions')],
  });
} catch (e) {
  // runTests rejects when VS Code exits non-zero (failed tests) or cannot be downloaded/started.
  console.error(`desktop e2e: ${e.message ?? e}`);
  code = 1;
} finally {
  workspace.remove();
  rmSync(userData, { recursive: true, force: true });
}
const problem = judgeResult(resultFile, code);
if (problem) {
  console.error(`desktop e2e FAILED: ${problem}`);
  process.exit(1);
}
console.log('desktop e2e passed');
