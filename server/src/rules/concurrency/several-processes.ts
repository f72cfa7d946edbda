import { describeExtra, extraProcesses, processManager, runsMainProcess, type ExtraProcess } from '../../analysis/processStarts';
import { commandArgv, writtenCommand, parseShell, programName, type ShellScript } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import { containerCommands } from '../../parsing/deployment/containerCommand';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { copiedFrom } from '../../parsing/dockerfile/copiedFiles';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf } from '../../parsing/dockerfile/startupCommands';

/** Several long-running processes in one container: daemons or background jobs beside the main process, or a process manager. */
export default defineRule<DockerfileModel | DeploymentModel>({
  id: 'concurrency/several-processes',
  factor: 'concurrency',
  kinds: ['dockerfile', 'kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'A container that runs several long-running processes: services or daemons started before the main command, background jobs, or a process manager such as supervisord.',
  rationale: 'The process formation scales each process type on its own, one process per container; processes hidden in one container cannot be scaled, restarted or observed apart.',
  messages: {
    extraProcess: '`{{command}}` {{how}} beside the main process of the {{where}}; run each process type in a container of its own, so that each scales, restarts and logs on its own.',
    extraProcessInScript: '{{script}}, run at start, {{how}} (`{{command}}`) beside the main process; run each process type in a container of its own, so that each scales, restarts and logs on its own.',
    processManager: '{{manager}} runs several programs in one container; run each as a container (or process type) of its own and let the platform supervise them.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    if ('stages' in model) checkDockerfile(model, ctx);
    else checkDeployment(model, ctx);
  },
});


/** The extra processes of a script when, with its main process, they make two or more. */
function secondProcesses(script: ShellScript, text: string): ExtraProcess[] {
  const extras = extraProcesses(script, text);
  return extras.length + (runsMainProcess(script) ? 1 : 0) >= 2 ? extras : [];
}

function checkDockerfile(model: DockerfileModel, ctx: RuleContext<Record<string, never>>): void {
  if (isDevDockerfile(ctx.file.path)) return;
  const startup = startupOf(model);
  if (!startup) return;
  const text = ctx.file.text;
  if (startup.script) {
    for (const extra of secondProcesses(startup.script.script, text)) {
      ctx.report({ messageId: 'extraProcess', data: { command: writtenCommand(text, extra.command.span), how: describeExtra(extra), where: 'container' }, at: extra.command.span });
    }
  }
  const main = startup.main;
  const manager = main && processManager(commandArgv(main));
  if (main && manager && !(manager === 'supervisord' && supervisesOneProgram(model, ctx))) {
    ctx.report({ messageId: 'processManager', data: { manager }, at: main.span });
  }
  // A script of the workspace that the container runs: the entrypoint, or the main program.
  const words = [...startup.argv.flatMap((a) => (a.decoded ? [{ value: a.value, span: a.decoded.span }] : [])), ...startup.commands.flatMap((c) => c.words)];
  const scripts = words.filter((w, i) => /^[\w./-]+\.(sh|bash)$/.test(w.value) && words.findIndex((o) => o.span.start === w.span.start) === i);
  for (const word of scripts) {
    const source = copiedFrom(model, word.value).map((p) => ctx.workspace.readText(p)).find((t) => t !== undefined);
    if (source === undefined) continue;
    for (const extra of secondProcesses(parseShell(source), source)) {
      const data = { script: programName(word.value), how: describeExtra(extra), command: writtenCommand(source, extra.command.span) };
      ctx.report({ messageId: 'extraProcessInScript', data, at: word.span });
    }
  }
}

/** True when the supervisord configuration copied into the image is in the workspace and names one program at most. */
function supervisesOneProgram(model: DockerfileModel, ctx: RuleContext<Record<string, never>>): boolean {
  const copies = model.instructions.filter((i) => i.sources && /supervisor/i.test(ctx.file.slice(i.span)));
  const texts = copies.flatMap((c) => (c.sources ?? []).flatMap((s) => copiedFrom(model, s.value).slice(0, 1))).map((p) => ctx.workspace.readText(p));
  const read = texts.filter((t): t is string => t !== undefined);
  return read.length > 0 && read.reduce((n, t) => n + (t.match(/^\s*\[program:/gm)?.length ?? 0), 0) <= 1;
}

function checkDeployment(model: DeploymentModel, ctx: RuleContext<Record<string, never>>): void {
  const text = ctx.file.text;
  for (const workload of model.workloads) {
    if (workload.runsToCompletion) continue;
    for (const container of workload.containers) {
      const run = container.init ? undefined : containerCommands(container, workload.platform, text);
      if (!run) continue;
      const where = workload.platform === 'compose' ? `service ${displayName(workload.name)}` : `container ${displayName(container.name)} of ${workload.kind} ${displayName(workload.name)}`;
      const manager = processManager(run.commands.length === 1 ? commandArgv(run.commands[0]) : []);
      if (manager) ctx.report({ messageId: 'processManager', data: { manager }, at: run.span });
      if (!run.script) continue;
      for (const extra of secondProcesses(run.script, text)) {
        const command = run.exact ? writtenCommand(text, extra.command.span) : commandArgv(extra.command).join(' ');
        ctx.report({ messageId: 'extraProcess', data: { command, how: describeExtra(extra), where }, at: run.exact ? extra.command.span : run.span });
      }
    }
  }
}
