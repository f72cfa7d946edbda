import type { Span } from '../parsing/sourceFile';
import { toolName } from './commandKinds';
import type { ShellWord, SimpleCommand } from './shellCommand';

// Where a command line sends its log output: a shell redirect to a file, `tee`, or a server's log-file
// flag. Standard streams and `-` (the conventional "stdout" value of gunicorn and uwsgi) are the
// twelve-factor way and never count.

/** A file a command writes its output or log to. */
export interface LogFile {
  /** The file as written. */
  path: string;
  /** How the command sends output there, for messages: `> app.log`, `--log-file app.log`, `tee app.log`. */
  how: string;
  /** A shell redirect, `tee`, or a program's log-file option. */
  via: 'redirect' | 'tee' | 'option';
  span: Span;
}

/**
 * True for a path that names a log: under `/var/log` or a `log`/`logs` folder, or a `.log`, `.out` or
 * `.err` file. Paths under /dev, /proc, /sys and /run are devices and sockets (`/dev/log` is syslog's).
 */
export function isLogPath(target: string): boolean {
  if (/^\/(dev|proc|sys|run)(\/|$)/.test(target)) return false;
  return /(^|\/)(var\/log|logs?)(\/|$)|\.(log|out|err)$|(^|[/._-])logs?[._-]/i.test(target);
}

/** Flags whose value is a log file, in the servers and workers Procfiles and container commands start. */
const LOG_FILE_FLAGS = new Set([
  '--log-file', '--logfile', '--log_file', '--access-logfile', '--error-logfile', '--access-log', '--error-log',
  '--redirect-stdout', '--redirect-stderr', '--logto', '--logto2', '--log-path',
]);
/** Spring Boot's log-file properties, as `-D` system properties or `--` arguments. */
const LOG_FILE_PROPERTY = /^(?:-D|--)(logging\.file(?:\.name|\.path)?|logging\.path)=(.*)$/;

/** True when a destination is a standard stream (or nothing): output that stays an event stream. */
export function isStreamDestination(target: string): boolean {
  const t = target.trim();
  return (
    t === '' ||
    t === '-' ||
    /^(stdout|stderr)$/i.test(t) ||
    /^\/dev\/(stdout|stderr|null|tty|fd\/[12])$/.test(t) ||
    /^\/proc\/(self|1)\/fd\/[12]$/.test(t) ||
    // A variable names a destination the environment decides: it may well be a stream.
    /[$%]/.test(t)
  );
}

/** The files a simple command writes its output or logs to. */
export function logFilesOf(command: SimpleCommand): LogFile[] {
  const found: LogFile[] = [];
  for (const redirect of command.redirects ?? []) {
    if (redirect.operator === '<' || redirect.operator === '<<' || !redirect.target) continue;
    if (redirect.fd !== undefined && redirect.fd !== 1 && redirect.fd !== 2) continue;
    if (isStreamDestination(redirect.target.value)) continue;
    found.push({ path: redirect.target.value, how: `${redirect.fd ?? ''}${redirect.operator} ${redirect.target.value}`, via: 'redirect', span: redirect.span });
  }
  const words = command.words;
  if (toolName(words[0]?.value ?? '') === 'tee') {
    for (const word of words.slice(1)) if (!word.value.startsWith('-') && !isStreamDestination(word.value)) found.push(teeFile(word));
  }
  for (let k = 1; k < words.length; k++) {
    const word = words[k];
    const eq = word.value.indexOf('=');
    const flag = eq > 0 ? word.value.slice(0, eq) : word.value;
    const property = LOG_FILE_PROPERTY.exec(word.value);
    if (LOG_FILE_FLAGS.has(flag)) {
      const value = eq > 0 ? word.value.slice(eq + 1) : words[k + 1]?.value;
      const end = eq > 0 ? word.span.end : (words[k + 1]?.span.end ?? word.span.end);
      if (value !== undefined && !isStreamDestination(value)) found.push({ path: value, how: eq > 0 ? word.value : `${flag} ${value}`, via: 'option', span: { start: word.span.start, end } });
    } else if (property && !isStreamDestination(property[2])) {
      found.push({ path: property[2], how: word.value, via: 'option', span: word.span });
    }
  }
  return found;
}

function teeFile(word: ShellWord): LogFile {
  return { path: word.value, how: `tee ${word.value}`, via: 'tee', span: word.span };
}

/**
 * Variable names that name a log file: `LOG_FILE`, `LOGFILE`, `APP_LOG_PATH`, `LOG_FILENAME`,
 * `NRSYSMOND_logfile`, `ACCESS_LOG`. A log folder (`LOG_DIR`) is left out: many servers also log to
 * the console and keep the folder only for files they rotate away from it.
 */
const LOG_FILE_VARIABLE = /(^|[_.-])(log_?file(_?name|_?path)?|log_?path|(access|error)_?log(_?file|_?path)?)$/i;

/**
 * True when an environment variable tells a program to write its log to a file: a name that names a
 * log file, and a value that is a file path (a `/`, or a file extension), not a standard stream, a
 * URL (a syslog or collector endpoint) or a switch.
 */
export function isLogFileVariable(name: string, value: string): boolean {
  if (!LOG_FILE_VARIABLE.test(name) || isStreamDestination(value) || /:\/\//.test(value)) return false;
  return /\/|\\|^[\w-]+\.\w+$/.test(value.trim());
}
