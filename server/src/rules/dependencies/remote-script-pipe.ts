import { isShellProgram, stdinInterpreter, stdoutDownloader, stripSudo } from '../../analysis/downloads';
import { commandWords, parseShell, programName, type SimpleCommand } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';

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
        const downloader = stdoutDownloader(stripSudo(commandWords(command)));
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

/** `bash -c "$(curl …)"`: a shell whose inline script is a download substituted in. */
function substitutedScript(command: SimpleCommand): { data: Record<string, string>; at: { start: number; end: number } } | undefined {
  const words = stripSudo(commandWords(command));
  const shell = programName(words[0]?.value ?? '');
  if (!isShellProgram(shell)) return undefined;
  const flag = words.findIndex((w, k) => k > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value));
  const script = flag > 0 ? words[flag + 1] : undefined;
  const inner = script && /^\s*(?:\$\(([^)]*)\)|`([^`]*)`)\s*$/.exec(script.value);
  if (!script || !inner) return undefined;
  const downloader = stdoutDownloader(parseShell(inner[1] ?? inner[2]).commands[0]?.words ?? []);
  if (!downloader) return undefined;
  return { data: { downloader, shell }, at: { start: words[0].span.start, end: script.span.end } };
}
