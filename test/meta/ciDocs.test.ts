import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseArgs, type AuditArgs } from '../../server/src/cli/args';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; repository: { url: string } };
const BIN = Object.keys(pkg.bin)[0];

/** The arguments of a `twelve-factor …` command line as the CLI parses them (no shell quoting in these files). */
function cliArgs(command: string): AuditArgs {
  const [bin, ...argv] = command.trim().split(/\s+/);
  assert.equal(bin, BIN, `${command} runs the package's bin`);
  const args = parseArgs(argv);
  assert.equal(args.command, 'audit', command);
  return args as AuditArgs;
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

describe('meta: CI and pre-commit files for teams', () => {
  it('docs/ci/github-actions.yml installs this version of the package, audits to SARIF and uploads that file', () => {
    const workflow = parse(readFileSync(path.join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { env: Record<string, string>; steps: Step[] }> };
    const job = Object.values(workflow.jobs)[0];
    assert.equal(job.env.TWELVE_FACTOR_VERSION, pkg.version, 'the workflow names the current version');
    const install = job.steps.find((s) => s.run?.startsWith('npm install --global'));
    const repo = pkg.repository.url.replace(/\.git$/, '');
    // `npm pack` names the tarball <name>-<version>.tgz; a release attaches it under the v<version> tag.
    assert.equal(install?.run, `npm install --global "${repo}/releases/download/v\${TWELVE_FACTOR_VERSION}/${pkg.name}-\${TWELVE_FACTOR_VERSION}.tgz"`);

    const audits = job.steps.filter((s) => s.run?.startsWith(`${BIN} `)).map((s) => cliArgs(s.run ?? ''));
    const sarif = audits.find((a) => a.format === 'sarif');
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(sarif?.output, 'a SARIF audit writes a file');
    assert.equal(upload?.with?.sarif_file, sarif.output, 'the upload reads the file the audit wrote');
    assert.equal(workflow.permissions['security-events'], 'write', 'upload-sarif needs it');
    assert.ok(audits.some((a) => a.failOn === 'error'), 'a step fails the job on errors');
  });

  it('.pre-commit-hooks.yaml runs the bin quietly, on the staged files or the whole repository', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames?: boolean }[];
    assert.deepEqual(hooks.map((h) => h.id), ['twelve-factor', 'twelve-factor-repo']);
    for (const hook of hooks) {
      assert.equal(hook.language, 'node', 'pre-commit installs the package with npm (prepublish builds it)');
      // pre-commit appends the staged files to the entry.
      const args = cliArgs(hook.pass_filenames === false ? hook.entry : `${hook.entry} Dockerfile k8s/deploy.yaml`);
      assert.equal(args.quiet, true, `${hook.id} prints only findings`);
      assert.deepEqual(args.paths, hook.pass_filenames === false ? ['.'] : ['Dockerfile', 'k8s/deploy.yaml']);
    }
  });
});
