import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort } from 'node:worker_threads';
import { version } from '../../../package.json';
import { describeFsError } from '../audit/auditFs';
import { AuditInputError, runAudit, type AuditResult } from '../audit/runAudit';
import { SKIP_REASONS } from '../audit/walk';
import { BaselineError } from '../baseline/baselineFile';
import { prepareCodeParsing } from '../parsing/code/treeSitter';
import { formatReport } from '../report';
import { readRuleDocs } from '../report/ruleDocs';
import { SEVERITY_RANK } from '../report/summary';
import { baselineStep } from './baselineStep';
import { parseArgs, SYNOPSIS, USAGE, UsageError, type AuditArgs, type FailOn } from './args';
import { ignoreClosedStdout, internalErrorMessage, type FromCli } from './cliProtocol';

// The CLI proper. server/src/cli.ts (the `twelve-factor` command) runs it on a worker thread and
// prints what it sends; run directly (`node server/out/cliMain.js audit …`), it runs on the main
// thread and prints itself: the same report, messages and exit code either way.

const launcher = isMainThread ? undefined : parentPort;

function write(stream: 'stdout' | 'stderr', text: string): void {
  if (launcher) launcher.postMessage({ type: stream, text } satisfies FromCli);
  else process[stream].write(text);
}

/** The CI front end: `twelve-factor audit <paths…>`. Reads files, never runs workspace code or uses the network. */
async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (args.command === 'help') {
    write('stdout', USAGE);
    return 0;
  }
  if (args.command === 'version') {
    write('stdout', `${version}\n`);
    return 0;
  }
  return audit(args);
}

async function audit(args: AuditArgs): Promise<number> {
  let result: AuditResult;
  try {
    result = await runAudit({ paths: args.paths, configPath: args.config, jobs: args.jobs, log: (message) => warn(message.split('\n')[0]) });
  } catch (error) {
    if (error instanceof AuditInputError) return usageError(error.message);
    throw error;
  }
  try {
    const step = baselineStep(result, args.baseline);
    result = step.result;
    for (const note of step.notes) warn(note);
  } catch (error) {
    if (error instanceof BaselineError) return usageError(error.message);
    throw error;
  }
  for (const skipped of result.skipped) {
    if (skipped.reason === 'unknownKind' && !args.quiet) warn(`skipped ${skipped.displayPath}: ${SKIP_REASONS.unknownKind}.`);
  }

  const ruleDocs = args.format === 'sarif' ? readRuleDocs(__dirname) : undefined;
  const report = formatReport(args.format, result, { version, ruleDocs, srcRoot: sourceRoot(result), quiet: args.quiet });
  if (args.output === undefined) {
    write('stdout', report);
  } else {
    try {
      mkdirSync(path.dirname(path.resolve(args.output)), { recursive: true });
      writeFileSync(args.output, report);
    } catch (error) {
      return usageError(`Cannot write ${args.output}: ${describeFsError(error)}`);
    }
  }
  return failsOn(result, args.failOn) ? 1 : 0;
}

/**
 * The folder SARIF URIs are relative to. CI runs the CLI in the checkout, and code scanning resolves
 * URIs against the repository root, so the working directory comes first; when the audited files lie
 * elsewhere, the audited folder is the better base.
 */
function sourceRoot(result: AuditResult): string {
  const cwd = process.cwd();
  const inside = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  };
  return result.results.every((r) => inside(r.file)) ? cwd : (result.root ?? cwd);
}

/** True when a finding is at least as severe as the `--fail-on` threshold. */
function failsOn(result: AuditResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]));
}

function usageError(message: string): number {
  write('stderr', `twelve-factor: ${message}\n${SYNOPSIS}\nRun "twelve-factor --help" for details.\n`);
  return 2;
}

function warn(message: string) {
  write('stderr', `twelve-factor: ${message}\n`);
}

if (!launcher) ignoreClosedStdout();

// The audit's live data is small (facts, findings) but it allocates a model per file: V8's default
// lets the heap grow to about three times what survives a collection, which the peak RSS shows. A
// batch process collects a little more often instead (read by V8 at every collection).
setFlagsFromString('--heap-growing-percent=20');

// The tree-sitter runtime starts asynchronously, once; code files cannot be parsed before it.
prepareCodeParsing()
  .catch((error: unknown) => warn(`code files cannot be parsed: ${error instanceof Error ? error.message : String(error)}`))
  .then(() => main(process.argv.slice(2)))
  .then(exit, (error: unknown) => {
    write('stderr', internalErrorMessage(error));
    exit(2);
  });

function exit(code: number): void {
  if (launcher) launcher.postMessage({ type: 'exit', code } satisfies FromCli);
  else process.exitCode = code;
}

