import {
  commandWords,
  finalCommand,
  hasAssignments,
  isExeced,
  isPlainCommand,
  isShellBuiltin,
  shellWrapperScriptIndex,
  trapsSignals,
} from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { Fix } from '../../engine/types';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { skipLaunchers, startupOf, type StartupScript } from '../../parsing/dockerfile/startupCommands';

/** A shell-form CMD or ENTRYPOINT in the final image: the shell is PID 1 and SIGTERM stops there. */
export default defineRule<DockerfileModel>({
  id: 'disposability/exec-form-entrypoint',
  factor: 'disposability',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'CMD or ENTRYPOINT in shell form, so that a shell, not the app, receives SIGTERM.',
  rationale: 'Disposable processes shut down gracefully on SIGTERM; a shell between Docker and the app swallows it.',
  messages: {
    shellForm: '{{keyword}} in shell form runs under "{{shell}} -c", so the shell is PID 1 and SIGTERM never reaches the app; use the JSON exec form or exec the final command.',
    shellFormArgs: 'CMD in shell form is passed to the ENTRYPOINT as "{{shell}} -c …", so a shell sits between it and the app and SIGTERM never reaches the app; use the JSON exec form.',
  },
  fixable: true,
  check(model, ctx) {
    const startup = startupOf(model);
    const shellForm = startup?.shellForm;
    if (!startup || !shellForm) return;
    const { script } = shellForm;
    const final = finalCommand(script);
    if (script.commands.length === 0 || (final && isExeced(final)) || trapsSignals(script)) return;
    const keyword = shellForm.instruction.keyword;
    const entrypoint = startup.argv.filter((a) => a.instruction !== shellForm.instruction).map((a) => a.value);
    const behindEntrypoint = keyword === 'CMD' && entrypoint.length > 0;
    // Behind an ENTRYPOINT that is not a pass-through launcher, the CMD is arguments, so `exec` would not help;
    // behind `ENTRYPOINT ["sh", "-c"]` the CMD must stay one string, so a JSON array of words would break it.
    const canExec = !behindEntrypoint || startup.script === shellForm;
    const rest = entrypoint.slice(skipLaunchers(entrypoint));
    const canSplit = shellWrapperScriptIndex([...rest, 'script']) !== rest.length;
    ctx.report({
      messageId: behindEntrypoint ? 'shellFormArgs' : 'shellForm',
      data: behindEntrypoint ? { shell: shellForm.shell } : { keyword, shell: shellForm.shell },
      at: shellForm.span,
      fix: (canSplit ? jsonFix(shellForm, keyword) : undefined) ?? (canExec ? execFix(shellForm) : undefined),
    });
  },
});

/** `CMD node server.js` → `CMD ["node", "server.js"]`, only for one command with no shell features at all. */
function jsonFix(shellForm: StartupScript, keyword: string): Fix | undefined {
  const { script } = shellForm;
  const command = script.commands[0];
  if (!isPlainCommand(script) || hasAssignments(command) || isShellBuiltin(command.words[0].value)) return undefined;
  const text = `[${command.words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  return { title: `Rewrite ${keyword} in JSON exec form`, edits: [{ span: shellForm.span, text }] };
}

/** `cd /app && node server.js` → `cd /app && exec node server.js`, when the final command is clear and can be exec'd. */
function execFix(shellForm: StartupScript): Fix | undefined {
  const final = finalCommand(shellForm.script);
  const program = final && commandWords(final)[0];
  // `--port=$PORT` is meant as arguments to an ENTRYPOINT (perhaps the base image's): exec cannot run it.
  if (!final || !program || hasAssignments(final) || isShellBuiltin(program.value) || program.value.startsWith('-')) return undefined;
  const at = final.words[0].span.start;
  return { title: `Exec the final command (${program.value}) so that it replaces the shell`, edits: [{ span: { start: at, end: at }, text: 'exec ' }] };
}
