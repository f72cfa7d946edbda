import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../../package.json';
import { describeFsError } from './audit/auditFs';
import { AuditInputError, runAudit, type AuditResult } from './audit/runAudit';
import { parseArgs, SYNOPSIS, USAGE, UsageError, type AuditArgs, type FailOn } from './cli/args';
import { allRules, ruleDocPath } from './engine';
import { prepareCodeParsing } from './parsing/code/treeSitter';
import { formatReport } from './report';
import { SEVERITY_RANK } from './report/summary';

/** The CI front end: `twelve-factor audit <paths…>`. Reads files, never runs workspace code or uses the network. */
function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (args.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  return audit(args);
}

function audit(args: AuditArgs): number {
  let result: AuditResult;
  try {
    result = runAudit({ paths: args.paths, configPath: args.config, log: (message) => warn(message.split('\n')[0]) });
  } catch (error) {
    if (error instanceof AuditInputError) return usageError(error.message);
    throw error;
  }
  for (const skipped of result.skipped) warn(`skipped ${skipped}: not a file kind the tool analyses.`);

  const ruleDocs = args.format === 'sarif' ? readRuleDocs() : undefined;
  const report = formatReport(args.format, result, { version, ruleDocs, srcRoot: sourceRoot(result) });
  if (args.output === undefined) {
    process.stdout.write(report);
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

/** The rule docs copied next to the bundle by the build (`out/docs`), or the sources when run unbundled. */
function readRuleDocs(): Map<string, string> {
  const docs = new Map<string, string>();
  const dirs = [path.join(__dirname, 'docs'), path.join(__dirname, 'rules')];
  for (const rule of allRules()) {
    for (const dir of dirs) {
      try {
        docs.set(rule.id, readFileSync(ruleDocPath(dir, rule), 'utf8'));
        break;
      } catch {
        // Not in this folder; a rule without a readable doc gets the plain-text help only.
      }
    }
  }
  return docs;
}

function usageError(message: string): number {
  process.stderr.write(`twelve-factor: ${message}\n${SYNOPSIS}\nRun "twelve-factor --help" for details.\n`);
  return 2;
}

function warn(message: string) {
  process.stderr.write(`twelve-factor: ${message}\n`);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// The tree-sitter runtime starts asynchronously, once; the audit itself is synchronous.
prepareCodeParsing()
  .catch((error: unknown) => warn(`code files cannot be parsed: ${error instanceof Error ? error.message : String(error)}`))
  .then(() => {
    process.exitCode = main(process.argv.slice(2));
  })
  .catch(internalError);

function internalError(error: unknown): void {
  // Our bug, not the user's: one line, with the stack only on request.
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  warn(`internal error: ${detail}${process.env.TWELVE_FACTOR_DEBUG ? `\n${error instanceof Error ? error.stack : ''}` : ' (set TWELVE_FACTOR_DEBUG=1 for details)'}`);
  process.exitCode = 2;
}
