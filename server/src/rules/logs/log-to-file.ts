import { isLogPath, logFilesOf, type LogFile } from '../../analysis/logDestinations';
import { commandArgv, expandWrappers, programName, type SimpleCommand } from '../../analysis/shellCommand';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { logFiles } from '../../parsing/code/logFiles';
import { containerCommands } from '../../parsing/deployment/containerCommand';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf } from '../../parsing/dockerfile/startupCommands';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

interface Options {
  testFiles: string[];
}

type Model = ProcfileModel | CodeModel | DockerfileModel | DeploymentModel;

/**
 * Logs written to a file instead of the output stream, where they are decided: a process's start
 * command (a Procfile line, a Dockerfile CMD or ENTRYPOINT, a Kubernetes or compose command: a
 * redirect, `tee`, a server's log-file option) and the app's code (a file transport or handler).
 */
export default defineRule<Model, Options>({
  id: 'logs/log-to-file',
  factor: 'logs',
  kinds: ['procfile', 'code', 'dockerfile', 'kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'Output or logs written to a file instead of stdout/stderr: a redirect or log-file option in a Procfile, Dockerfile CMD/ENTRYPOINT or container command, or a file transport or handler in code.',
  rationale: 'A twelve-factor app writes its logs as an event stream to stdout; the platform collects and routes them, and a file on an ephemeral instance is lost.',
  messages: {
    processLogFile: 'The {{process}} process writes its output to {{path}} ({{how}}); write to stdout/stderr and let the platform collect the stream.',
    containerLogFile: 'The {{where}} writes its output to {{path}} ({{how}}); write to stdout/stderr, which the container runtime collects, and keep no log in the container.',
    codeLogFile: '{{what}} writes the log to a file; write it to stdout (or stderr) and let the platform route and keep it.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    if ('processes' in model) checkProcfile(model, ctx);
    else if ('stages' in model) checkDockerfile(model, ctx);
    else if ('workloads' in model) checkDeployment(model, ctx);
    else checkCode(model, ctx);
  },
});

function checkProcfile(model: ProcfileModel, ctx: RuleContext<Options>): void {
  if (model.devOnly) return;
  for (const process of model.processes) {
    for (const command of process.commands) {
      for (const file of logFilesOf(command)) {
        ctx.report({ messageId: 'processLogFile', data: { process: process.name.value, path: file.path, how: file.how }, at: file.span });
      }
    }
  }
}

/** Programs a container script uses to write data files (`echo 1 > /proc/sys/…`, `envsubst < t > nginx.conf`). */
const DATA_WRITERS = new Set(['echo', 'printf', 'cat', 'envsubst', 'sed', 'awk', 'date', 'tr', 'base64', 'jq', 'yq', 'sort', 'head', 'tail', 'grep']);

/**
 * A container script also writes config and data files with redirects, which are no logs. A redirect
 * (or `tee`) counts when its target names a log (`/var/log/…`, `*.log`), or when it takes the output of
 * the script's last command, the long-running one, unless that command only writes data. Log-file
 * options always count.
 */
function isContainerLog(file: LogFile, command: SimpleCommand, main: SimpleCommand | undefined): boolean {
  if (file.via === 'option' || isLogPath(file.path)) return true;
  return command === main && !DATA_WRITERS.has(programName(commandArgv(command)[0] ?? ''));
}

function reportCommands(commands: readonly SimpleCommand[], main: SimpleCommand | undefined, where: string, ctx: RuleContext<Options>, at?: (span: SimpleCommand['span']) => SimpleCommand['span']): void {
  for (const command of commands) {
    for (const file of logFilesOf(command).filter((f) => isContainerLog(f, command, main))) ctx.report({ messageId: 'containerLogFile', data: { where, path: file.path, how: file.how }, at: at ? at(file.span) : file.span });
  }
}

function checkDockerfile(model: DockerfileModel, ctx: RuleContext<Options>): void {
  const startup = isDevDockerfile(ctx.file.path) ? undefined : startupOf(model);
  if (!startup) return;
  const script = startup.script;
  const commands = script ? expandWrappers(script.script, ctx.file.text) : startup.main ? [startup.main] : [];
  reportCommands(commands, commands[commands.length - 1], `${(script ?? startup.main?.args?.[0])?.instruction.keyword ?? 'CMD'}`, ctx);
}

function checkDeployment(model: DeploymentModel, ctx: RuleContext<Options>): void {
  for (const workload of model.workloads) {
    for (const container of workload.containers) {
      const run = container.init ? undefined : containerCommands(container, workload.platform, ctx.file.text);
      if (!run) continue;
      const where = workload.platform === 'compose' ? `command of service ${displayName(workload.name)}` : `command of container ${displayName(container.name)} of ${workload.kind} ${displayName(workload.name)}`;
      reportCommands(run.commands, run.commands[run.commands.length - 1], where, ctx, run.exact ? undefined : () => run.span);
    }
  }
}

function checkCode(model: CodeModel, ctx: RuleContext<Options>): void {
  if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
  for (const found of logFiles(model)) ctx.report({ messageId: 'codeLogFile', data: { what: found.what }, at: nodeSpan(found.node) });
}
