import { isOneOffCommand, migrationCommand } from '../../analysis/commandKinds';
import { commandArgv, finalCommand } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import { containerCommands } from '../../parsing/deployment/containerCommand';
import { displayName, type Container, type DeploymentModel, type Platform } from '../../parsing/deployment/deploymentModel';
import type { Span } from '../../parsing/sourceFile';

/** The migrations a container's `sh -c` script runs before its final, long-running command. */
function migrationsBeforeServer(container: Container, platform: Platform, source: string): { label: string; span: Span }[] {
  const run = containerCommands(container, platform, source);
  if (!run?.script) return [];
  const last = finalCommand(run.script);
  // A script that only migrates (or ends in a one-off) is a migration task, not a server.
  if (!last || isOneOffCommand(commandArgv(last))) return [];
  return run.commands.slice(0, -1).flatMap((command) => {
    const label = migrationCommand(commandArgv(command));
    return label ? [{ label, span: run.exact ? command.span : run.span }] : [];
  });
}

/**
 * A long-running container whose command migrates the database before starting the server
 * (`sh -c "manage.py migrate && gunicorn …"`), in Kubernetes or compose. Jobs, CronJobs, init
 * containers and compose services that run to completion are where migrations belong, so they are
 * not checked.
 */
export default defineRule<DeploymentModel>({
  id: 'admin-processes/migration-in-container-command',
  factor: 'admin-processes',
  kinds: ['kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'A long-running container or compose service whose command runs database migrations before starting the server.',
  rationale: 'Admin tasks run once per release as one-off processes; migrating at every container start races between replicas and slows every start.',
  messages: {
    migrationBeforeServer: '"{{command}}" runs in container {{container}} of {{kind}} {{workload}} at every start, before the server: every replica migrates, concurrently; run it once per release in a Job (a Helm pre-upgrade or Argo CD PreSync hook) or an init container.',
    composeMigrationBeforeServer: '"{{command}}" runs in service {{workload}} at every start, before the server: every replica migrates, concurrently; run it once per release in a one-off service (`docker compose run --rm`, or a service the app `depends_on` with `condition: service_completed_successfully`).',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const workload of model.workloads) {
      if (workload.runsToCompletion) continue;
      for (const container of workload.containers) {
        if (container.init) continue;
        for (const migration of migrationsBeforeServer(container, workload.platform, ctx.file.text)) {
          ctx.report({
            messageId: workload.platform === 'compose' ? 'composeMigrationBeforeServer' : 'migrationBeforeServer',
            data: workload.platform === 'compose'
              ? { command: migration.label, workload: displayName(workload.name) }
              : { command: migration.label, container: displayName(container.name), kind: workload.kind, workload: displayName(workload.name) },
            at: migration.span,
          });
        }
      }
    }
  },
});
