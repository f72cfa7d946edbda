import { isOneOffCommand, stripRunners, toolName } from './commandKinds';
import { commandArgv, wrappedScript, type ShellScript, type SimpleCommand } from './shellCommand';

// How a command line starts more than one long-running process: a command sent to the background
// with `&`, a service started through the init system (`service nginx start`), a program that
// detaches itself (`nginx` without `daemon off`, `php-fpm -D`), or a process manager that runs
// several programs (supervisord, honcho). Zombie reapers (tini, dumb-init) start one child and are
// not in this list. cron is left to the admin-processes rule, which says why it does not belong.

/** A second long-running process a command line starts beside its main one. */
export interface ExtraProcess {
  /** The program, for messages: `nginx`, `celery`, `php-fpm`. */
  program: string;
  /** How it keeps running beside the main process. */
  how: 'background' | 'service' | 'daemon';
  command: SimpleCommand;
}

/** How an extra process keeps running, for messages: `runs celery in the background`. */
export function describeExtra(extra: ExtraProcess): string {
  if (extra.how === 'background') return `runs ${extra.program} in the background`;
  return extra.how === 'service' ? `starts the ${extra.program} service` : `starts ${extra.program}, which detaches itself`;
}

/** The program of `service <name> start`, `/etc/init.d/<name> start`, `rc-service <name> start`, `systemctl start <name>`. */
function serviceStart(argv: readonly string[]): string | undefined {
  const [first, second, third] = argv;
  const starts = (verb?: string) => verb === 'start' || verb === 'restart';
  if ((toolName(first ?? '') === 'service' || toolName(first ?? '') === 'rc-service') && second && starts(third)) return second;
  if (/^\/etc\/(rc\.d\/)?init\.d\/[^/]+$/.test(first ?? '') && starts(second)) return toolName(first);
  if (toolName(first ?? '') === 'systemctl' && starts(second) && third) return third.replace(/\.service$/, '');
  return undefined;
}

/** Programs that detach into the background unless told to stay in the foreground, and what tells them. */
const SELF_DAEMONIZING: Record<string, (rest: readonly string[]) => boolean> = {
  nginx: (rest) => !rest.some((w) => /daemon\s+off/.test(w)),
  sshd: (rest) => !rest.some((w) => /^-[A-Za-z]*D/.test(w)),
  httpd: (rest) => !rest.some((w) => /FOREGROUND/.test(w)),
  rsyslogd: (rest) => !rest.includes('-n'),
  'php-fpm': (rest) => rest.some((w) => w === '-D' || w === '--daemonize'),
  'redis-server': (rest) => rest.some((w, i) => w === '--daemonize' && rest[i + 1] === 'yes'),
  mongod: (rest) => rest.includes('--fork'),
  memcached: (rest) => rest.includes('-d'),
  gunicorn: (rest) => rest.some((w) => w === '-D' || w === '--daemon'),
  uwsgi: (rest) => rest.some((w) => w.startsWith('--daemonize')),
  apachectl: (rest) => rest.includes('start'),
  pm2: (rest) => rest[0] === 'start',
  'pg_ctl': (rest) => rest.includes('start'),
  'start-stop-daemon': (rest) => rest.includes('--start') || rest.includes('-S'),
};

/** True when a command starts a program that detaches itself (or a service) and returns. */
export function daemonStart(argv: readonly string[]): { program: string; how: 'service' | 'daemon' } | undefined {
  const service = serviceStart(argv);
  if (service) return { program: service, how: 'service' };
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '').replace(/^php-fpm[\d.]+$/, 'php-fpm');
  return SELF_DAEMONIZING[tool]?.(words.slice(1)) ? { program: tool, how: 'daemon' } : undefined;
}

/** Process managers that run several programs in one container (`honcho start` runs every Procfile line). */
export function processManager(argv: readonly string[]): string | undefined {
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '');
  if (['supervisord', 'circusd', 'runsvdir', 's6-svscan'].includes(tool)) return tool;
  if (['honcho', 'foreman', 'overmind', 'hivemind', 'forego'].includes(tool) && (words[1] === 'start' || tool === 'hivemind')) return `${tool} start`;
  if (tool === 'concurrently' || (tool === 'npm-run-all' && words.some((w) => w === '--parallel' || w === '-p'))) return tool;
  return undefined;
}

/** Commands that only keep a container alive or wait for others: `tail -f`, `sleep infinity`, `wait`. */
export function isKeepAlive(argv: readonly string[]): boolean {
  const tool = toolName(argv[0] ?? '');
  if (tool === 'wait' || tool === 'read') return true;
  if (tool === 'tail') return argv.some((w) => /^-[A-Za-z]*[fF]/.test(w) || w === '--follow');
  return tool === 'sleep' && (argv[1] === 'infinity' || Number(argv[1]) >= 3600);
}

/**
 * True when a command starts a cron daemon: `cron`, `crond`, `busybox crond`, `supercronic`, or the
 * cron service. cron's daemons belong to the admin-processes rule about cron.
 */
export function isCronStart(argv: readonly string[]): boolean {
  const tool = toolName(argv[0] ?? '');
  if (tool === 'cron' || tool === 'crond' || tool === 'supercronic' || (tool === 'busybox' && argv[1] === 'crond')) return true;
  return /^(cron|crond|cronie)$/.test(serviceStart(argv) ?? '');
}

/**
 * The long-running processes a script starts beside its final command: commands sent to the
 * background with `&` (one-offs, sleeps and cron aside), services started through the init system,
 * and programs that detach themselves. `sh -c` wrappers are read through. Nothing is read from a
 * script with a here-document or a syntax error.
 */
export function extraProcesses(script: ShellScript, text: string, depth = 0): ExtraProcess[] {
  // The lexer does not read here-documents: their lines would pass for commands.
  if (script.features.has('heredoc') || script.features.has('syntax')) return [];
  return script.commands.flatMap((command, i) => {
    const inner = depth < 3 ? wrappedScript(command, text) : undefined;
    if (inner) return extraProcesses(inner, text, depth + 1);
    const argv = commandArgv(command);
    if (argv.length === 0 || isCronStart(argv)) return [];
    const program = toolName(stripRunners(argv)[0] ?? '');
    if (script.separators[i] === '&') {
      if (isOneOffCommand(argv) || isKeepAlive(argv) || program === 'sleep' || (program === 'nohup' && argv.length < 2)) return [];
      const real = program === 'nohup' ? toolName(argv[1]) : program;
      return [{ program: real, how: 'background', command }];
    }
    // The last command of the script is the main process: if it detaches, the container just ends.
    if (i === script.commands.length - 1) return [];
    const daemon = daemonStart(argv);
    return daemon ? [{ ...daemon, command }] : [];
  });
}

/**
 * True when the script's final command keeps running as a process of its own, so that any extra
 * process is a second one: not a keep-alive, a one-off, or a background job.
 */
export function runsMainProcess(script: ShellScript): boolean {
  const last = script.commands[script.commands.length - 1];
  if (!last || script.separators[script.commands.length - 1] === '&') return false;
  const argv = commandArgv(last);
  return argv.length > 0 && !isKeepAlive(argv) && !isOneOffCommand(argv) && !isCronStart(argv);
}
