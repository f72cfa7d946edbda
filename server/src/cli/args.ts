import type { Severity } from '../engine/types';
import { REPORT_FORMATS, type ReportFormat } from '../report';

/** The threshold of `--fail-on`: the least severe finding that fails the run, or `none`. */
export type FailOn = Severity | 'none';

/** The `--fail-on` values. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** A parsed `audit` command. */
export interface AuditArgs {
  command: 'audit';
  /** Files and folders as typed; `.` when none were given. */
  paths: string[];
  format: ReportFormat;
  failOn: FailOn;
  config?: string;
  output?: string;
  /** Worker threads that analyse files; 1 analyses on the main thread. */
  jobs: number;
  /** Print only the findings: no summary or list of skipped files, no notes on stderr. */
  quiet: boolean;
  /** What to do with each root's `.twelve-factor-baseline.json`: apply it (the default), ignore it, or rewrite it. */
  baseline: BaselineMode;
}

/** `use` reads the baseline when it exists, `ignore` is `--no-baseline`, `update` is `--update-baseline`. */
export type BaselineMode = 'use' | 'ignore' | 'update';

/** What the command line asks for. */
export type CliArgs = AuditArgs | { command: 'help' } | { command: 'version' };

/** A mistake on the command line; the message is one line, meant for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The one-line synopsis, printed under every usage error. */
export const SYNOPSIS =
  'Usage: twelve-factor audit [<paths…>] [--format text|json|sarif|markdown] [--fail-on error|warning|info|none] [--config <file>] [--output <file>] [--jobs <n>] [--no-baseline | --update-baseline] [--quiet]';

/** The full `--help` text. */
export const USAGE = `${SYNOPSIS}
       twelve-factor --help | --version

Checks Dockerfiles, deployment manifests and config code against the twelve-factor app principles.
Each folder is audited as a workspace root (.gitignore is honoured; node_modules and vendored folders
are skipped). With no path, the current folder is audited. Nothing is executed and nothing is fetched.

Options:
  --format <format>    text (default), json, sarif or markdown
  --fail-on <level>    exit with 1 when a finding is at least this severe:
                       error (default), warning, info, or none to always exit with 0
  --config <file>      use this file instead of each root's .twelve-factor.yaml
  --output <file>      write the report to a file instead of standard output
  --jobs <n>           analyse with n worker threads (default 1); the report is the same
  --update-baseline    accept every current finding: write each root's .twelve-factor-baseline.json
                       (entries of files not audited now are kept; fixed ones are dropped)
  --no-baseline        report findings the baseline accepted too
  -q, --quiet          print only the findings (text: no summary, no skipped files; no notes
                       on stderr), for pre-commit hooks and editors' task runners
  -h, --help           show this help
  --version            show the version

A root's .twelve-factor-baseline.json, when there is one, holds accepted findings: only new
findings are reported and count for --fail-on, and the report says how many were accepted.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
            2 bad arguments, a missing path, an unreadable --config or baseline, or an internal error.
`;

const VALUE_OPTIONS = ['--format', '--fail-on', '--config', '--output', '--jobs'] as const;
const FLAG_OPTIONS = ['--no-baseline', '--update-baseline', '--quiet', '-q'] as const;

/** The most worker threads `--jobs` accepts. */
export const MAX_JOBS = 64;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Parses the arguments after `node cli.js`. Throws {@link UsageError} for anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) return { command: 'help' };
  if (options.includes('--version')) return { command: 'version' };

  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if ((FLAG_OPTIONS as readonly string[]).includes(arg)) {
      flags.add(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`Option ${name} takes no value.`);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`Unknown option ${name}.`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (!value) throw new UsageError(`Option ${name} needs a value${describeChoices(name as ValueOption)}.`);
    values[name as ValueOption] = value;
  }

  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('Missing command: try "twelve-factor audit .".');
  if (command === 'help') return { command: 'help' };
  if (command !== 'audit') throw new UsageError(`Unknown command "${command}"; the only command is "audit".`);
  if (flags.has('--no-baseline') && flags.has('--update-baseline')) throw new UsageError('Options --no-baseline and --update-baseline exclude each other.');
  return {
    command: 'audit',
    paths: paths.length > 0 ? paths : ['.'],
    format: choice('--format', values['--format'], REPORT_FORMATS, 'text'),
    failOn: choice('--fail-on', values['--fail-on'], FAIL_ON_VALUES, 'error'),
    jobs: jobCount(values['--jobs']),
    quiet: flags.has('--quiet') || flags.has('-q'),
    baseline: flags.has('--update-baseline') ? 'update' : flags.has('--no-baseline') ? 'ignore' : 'use',
    ...(values['--config'] !== undefined ? { config: values['--config'] } : {}),
    ...(values['--output'] !== undefined ? { output: values['--output'] } : {}),
  };
}

function choice<T extends string>(option: ValueOption, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid ${option} "${value}": expected ${listOf(allowed)}.`);
}

function jobCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const jobs = /^\d+$/.test(value) ? Number(value) : NaN;
  if (jobs >= 1 && jobs <= MAX_JOBS) return jobs;
  throw new UsageError(`Invalid --jobs "${value}": expected a whole number from 1 to ${MAX_JOBS}.`);
}

function describeChoices(option: ValueOption): string {
  if (option === '--format') return `: ${listOf(REPORT_FORMATS)}`;
  if (option === '--fail-on') return `: ${listOf(FAIL_ON_VALUES)}`;
  if (option === '--jobs') return ` (a number of threads)`;
  return ' (a file path)';
}

function listOf(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
