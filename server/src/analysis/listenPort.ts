import type { TextEdit } from '../engine/types';
import type { Span } from '../parsing/sourceFile';
import { stripRunners, toolName } from './commandKinds';
import type { ShellWord, SimpleCommand } from './shellCommand';

// How a command line binds its listen port, for the servers and frameworks people start from a
// Procfile or a container command: a port flag, a host:port bind address, a Java system property,
// a `PORT=` assignment in front, or a positional address (`manage.py runserver 0.0.0.0:8000`).

/** A listen port written into a command as a number. */
export interface FixedPort {
  /** The port number as written. */
  port: string;
  /** How the command sets it, for messages: `--port 3000`, `PORT=3000`. */
  how: string;
  /** The span to report: the number (or the whole `PORT=` assignment). */
  span: Span;
  /** The edit that makes the command use `$PORT` instead; undefined when the text cannot be edited safely (single quotes, escapes). */
  edit?: TextEdit;
}

/** Flags whose value is the port itself. `-p` only counts with a number (`java -p` takes a module path). */
const PORT_FLAGS = new Set(['-p', '--port', '--http-port', '--listen-port', '--server-port', '--server.port']);
/** Flags whose value is an address: a port only when it ends in `:<port>` (`-b 0.0.0.0` is a host). */
const ADDRESS_FLAGS = new Set(['-b', '--bind', '--listen', '-S', '--address']);
/** Java system properties and Spring Boot arguments that set the server port. */
const PORT_PROPERTY = /^(?:-D|--)((?:[\w-]+\.)*(?:server|http)\.port|port)=(.*)$/;
/** Programs whose first positional argument is `[addr:]port`. */
const POSITIONAL_PORT: Record<string, string> = { 'manage.py': 'runserver', 'django-admin': 'runserver', 'http.server': '' };

const isPortNumber = (value: string) => /^\d{1,5}$/.test(value) && Number(value) > 0 && Number(value) <= 65535;
/** The port at the end of an address: `0.0.0.0:8000`, `:8000`, `[::]:8000`, `tcp://0.0.0.0:3000`. */
const addressPort = (value: string) => /:(\d{1,5})$/.exec(value)?.[1];

/**
 * The listen ports a command writes as numbers. A port read from a variable (`$PORT`, `${PORT:-5000}`,
 * `%PORT%`) is not fixed; neither is a command that does not set a port at all.
 *
 * @param text the file text the command's spans point into
 */
export function fixedListenPorts(command: SimpleCommand, text: string): FixedPort[] {
  const found: FixedPort[] = [];
  const words = command.words;
  let i = 0;
  // Leading assignments (`PORT=3000 node server.js`, `env PORT=3000 …`): the fix drops the assignment.
  for (; i < words.length; i++) {
    const word = words[i];
    if (word.value === 'env' || word.value === 'exec') continue;
    const assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(word.value);
    if (!assignment || word.quoted) break;
    if (assignment[1] === 'PORT' && isPortNumber(assignment[2])) {
      const end = /^[ \t]+/.exec(text.slice(word.span.end))?.[0].length ?? 0;
      found.push({ port: assignment[2], how: word.value, span: word.span, edit: { span: { start: word.span.start, end: word.span.end + end }, text: '' } });
    }
  }
  const args = words.slice(i);
  for (let k = 1; k < args.length; k++) {
    const word = args[k];
    const [flag, inline] = splitFlag(word.value);
    if (PORT_FLAGS.has(flag) || (flag.length > 2 && PORT_FLAGS.has(flag.slice(0, 2)) && !flag.startsWith('--'))) {
      const attached = flag.length > 2 && !flag.startsWith('--') ? flag.slice(2) : inline;
      const valueWord = attached === undefined ? args[k + 1] : word;
      const value = attached ?? args[k + 1]?.value;
      if (value !== undefined && valueWord && isPortNumber(value)) found.push(portIn(valueWord, value, `${word.value}${attached === undefined ? ` ${value}` : ''}`, text));
    } else if (ADDRESS_FLAGS.has(flag)) {
      const valueWord = inline === undefined ? args[k + 1] : word;
      const value = inline ?? valueWord?.value ?? '';
      // serve and waitress take a bare port for --listen; for the others a bare value is a host.
      const port = valueWord && (addressPort(value) ?? (flag === '--listen' && isPortNumber(value) ? value : undefined));
      if (valueWord && port && isPortNumber(port)) found.push(portIn(valueWord, port, inline === undefined ? `${flag} ${valueWord.value}` : word.value, text));
    } else {
      const property = PORT_PROPERTY.exec(word.value);
      if (property && isPortNumber(property[2])) found.push(portIn(word, property[2], word.value, text));
    }
  }
  const positional = positionalPort(args);
  if (positional) found.push(portIn(positional.word, positional.port, positional.word.value, text));
  return found;
}

/** `--port=3000` → [`--port`, `3000`]; `--port` → [`--port`, undefined]. */
function splitFlag(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return word.startsWith('-') && eq > 0 && !word.startsWith('-D') ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

/** `python manage.py runserver 0.0.0.0:8000`, `python -m http.server 8000`. */
function positionalPort(args: ShellWord[]): { word: ShellWord; port: string } | undefined {
  const values = args.map((w) => w.value);
  const stripped = stripRunners(values);
  const tool = toolName(stripped[0] ?? '');
  if (!(tool in POSITIONAL_PORT)) return undefined;
  const offset = args.length - stripped.length;
  let k = 1;
  if (POSITIONAL_PORT[tool]) {
    while (k < stripped.length && stripped[k].startsWith('-')) k++;
    if (stripped[k] !== POSITIONAL_PORT[tool]) return undefined;
    k++;
  }
  while (k < stripped.length && stripped[k].startsWith('-')) k++;
  const word = args[offset + k];
  const port = word && (isPortNumber(word.value) ? word.value : addressPort(word.value));
  return word && port && isPortNumber(port) ? { word, port } : undefined;
}

/** A fixed port inside a word, with the edit that puts `$PORT` in place of the number when the word is written plainly. */
function portIn(word: ShellWord, port: string, how: string, text: string): FixedPort {
  const raw = text.slice(word.span.start, word.span.end);
  const at = raw.lastIndexOf(port);
  const span = at >= 0 ? { start: word.span.start + at, end: word.span.start + at + port.length } : word.span;
  // Inside single quotes or next to escapes `$PORT` would not expand, or the offsets would not map.
  const editable = at >= 0 && !/['\\]/.test(raw) && raw.slice(at + port.length).replace(/"$/, '') === '';
  return { port, how, span, edit: editable ? { span, text: '$PORT' } : undefined };
}
