// The e2e entry, loaded by VS Code as `extensionTestsPath` (code-server payload or @vscode/test-electron).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { auditTests } from './audit';
import { codeTests } from './code';
import { configurationTests } from './configuration';
import { dockerfileTests } from './dockerfile';
import { envContractTests } from './envContract';
import { manifestTests } from './manifests';
import { serverTests } from './server';

/** Every capability adds its cases here, in the order they should run. */
const SUITES = [dockerfileTests, manifestTests, envContractTests, codeTests, configurationTests, serverTests, auditTests];

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

/**
 * Runs the suites with mocha. Resolves when all pass; rejects otherwise, which VS Code turns into a
 * non-zero exit code. Also writes a JSON result file (`TWELVE_FACTOR_E2E_RESULT`) as a second channel.
 */
export function run(): Promise<void> {
  const resultFile = process.env.TWELVE_FACTOR_E2E_RESULT || path.join(__dirname, 'result.json');
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 90_000 });
  // The bundle has no files for mocha to load: expose describe/it as globals, then define the tests.
  mocha.suite.emit('pre-require', globalThis, 'e2e-suite', mocha);
  for (const define of SUITES) define();

  return new Promise((resolve, reject) => {
    const results: TestResult[] = [];
    const runner = mocha.run((failures) => {
      const summary = { failures, passes: results.filter((r) => r.state === 'passed').length, total: runner.total, results, at: new Date().toISOString() };
      fs.mkdirSync(path.dirname(resultFile), { recursive: true });
      fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.stack ?? err) }));
  });
}
