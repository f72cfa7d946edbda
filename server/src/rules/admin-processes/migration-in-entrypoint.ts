import { isOneOffCommand, migrationCommand } from '../../analysis/commandKinds';
import { commandWords } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile, startupOf, type StartupCommand } from '../../parsing/dockerfile/startupCommands';

const argvOf = (command: StartupCommand) => (command.script ? commandWords(command) : command.words).map((w) => w.value);

/** A CMD or ENTRYPOINT that migrates the database and then starts the server, in one chain. */
export default defineRule<DockerfileModel>({
  id: 'admin-processes/migration-in-entrypoint',
  factor: 'admin-processes',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'A CMD or ENTRYPOINT that runs database migrations before starting the server.',
  rationale: 'Admin tasks run once per release as one-off processes; migrating in every container start races between replicas and slows every start.',
  messages: {
    migrationBeforeServer: '"{{command}}" runs at every container start, before the server: every replica migrates, concurrently; run it once per release as a one-off process (a Job, an init step or a release phase).',
  },
  fixable: false,
  check(model, ctx) {
    if (isDevDockerfile(ctx.file.path)) return;
    const commands = startupOf(model)?.commands ?? [];
    const last = commands[commands.length - 1];
    // An image that only migrates (a migration Job, `migrate && echo done`) is the right way to do it.
    if (!last || isOneOffCommand(argvOf(last))) return;
    for (const command of commands.slice(0, -1)) {
      const label = migrationCommand(argvOf(command));
      if (label) ctx.report({ messageId: 'migrationBeforeServer', data: { command: label }, at: command.span });
    }
  },
});
