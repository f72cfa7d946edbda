import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FACTORS } from '../../server/src/engine/types';

/** The repository root. */
export const REPO = path.resolve(__dirname, '../..');

/** The built CLI the tests run, exactly as users and CI do. */
export const CLI = path.join(REPO, 'server/out/cli.js');

/** The rule the workspaces below exercise; other Dockerfile rules may add findings, so tests filter on it. */
export const UNPINNED = 'dependencies/unpinned-base-image';

/** Builds once when the bundle is missing (`npm test` builds first, so this is for running the suite alone). */
export function ensureBuilt(): void {
  if (!existsSync(CLI)) execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
}

/** What one CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/out/cli.js <args>` in a folder and waits for it to exit (killed after `timeoutMs`). */
export function runCli(args: string[], cwd: string, timeoutMs = 30_000): CliRun {
  // spawnSync kills a child whose output passes maxBuffer (1 MB by default): a large JSON report is longer.
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.error ? `${run.error.message}\n${run.stderr}` : run.stderr };
}

const created: string[] = [];

/** Creates a workspace in the system temp folder from `relative path → text`; removed by {@link removeWorkspaces}. */
export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-cli-'));
  created.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}

/** Deletes every workspace made so far. */
export function removeWorkspaces(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A finding of the JSON report. */
export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  ruleId: string;
  factor: string;
  severity: string;
  message: string;
}

/** Runs the JSON format and parses it (the CLI is killed after `timeoutMs`). */
export function auditJson(args: string[], cwd: string, timeoutMs?: number): { run: CliRun; files: number; findings: JsonFinding[] } {
  const run = runCli(['audit', ...args, '--format', 'json', '--fail-on', 'none'], cwd, timeoutMs);
  if (run.code !== 0) throw new Error(`CLI exited with ${run.code}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: number; findings: JsonFinding[] };
  return { run, ...report };
}

/** The files that have a finding of a rule, sorted. */
export function filesWith(findings: JsonFinding[], ruleId: string): string[] {
  return [...new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.file))].sort();
}

/** A `.twelve-factor.yaml` that turns every rule off except the given ones, so that exit codes depend on them alone. */
export function isolatingConfig(rules: Record<string, string>): string {
  const lines = ['rules:', ...FACTORS.map((f) => `  ${f}/*: off`), ...Object.entries(rules).map(([id, s]) => `  ${id}: ${s}`)];
  return lines.join('\n') + '\n';
}
