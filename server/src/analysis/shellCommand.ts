import type { Span } from '../parsing/sourceFile';
import { TextCache } from '../parsing/textCache';

/** A word of a shell command: its value with quotes removed, and where it stands in the file. */
export interface ShellWord {
  readonly value: string;
  readonly span: Readonly<Span>;
  /** True when any part of the word was quoted. */
  readonly quoted: boolean;
}

/** An output or input redirect of a simple command: `> file`, `2>> err.log`, `&> all.log`, `2>&1`. */
export interface Redirect {
  operator: '>' | '>>' | '<' | '<<' | '&>' | '&>>';
  /** The file descriptor written before the operator (`2>`), if any. */
  fd?: number;
  /** The file the stream goes to or comes from; undefined for a duplication (`2>&1`, `>&-`). */
  target?: ShellWord;
  /** For a duplication: the descriptor it copies (`1` in `2>&1`) or `-` (closed). */
  duplicate?: string;
  /** From the descriptor (or the operator) to the end of the target. */
  span: Span;
}

/** A simple command: the words between two control operators. */
export interface SimpleCommand {
  /** The words, redirect targets included (they are also listed in `redirects`). */
  readonly words: readonly ShellWord[];
  readonly span: Readonly<Span>;
  /** The command's redirects, in order. */
  redirects?: readonly Redirect[];
}

/** A control operator that joins two simple commands at the top level. */
export type Separator = '&&' | '||' | ';' | '|' | '&';

/** Shell features that a JSON exec-form array cannot express. */
export type ShellFeature =
  | 'control'
  | 'pipe'
  | 'redirect'
  | 'variable'
  | 'glob'
  | 'substitution'
  | 'subshell'
  | 'tilde'
  | 'comment'
  | 'heredoc'
  | 'compound'
  /** An unterminated quote or substitution, or an operator with no command on one side: the shell would reject it. */
  | 'syntax';

/** Reserved words that open or continue a compound command (`if …; then …; fi`) when they stand first. */
const RESERVED_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'function', '!', '[[']);

/** A shell script split at its top level: commands, the operators between them, and the features it uses. */
export interface ShellScript {
  readonly commands: readonly SimpleCommand[];
  /** `separators[i]` stands between `commands[i]` and `commands[i + 1]`. */
  readonly separators: readonly Separator[];
  readonly features: ReadonlySet<ShellFeature>;
}

/**
 * Splits a POSIX shell command line at the top level. This is deliberately a small lexer, not a
 * shell: it knows quoting, line continuations, control operators and redirects, and it records
 * everything else (variables, globs, substitutions, subshells) as features, so that callers can
 * refuse to rewrite a command they do not fully understand.
 *
 * @param text the command text as it stands in the file
 * @param base the file offset of `text[0]`, so that spans point into the file
 * @param escapeChar the line-continuation character (`\`, or a backtick under `# escape=`)
 */
export function parseShell(text: string, base = 0, escapeChar = '\\'): ShellScript {
  const key = escapeChar + text;
  const cached = parsedScripts.get(key);
  // The same text elsewhere in the file (an edit above it moved it): the parse moves with it.
  const script = cached ? (cached.base === base ? cached.script : shiftScript(cached.script, base - cached.base)) : freezeObjects(lexShell(text, base, escapeChar));
  if (cached?.script !== script) parsedScripts.set(key, { base, script });
  return script;
}

/**
 * The scripts parsed last, by escape character and text, with the offset they were placed at. Several
 * rules and the models read the same `RUN` line, and a keystroke leaves all but one instruction's
 * text as it was, so each text is parsed once. Scripts are frozen: callers share them.
 */
const parsedScripts = new TextCache<{ base: number; script: ShellScript }>(1024, 4_000_000);

/** A copy of a script with every span moved by `delta`. */
function shiftScript(script: ShellScript, delta: number): ShellScript {
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const words = new Map<ShellWord, ShellWord>();
  const word = (w: ShellWord): ShellWord => {
    let moved = words.get(w);
    if (!moved) words.set(w, (moved = { value: w.value, span: span(w.span), quoted: w.quoted }));
    return moved;
  };
  const commands = script.commands.map((c): SimpleCommand => {
    const command: SimpleCommand = { words: c.words.map(word), span: span(c.span) };
    if (c.redirects) {
      command.redirects = c.redirects.map((r) => {
        const redirect: Redirect = { operator: r.operator, span: span(r.span) };
        if (r.fd !== undefined) redirect.fd = r.fd;
        if (r.target) redirect.target = word(r.target);
        if (r.duplicate !== undefined) redirect.duplicate = r.duplicate;
        return redirect;
      });
    }
    return command;
  });
  return freezeObjects({ commands, separators: script.separators, features: script.features });
}

/**
 * Freezes a script's objects. Its arrays and feature set are typed read-only instead: Node's slice
 * and iteration over a frozen array are an order of magnitude slower, and the rules slice words a lot.
 */
function freezeObjects(script: ShellScript): ShellScript {
  for (const command of script.commands) {
    for (const word of command.words) Object.freeze(Object.freeze(word).span);
    for (const redirect of command.redirects ?? []) Object.freeze(Object.freeze(redirect).span);
    Object.freeze(Object.freeze(command).span);
  }
  return Object.freeze(script);
}

function lexShell(text: string, base: number, escapeChar: string): ShellScript {
  const script = { commands: [] as SimpleCommand[], separators: [] as Separator[], features: new Set<ShellFeature>() };
  let words: ShellWord[] = [];
  let redirects: Redirect[] = [];
  let word: { value: string; start: number; end: number; quoted: boolean } | undefined;
  /** A redirect whose target is the next word. */
  let awaiting: Redirect | undefined;
  let i = 0;

  const endWord = () => {
    if (word) {
      const done: ShellWord = { value: word.value, span: { start: base + word.start, end: base + word.end }, quoted: word.quoted };
      words.push(done);
      if (awaiting) {
        awaiting.target = done;
        awaiting.span = { start: awaiting.span.start, end: done.span.end };
        awaiting = undefined;
      }
    }
    word = undefined;
  };
  const append = (chars: string, start: number, end: number, quoted = false) => {
    if (!word) word = { value: '', start, end, quoted: false };
    word.value += chars;
    word.end = end;
    word.quoted ||= quoted;
  };
  const endCommand = (separator?: Separator) => {
    endWord();
    if (words.length > 0 && !words[0].quoted && RESERVED_WORDS.has(words[0].value)) script.features.add('compound');
    awaiting = undefined;
    if (words.length > 0) {
      const command: SimpleCommand = { words, span: { start: words[0].span.start, end: words[words.length - 1].span.end } };
      if (redirects.length > 0) command.redirects = redirects;
      script.commands.push(command);
      if (separator) script.separators.push(separator);
    } else if (separator && separator !== ';') {
      script.features.add('control');
      script.features.add('syntax');
    }
    words = [];
    redirects = [];
  };

  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === escapeChar && (next === '\n' || (next === '\r' && text[i + 2] === '\n'))) {
      i = skipContinuation(text, i + (next === '\r' ? 3 : 2));
      endWord();
      continue;
    }
    if (ch === '\\' && next !== undefined) {
      append(next, i, i + 2, true);
      i += 2;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endCommand(';');
      i++;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) script.features.add('syntax');
      const end = close < 0 ? text.length : close;
      append(text.slice(i + 1, end), i, end + 1, true);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      const { value, end } = readDoubleQuoted(text, i, script.features);
      append(value, i, end, true);
      i = end;
      continue;
    }
    const operator = readOperator(text, i);
    if (operator) {
      if (isRedirectOperator(operator)) {
        script.features.add(operator === '<<' ? 'heredoc' : 'redirect');
        // A redirect's file descriptor prefix (2>) belongs to the redirect, not to the command's words.
        let fd: number | undefined;
        let start = i;
        if (word && /^\d$/.test(word.value) && word.end === i && !word.quoted) {
          fd = Number(word.value);
          start = word.start;
          word = undefined;
        }
        endWord();
        const redirect: Redirect = { operator, span: { start: base + start, end: base + i + operator.length } };
        if (fd !== undefined) redirect.fd = fd;
        redirects.push(redirect);
        i += operator.length;
        // `2>&1`, `>&-`: a duplicated descriptor is not a word either.
        if (text[i] === '&' && (operator === '>' || operator === '<')) {
          const from = ++i;
          while (/[\d-]/.test(text[i] ?? '')) i++;
          redirect.duplicate = text.slice(from, i);
          redirect.span = { start: redirect.span.start, end: base + i };
        } else awaiting = redirect;
        continue;
      }
      script.features.add(operator === '|' ? 'pipe' : 'control');
      endCommand(operator);
      i += operator.length;
      continue;
    }
    if (ch === '#' && !word) {
      script.features.add('comment');
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ((ch === '$' && (next === '{' || next === '(')) || ch === '`') {
      // `${VAR:-x}`, `$(cmd arg)` and backticks are one piece of a word, spaces inside included.
      const end = ch === '`' ? closingBacktick(text, i) : closingBracket(text, i + 1);
      if (end === text.length && text[end - 1] !== (ch === '`' ? '`' : next === '{' ? '}' : ')')) script.features.add('syntax');
      script.features.add(next === '{' ? 'variable' : 'substitution');
      append(text.slice(i, end), i, end);
      i = end;
      continue;
    }
    if (ch === '$') script.features.add('variable');
    else if (ch === '(' || ch === ')' || ch === '{' || ch === '}') script.features.add('subshell');
    else if (ch === '*' || ch === '?' || ch === '[') script.features.add('glob');
    else if (ch === '~' && !word) script.features.add('tilde');
    append(ch, i, i + 1);
    i++;
  }
  endCommand();
  const last = script.separators[script.commands.length - 1];
  if (last === '&&' || last === '||' || last === '|') script.features.add('syntax');
  return script;
}

function skipContinuation(text: string, i: number): number {
  // Docker drops comment lines inside a continued instruction.
  for (;;) {
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '#') return i;
    while (j < text.length && text[j] !== '\n') j++;
    i = j + 1;
  }
}

/** The index after the bracket that closes the one at `open` (`{…}` or `(…)`), skipping quotes. */
function closingBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === "'") i = text.indexOf("'", i + 1) < 0 ? text.length : text.indexOf("'", i + 1);
    else if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return text.length;
}

function closingBacktick(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') return i + 1;
  }
  return text.length;
}

function readDoubleQuoted(text: string, open: number, features: Set<ShellFeature>): { value: string; end: number } {
  let value = '';
  let i = open + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (text[i] === '$') features.add(text[i + 1] === '(' ? 'substitution' : 'variable');
    if (text[i] === '`') features.add('substitution');
    value += text[i];
    i++;
  }
  if (i >= text.length) features.add('syntax');
  return { value, end: Math.min(i + 1, text.length) };
}

const OPERATORS = ['&&', '||', '&>>', '&>', '>>', '<<', ';', '|', '&', '>', '<'] as const;

function isRedirectOperator(operator: (typeof OPERATORS)[number]): operator is Redirect['operator'] {
  return operator !== '&&' && operator !== '||' && operator !== ';' && operator !== '|' && operator !== '&';
}

function readOperator(text: string, i: number): (typeof OPERATORS)[number] | undefined {
  const ch = text[i];
  if (ch !== '&' && ch !== '|' && ch !== ';' && ch !== '>' && ch !== '<') return undefined;
  return OPERATORS.find((op) => text.startsWith(op, i));
}

/** True when the script is one simple command with nothing a JSON exec-form array would lose. */
export function isPlainCommand(script: ShellScript): boolean {
  return script.commands.length === 1 && script.features.size === 0;
}

/**
 * The command that ends up running as the long-lived process: the last one, when every operator
 * before it is `&&` or `;`. Undefined when pipes, `||` or background jobs make that unclear.
 */
export function finalCommand(script: ShellScript): SimpleCommand | undefined {
  if (script.commands.length === 0) return undefined;
  if (script.separators.some((s) => s !== '&&' && s !== ';')) return undefined;
  // `control` is not checked here: every `&&` and `;` sets it, and the separators say which operators were used.
  if (['subshell', 'heredoc', 'compound', 'syntax'].some((f) => script.features.has(f as ShellFeature))) return undefined;
  return script.commands[script.commands.length - 1];
}

/** The words of a command after leading `VAR=value` assignments, `env …` and `exec`. */
export function commandWords(command: SimpleCommand): ShellWord[] {
  let i = 0;
  const words = command.words;
  for (;;) {
    if (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value) && !words[i].quoted) i++;
    else if (i < words.length && (words[i].value === 'exec' || words[i].value === 'env')) i++;
    else break;
  }
  return words.slice(i);
}

/** The argument vector of a command after leading `VAR=value` assignments, `env …` and `exec`: `commandWords` as strings. */
export function commandArgv(command: SimpleCommand): string[] {
  return commandWords(command).map((w) => w.value);
}

/** A command as written in the file, on one line and shortened to about 60 characters, for messages. */
export function writtenCommand(text: string, span: Span): string {
  const written = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return written.length > 60 ? `${written.slice(0, 57)}…` : written;
}

/** True when a command starts with `exec` (after any variable assignments). */
export function isExeced(command: SimpleCommand): boolean {
  const first = command.words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
  return first?.value === 'exec';
}

/**
 * Builtins and keywords that cannot be the program of `exec` or of a JSON exec-form array: there
 * is no file to run (`exec cd` fails), or the result would differ (`time`, `wait`).
 */
const BUILTINS = new Set([
  'cd', '.', 'source', 'export', 'set', 'unset', 'ulimit', 'umask', 'trap', 'eval', 'exit', 'return', 'shift', 'wait',
  'read', 'alias', 'readonly', 'local', 'declare', 'typeset', 'exec', 'command', 'builtin', ':', 'times', 'getopts',
  'hash', 'type', 'jobs', 'fg', 'bg', 'time', 'let', 'shopt', 'pushd', 'popd',
]);

/** True when a program word is a shell builtin or keyword, which has no executable to run. */
export function isShellBuiltin(word: string): boolean {
  return BUILTINS.has(word) || RESERVED_WORDS.has(word);
}

/** True when some command of the script sets a `trap`: the script handles signals on purpose. */
export function trapsSignals(script: ShellScript): boolean {
  return script.commands.some((c) => commandWords(c)[0]?.value === 'trap');
}

/** True when a command starts with `NAME=value` assignments, which `exec` or a JSON array cannot take as they stand. */
export function hasAssignments(command: SimpleCommand): boolean {
  const first = command.words[0];
  return first !== undefined && !first.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.value);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The program's base name: `/usr/local/bin/node` → `node`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Recognises `sh -c "<script>"` style wrappers in an argument vector and returns the index of the
 * script argument, or -1. Flags may be combined (`-ec`, `-xc`) or separate (`-e -c`), and `-o
 * pipefail` style options take the next argument (as in `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`).
 */
export function shellWrapperScriptIndex(argv: readonly string[]): number {
  if (argv.length < 3 || !SHELLS.has(programName(argv[0]))) return -1;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-o' || arg === '+o') i++;
    else if (/^-[a-z]*c[a-z]*$/.test(arg)) return i + 1 < argv.length ? i + 1 : -1;
    else if (!/^[-+]/.test(arg)) return -1;
  }
  return -1;
}

/**
 * The words from the first one that is neither an option nor an option's value: `npm --prefix /app
 * install` → `install …`, `sudo -u app bash` → `bash`. Options listed in `valueFlags` take the next word.
 */
export function skipOptions(words: readonly ShellWord[], valueFlags: ReadonlySet<string>): ShellWord[] {
  let i = 0;
  while (i < words.length && words[i].value.startsWith('-')) i += valueFlags.has(words[i].value) ? 2 : 1;
  return words.slice(i);
}

/**
 * The script of a `sh -c "<script>"` command, parsed with spans that point into the file, or
 * undefined when the command is no such wrapper, or when its script is written with escapes (its
 * offsets would not map one to one).
 *
 * @param text the file text the command's spans point into
 */
export function wrappedScript(command: SimpleCommand, text: string): ShellScript | undefined {
  const words = commandWords(command);
  const index = shellWrapperScriptIndex(words.map((w) => w.value));
  if (index < 0) return undefined;
  const word = words[index];
  const raw = text.slice(word.span.start, word.span.end);
  const quote = raw[0];
  if (raw === word.value && !word.quoted) return parseShell(word.value, word.span.start);
  if ((quote === "'" || quote === '"') && raw.length >= 2 && raw.endsWith(quote) && raw.slice(1, -1) === word.value) {
    return parseShell(word.value, word.span.start + 1);
  }
  return undefined;
}

/** Every simple command a script runs, with the scripts of `sh -c` wrappers in place of the wrappers. */
export function expandWrappers(script: ShellScript, text: string, depth = 0): SimpleCommand[] {
  return script.commands.flatMap((command) => {
    const inner = depth < 3 ? wrappedScript(command, text) : undefined;
    return inner ? expandWrappers(inner, text, depth + 1) : [command];
  });
}
