import { commandWords, finalCommand, hasAssignments, isExeced, isShellBuiltin, programName, trapsSignals } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { startupOf } from '../../parsing/dockerfile/startupCommands';

/** `["sh", "-c", "java -jar app.jar"]`: the exec form is undone by a shell that stays PID 1. */
export default defineRule<DockerfileModel>({
  id: 'disposability/shell-wrapper-without-exec',
  factor: 'disposability',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'An exec-form CMD or ENTRYPOINT that wraps its command in sh -c without exec-ing the final command.',
  rationale: 'Disposable processes shut down gracefully on SIGTERM; a wrapping shell that stays PID 1 never passes it on.',
  messages: {
    noExec: '"{{shell}} -c" stays the main process while "{{program}}" runs, so SIGTERM never reaches it; write "exec {{program}} …" as the final command.',
    noFinalCommand: 'The "{{shell}} -c" script has no single final command to exec (pipes, "||", "&" or compound commands), so the shell stays the main process and SIGTERM never reaches the app.',
  },
  fixable: true,
  check(model, ctx) {
    const script = startupOf(model)?.script;
    if (script?.origin !== 'wrapper' || script.script.commands.length === 0 || trapsSignals(script.script)) return;
    const shell = programName(script.shell);
    const final = finalCommand(script.script);
    if (!final) {
      ctx.report({ messageId: 'noFinalCommand', data: { shell }, at: script.span });
      return;
    }
    const program = commandWords(final)[0];
    if (isExeced(final) || !program) return;
    // `exec NAME=value cmd` would try to run a program called NAME=value; a builtin has nothing to exec.
    const at = final.words[0].span.start;
    const canFix = !hasAssignments(final) && !isShellBuiltin(program.value);
    ctx.report({
      messageId: 'noExec',
      data: { shell, program: program.value },
      at: final.span,
      fix: canFix ? { title: `Exec ${program.value} so that it replaces the shell`, edits: [{ span: { start: at, end: at }, text: script.encode('exec ') }] } : undefined,
    });
  },
});
