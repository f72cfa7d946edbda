import { buildCommand, compileAndRunCommand } from '../../analysis/commandKinds';
import { commandArgv, commandWords } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf } from '../../parsing/dockerfile/startupCommands';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

/** A CMD, ENTRYPOINT or Procfile process that installs dependencies or builds the app when it starts. */
export default defineRule<DockerfileModel | ProcfileModel>({
  id: 'build-release-run/build-at-runtime',
  factor: 'build-release-run',
  kinds: ['dockerfile', 'procfile'],
  defaultSeverity: 'warning',
  description: 'A CMD, ENTRYPOINT or Procfile process that installs dependencies or builds the app before starting it, or compiles it as it runs (go run).',
  rationale: 'The build stage makes the artifact once; building at start makes every container a different, slow, unreproducible build.',
  messages: {
    buildAtStart: '"{{command}}" runs every time a container starts, before the app: install and build in a RUN step so that the image is the build.',
    compileAtStart: '"{{command}}" compiles the app every time {{where}} starts: build the binary once in the build stage and run that.',
    processBuildAtStart: 'The {{process}} process runs "{{command}}" at every start, before the app: install and build in the build stage (buildpack or CI), not in the process.',
  },
  fixable: false,
  check(model, ctx) {
    if ('processes' in model) checkProcfile(model, ctx);
    else checkDockerfile(model, ctx);
  },
});

function checkDockerfile(model: DockerfileModel, ctx: RuleContext<Record<string, unknown>>): void {
  if (isDevDockerfile(ctx.file.path)) return;
  const commands = startupOf(model)?.commands ?? [];
  // Only steps that something runs after count: an image whose whole job is `go build` is a builder.
  commands.forEach((command, i) => {
    const argv = (command.script ? commandWords(command) : command.words).map((w) => w.value);
    const build = i < commands.length - 1 ? buildCommand(argv) : undefined;
    if (build) ctx.report({ messageId: 'buildAtStart', data: { command: build }, at: command.span });
    const compile = i === commands.length - 1 ? compileAndRunCommand(argv) : undefined;
    if (compile) ctx.report({ messageId: 'compileAtStart', data: { command: compile, where: 'a container' }, at: command.span });
  });
}

function checkProcfile(model: ProcfileModel, ctx: RuleContext<Record<string, unknown>>): void {
  if (model.devOnly) return;
  for (const process of model.processes) {
    // A release process runs once per release: a build step there is late, but not repeated per instance.
    if (process.name.value === 'release') continue;
    process.commands.forEach((command, i) => {
      const argv = commandArgv(command);
      const last = i === process.commands.length - 1;
      const build = last ? undefined : buildCommand(argv);
      if (build) ctx.report({ messageId: 'processBuildAtStart', data: { process: process.name.value, command: build }, at: command.span });
      const compile = last ? compileAndRunCommand(argv) : undefined;
      if (compile) ctx.report({ messageId: 'compileAtStart', data: { command: compile, where: `the ${process.name.value} process` }, at: command.span });
    });
  }
}
