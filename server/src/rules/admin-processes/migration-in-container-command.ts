import { isOneOffCommand, migrationCommand } from '../../analysis/commandKinds';
import { commandWords, finalCommand, parseShell, shellWrapperScriptIndex } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import { displayName, type Container, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import type { Span } from '../../parsing/sourceFile';

/** Where a script's text starts in the file, when it is written there as it is (plain, or quoted without escapes). */
function scriptBase(source: string, part: { text: string; span: Span }): number | undefined {
  if (source.slice(part.span.start, part.span.end) === part.text) return part.span.start;
  if (source.slice(part.span.start + 1, part.span.end - 1) === part.text) return part.span.start + 1;
  return undefined;
}

/** The migrations a container's `sh -c` script runs before its final, long-running command. */
function migrationsBeforeServer(container: Container, source: string): { label: string; span: Span }[] {
  const argv = container.command.map((c) => c.text);
  const index = shellWrapperScriptIndex(argv);
  if (index < 0) return [];
  const part = container.command[index];
  const base = scriptBase(source, part);
  const script = parseShell(part.text, base ?? 0);
  const last = finalCommand(script);
  // A script that only migrates (or ends in a one-off) is a migration task, not a server.
  if (!last || isOneOffCommand(commandWords(last).map((w) => w.value))) return [];
  return script.commands.slice(0, -1).flatMap((command) => {
    const label = migrationCommand(commandWords(command).map((w) => w.value));
    return label ? [{ label, span: base === undefined ? part.span : command.span }] : [];
  });
}

/**
 * A long-running container whose command migrates the database before starting the server
 * (`sh -c "manage.py migrate && gunicorn …"`). Jobs, CronJobs and init containers are where
 * migrations belong, so they are not checked.
 */
export default defineRule<DeploymentModel>({
  id: 'admin-processes/migration-in-container-command',
  factor: 'admin-processes',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A long-running container whose command runs database migrations before starting the server.',
  rationale: 'Admin tasks run once per release as one-off processes; migrating at every container start races between replicas and slows every start.',
  messages: {
    migrationBeforeServer: '"{{command}}" runs in container {{container}} of {{kind}} {{workload}} at every start, before the server: every replica migrates, concurrently; run it once per release in a Job (a Helm pre-upgrade or Argo CD PreSync hook) or an init container.',
  },
  fixable: false,
  check(model, ctx) {
    for (const workload of model.workloads) {
      if (workload.runsToCompletion) continue;
      for (const container of workload.containers) {
        if (container.init) continue;
        for (const migration of migrationsBeforeServer(container, ctx.file.text)) {
          ctx.report({
            messageId: 'migrationBeforeServer',
            data: { command: migration.label, container: displayName(container.name), kind: workload.kind, workload: displayName(workload.name) },
            at: migration.span,
          });
        }
      }
    }
  },
});
