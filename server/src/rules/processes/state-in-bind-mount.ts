import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { holdsData, isBuiltFromProject, isNonProductionComposeFile } from '../../parsing/deployment/composeServices';

/** An app service (built from the project) that keeps data in a bind mount of a host folder. */
export default defineRule<DeploymentModel>({
  id: 'processes/state-in-bind-mount',
  factor: 'processes',
  kinds: ['compose'],
  defaultSeverity: 'info',
  description: 'App services (build:) with bind mounts for data paths (not source mounts for live reload).',
  rationale: 'Processes are stateless and share nothing; data an app writes belongs in a backing service, not on one host.',
  messages: {
    dataMount: 'The "{{service}}" app writes {{target}} to the host folder {{source}}: that state lives on one machine and is lost or split when the service moves or scales; keep it in a backing service (a database, object storage).',
  },
  fixable: false,
  check(model, ctx) {
    if (isNonProductionComposeFile(ctx.file.path)) return;
    for (const service of model.workloads) {
      if (!isBuiltFromProject(service)) continue;
      for (const mount of service.containers[0]?.mounts ?? []) {
        if (!mount.hostPath || mount.readOnly || !mount.target || !mount.source || !holdsData(mount)) continue;
        ctx.report({ messageId: 'dataMount', data: { service: service.name, target: mount.target, source: mount.source }, at: mount.span });
      }
    }
  },
});
