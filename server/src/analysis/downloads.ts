import { commandWords, programName, skipOptions, type ShellWord, type SimpleCommand } from './shellCommand';

// Interpreters that run a program read from stdin, with the options that make them run inline code
// or a module instead (`python3 -c "import json…"` only parses the download as data).
const SHELLS = ['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh'];
const INTERPRETERS = new Map<string, RegExp>([
  ...SHELLS.map((shell): [string, RegExp] => [shell, /c/]),
  ['python', /[cm]/], ['perl', /[eEnp]/], ['ruby', /e/], ['node', /[ep]/], ['php', /r/],
]);
const SUDO_VALUE_FLAGS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']);

/** True when a program name is a POSIX-family shell (`sh`, `bash`, `zsh`…). */
export function isShellProgram(name: string): boolean {
  return SHELLS.includes(name);
}

/** `curl` (writing to stdout) or `wget -O-`; undefined for anything that downloads to a file. */
export function stdoutDownloader(words: readonly ShellWord[]): string | undefined {
  const program = programName(words[0]?.value ?? '');
  const args = words.slice(1).map((w) => w.value);
  if (program === 'curl') return args.some((a) => /^(-[a-zA-Z]*[oO][a-zA-Z]*|--output|--remote-name(-all)?)(=|$)/.test(a)) ? undefined : 'curl';
  if (program === 'wget') {
    const toStdout = args.some((a, k) => /^(-[a-zA-Z]*O-|--output-document=-)$/.test(a) || (/^-[a-zA-Z]*O$|^--output-document$/.test(a) && args[k + 1] === '-'));
    return toStdout ? 'wget' : undefined;
  }
  return undefined;
}

/** The interpreter a pipeline stage runs, when it reads its program from stdin (`sh`, `bash -s --`, `sudo -E bash -`). */
export function stdinInterpreter(command: SimpleCommand): string | undefined {
  const words = stripSudo(commandWords(command));
  const name = programName(words[0]?.value ?? '');
  const family = /^python[\d.]*$/.test(name) ? 'python' : name;
  const inline = INTERPRETERS.get(family);
  if (!inline) return undefined;
  for (const { value } of words.slice(1)) {
    if (value === '-' || value === '--') break;
    if (!value.startsWith('-')) return undefined; // a script file: stdin is its data
    if (/^-[a-zA-Z]+$/.test(value) && inline.test(value.slice(1))) return undefined;
    if (/^--(eval|print|command)/.test(value)) return undefined;
  }
  return name;
}

/** The words after `sudo` and its options. */
export function stripSudo(words: ShellWord[]): ShellWord[] {
  return programName(words[0]?.value ?? '') === 'sudo' ? skipOptions(words.slice(1), SUDO_VALUE_FLAGS) : words;
}
