import { buildCommand } from '../../analysis/commandKinds';
import { commandWords } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf } from '../../parsing/dockerfile/startupCommands';

/** A CMD or ENTRYPOINT that installs dependencies or builds the app before it starts it. */
export default defineRule<DockerfileModel>({
  id: 'build-release-run/build-at-runtime',
  factor: 'build-release-run',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'A CMD or ENTRYPOINT that installs dependencies or builds the app before starting it.',
  rationale: 'The build stage makes the artifact once; building at start makes every container a different, slow, unreproducible build.',
  messages: {
    buildAtStart: '"{{command}}" runs every time a container starts, before the app: install and build in a RUN step so that the image is the build.',
  },
  fixable: false,
  check(model, ctx) {
    if (isDevDockerfile(ctx.file.path)) return;
    const commands = startupOf(model)?.commands ?? [];
    // Only steps that something runs after count: an image whose whole job is `go build` is a builder.
    for (const command of commands.slice(0, -1)) {
      const words = command.script ? commandWords(command) : command.words;
      const label = buildCommand(words.map((w) => w.value));
      if (label) ctx.report({ messageId: 'buildAtStart', data: { command: label }, at: command.span });
    }
  },
});
