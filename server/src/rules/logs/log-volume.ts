import { isBackingServiceImage } from '../../analysis/backingServiceImages';
import { isLogPath } from '../../analysis/logDestinations';
import { defineRule } from '../../engine/defineRule';
import { isInfrastructureContainer } from '../../parsing/deployment/containerRoles';
import { displayName, type Container, type DeploymentModel, type Mount, type Workload } from '../../parsing/deployment/deploymentModel';
import { get, getPath, items, str } from '../../parsing/yaml/yamlNodes';

/**
 * A log folder of an app container kept on a host folder or a lasting volume: the app writes log
 * files, and something outside the platform's log stream keeps them. Log shippers and backing
 * services (their own logs), read-only mounts (a reader), DaemonSets (node agents) and ephemeral
 * volumes (emptyDir, tmpfs) are left alone.
 */
export default defineRule<DeploymentModel>({
  id: 'logs/log-volume',
  factor: 'logs',
  kinds: ['kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'A host folder or a named volume (a PersistentVolumeClaim, a hostPath) mounted writable at a log path (/var/log/<app>, …/logs) of an app container.',
  rationale: 'A twelve-factor app writes its logs to stdout as an event stream; a log folder on a volume means log files that the platform neither collects nor rotates.',
  messages: {
    logVolume: '{{where}} mounts {{what}} at {{target}}: the app keeps log files there; write the log to stdout/stderr and let the platform collect the stream.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const workload of model.workloads) {
      if (workload.kind === 'DaemonSet' || workload.runsToCompletion) continue;
      for (const container of workload.containers) {
        if (container.init || isInfrastructureContainer(container) || (container.image && isBackingServiceImage(container.image.text))) continue;
        for (const mount of container.mounts) {
          const what = mount.target && !mount.readOnly && isLogPath(mount.target.replace(/\/+$/, '')) ? lastingSource(workload, mount) : undefined;
          if (!what) continue;
          ctx.report({ messageId: 'logVolume', data: { where: whereOf(workload, container), what, target: mount.target! }, at: mount.span });
        }
      }
    }
  },
});

function whereOf(workload: Workload, container: Container): string {
  return workload.platform === 'compose' ? `Service ${displayName(workload.name)}` : `Container ${displayName(container.name)} of ${workload.kind} ${displayName(workload.name)}`;
}

/** How a mount's storage outlives the container, for the message; undefined for ephemeral or unknown storage. */
function lastingSource(workload: Workload, mount: Mount): string | undefined {
  if (!mount.source) return undefined;
  if (workload.platform === 'compose') return mount.hostPath ? `host folder ${mount.source}` : mount.source.includes('$') ? `${mount.source} (a host folder or volume)` : `volume ${mount.source}`;
  if (workload.platform !== 'kubernetes') return undefined;
  const volume = items(get(workload.podSpec, 'volumes')).find((v) => str(get(v, 'name')) === mount.source);
  if (volume) {
    const hostPath = str(getPath(volume, 'hostPath', 'path'));
    if (hostPath !== undefined) return `host path ${hostPath}`;
    const claim = str(getPath(volume, 'persistentVolumeClaim', 'claimName'));
    return claim !== undefined ? `PersistentVolumeClaim ${claim}` : undefined;
  }
  const templates = items(getPath(workload.node, 'spec', 'volumeClaimTemplates'));
  return templates.some((t) => str(getPath(t, 'metadata', 'name')) === mount.source) ? `volume claim template ${mount.source}` : undefined;
}
