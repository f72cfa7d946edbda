import { commandWords, parseShell, programName, skipOptions, type ShellWord, type SimpleCommand } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';

// Interpreters that run a program read from stdin, with the options that make them run inline code
// or a module instead (`python3 -c "import json…"` only parses the download as data).
const SHELLS = ['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh'];
const INTERPRETERS = new Map<string, RegExp>([
  ...SHELLS.map((shell): [string, RegExp] => [shell, /c/]),
  ['python', /[cm]/], ['perl', /[eEnp]/], ['ruby', /e/], ['node', /[ep]/], ['php', /r/],
]);
const SUDO_VALUE_FLAGS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']);

/** `curl … | sh` and `sh -c "$(curl …)"`: the build runs a script it has not pinned or checked. */
export default defineRule<DockerfileModel>({
  id: 'dependencies/remote-script-pipe',
  factor: 'dependencies',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'RUN that pipes a downloaded script into a shell or interpreter.',
  rationale: 'Dependencies are declared and isolated; a script fetched at build time is neither pinned nor verified.',
  messages: {
    remoteScript: 'RUN runs a script downloaded by {{downloader}} with {{shell}}, so each build executes whatever the server returns; download a pinned version, verify its checksum, then run it.',
  },
  fixable: false,
  check(model, ctx) {
    for (const run of model.instructions) {
      if (run.keyword !== 'RUN' || run.command?.form !== 'shell') continue;
      const script = parseShell(run.command.text, run.command.span.start, model.escapeChar);
      script.commands.forEach((command, i) => {
        const downloader = downloaderName(stripSudo(commandWords(command)));
        if (downloader) {
          // Follow the pipeline (`curl … | gunzip | sh`) to the first stage that runs its input.
          for (let j = i + 1; j < script.commands.length && script.separators[j - 1] === '|'; j++) {
            const shell = stdinInterpreter(script.commands[j]);
            if (!shell) continue;
            ctx.report({ messageId: 'remoteScript', data: { downloader, shell }, at: { start: command.span.start, end: script.commands[j].span.end } });
            break;
          }
          return;
        }
        const substituted = substitutedScript(command);
        if (substituted) ctx.report({ messageId: 'remoteScript', data: substituted.data, at: substituted.at });
      });
    }
  },
});

/** `curl` (writing to stdout) or `wget -O-`; undefined for anything that downloads to a file. */
function downloaderName(words: ShellWord[]): string | undefined {
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
function stdinInterpreter(command: SimpleCommand): string | undefined {
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

/** `bash -c "$(curl …)"`: a shell whose inline script is a download substituted in. */
function substitutedScript(command: SimpleCommand): { data: Record<string, string>; at: { start: number; end: number } } | undefined {
  const words = stripSudo(commandWords(command));
  const shell = programName(words[0]?.value ?? '');
  if (!SHELLS.includes(shell)) return undefined;
  const flag = words.findIndex((w, k) => k > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value));
  const script = flag > 0 ? words[flag + 1] : undefined;
  const inner = script && /^\s*(?:\$\(([^)]*)\)|`([^`]*)`)\s*$/.exec(script.value);
  if (!script || !inner) return undefined;
  const downloader = downloaderName(parseShell(inner[1] ?? inner[2]).commands[0]?.words ?? []);
  if (!downloader) return undefined;
  return { data: { downloader, shell }, at: { start: words[0].span.start, end: script.span.end } };
}

/** The words after `sudo` and its options. */
function stripSudo(words: ShellWord[]): ShellWord[] {
  return programName(words[0]?.value ?? '') === 'sudo' ? skipOptions(words.slice(1), SUDO_VALUE_FLAGS) : words;
}
