import { extraProcesses, isCronStart, runsMainProcess } from '../../analysis/processStarts';
import { commandArgv, writtenCommand, expandWrappers, parseShell, programName, type ShellScript, type SimpleCommand } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import { containerCommands } from '../../parsing/deployment/containerCommand';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { runtimeStages, type DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf } from '../../parsing/dockerfile/startupCommands';
import type { Span } from '../../parsing/sourceFile';

/** Where crontabs live: cron reads every file there. */
const CRONTAB_PATHS = /^\/(etc\/(crontab|cron\.d|cron\.(hourly|daily|weekly|monthly)|crontabs)|var\/spool\/cron)(\/|$)/;

/** A cron daemon, or a crontab, in a container that also runs the app. */
export default defineRule<DockerfileModel | DeploymentModel>({
  id: 'admin-processes/cron-in-container',
  factor: 'admin-processes',
  kinds: ['dockerfile', 'kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'A cron daemon started beside the app in one container, or a crontab installed into an image that runs the app.',
  rationale: 'Scheduled admin work runs as one-off processes of the release (a CronJob, a scheduler process type); cron inside every replica runs each job once per replica, unseen by the platform.',
  messages: {
    cronBesideApp: '`{{command}}` starts cron beside the {{what}}: every replica runs every job, and the platform neither sees nor retries them; run each job as a one-off process on a schedule (a Kubernetes CronJob, a scheduler process type).',
    crontabInImage: 'A crontab is installed into an image that runs {{main}}: its jobs would run in every replica; run each job as a one-off process on a schedule (a Kubernetes CronJob, a scheduler process type) with the same image.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    if ('stages' in model) checkDockerfile(model, ctx);
    else checkDeployment(model, ctx);
  },
});

/** The cron starts of a script that also runs something long-running besides cron. */
function cronBesideApp(script: ShellScript, commands: readonly SimpleCommand[], text: string): SimpleCommand[] {
  const crons = commands.filter((c) => isCronStart(commandArgv(c)));
  if (crons.length === 0) return [];
  const others = extraProcesses(script, text).length + (runsMainProcess(script) ? 1 : 0);
  return others > 0 ? crons : [];
}


function checkDockerfile(model: DockerfileModel, ctx: RuleContext<Record<string, never>>): void {
  const startup = isDevDockerfile(ctx.file.path) ? undefined : startupOf(model);
  if (!startup) return;
  const text = ctx.file.text;
  const script = startup.script?.script;
  const crons = script ? cronBesideApp(script, expandWrappers(script, text), text) : [];
  for (const cron of crons) ctx.report({ messageId: 'cronBesideApp', data: { command: writtenCommand(text, cron.span), what: 'main process' }, at: cron.span });
  // A crontab installed while the image starts something else: cron runs beside it from a script, or never.
  const main = startup.main && commandArgv(startup.main);
  if (crons.length > 0 || !main || main.length === 0 || isCronStart(main) || (script && !runsMainProcess(script))) return;
  const install = crontabInstall(model);
  if (install) ctx.report({ messageId: 'crontabInImage', data: { main: programName(main[0]) }, at: install });
}

/** Where the final image gets a crontab: `crontab <file>`, a COPY or a redirect into /etc/cron.d and the like. */
function crontabInstall(model: DockerfileModel): Span | undefined {
  for (const instruction of runtimeStages(model).flatMap((s) => s.instructions)) {
    if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.destination && CRONTAB_PATHS.test(instruction.destination.value)) return instruction.span;
    if (instruction.keyword !== 'RUN' || instruction.command?.form !== 'shell') continue;
    for (const command of parseShell(instruction.command.text, instruction.command.span.start, model.escapeChar).commands) {
      const argv = commandArgv(command);
      if (programName(argv[0] ?? '') === 'crontab' && argv.length > 1 && !argv.slice(1).some((w) => /^-[lerR]$/.test(w))) return command.span;
      const into = (command.redirects ?? []).find((r) => r.target && CRONTAB_PATHS.test(r.target.value) && r.operator !== '<');
      if (into) return command.span;
      if (programName(argv[0] ?? '') === 'tee' && argv.some((w) => CRONTAB_PATHS.test(w))) return command.span;
    }
  }
  return undefined;
}

function checkDeployment(model: DeploymentModel, ctx: RuleContext<Record<string, never>>): void {
  const text = ctx.file.text;
  for (const workload of model.workloads) {
    if (workload.runsToCompletion) continue;
    for (const container of workload.containers) {
      const run = container.init ? undefined : containerCommands(container, workload.platform, text);
      if (!run?.script) continue;
      const what = workload.platform === 'compose' ? `server of service ${displayName(workload.name)}` : `server of container ${displayName(container.name)}`;
      for (const cron of cronBesideApp(run.script, run.commands, text)) {
        ctx.report({ messageId: 'cronBesideApp', data: { command: run.exact ? writtenCommand(text, cron.span) : commandArgv(cron).join(' '), what }, at: run.exact ? cron.span : run.span });
      }
    }
  }
}
