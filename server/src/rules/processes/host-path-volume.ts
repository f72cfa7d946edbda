import { defineRule } from '../../engine/defineRule';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { get, getPath, items, str } from '../../parsing/yaml/yamlNodes';

// Node integrations, not app state: devices, kernel interfaces, the container runtime, the kubelet,
// system binaries and config, host logs read by shippers, CA certificates and the time zone.
const NODE_PATHS = /^\/(dev|sys|proc|boot|lib|lib64|usr|bin|sbin|etc|run|var\/run|var\/log|var\/lib\/(docker|containerd|kubelet|cni|dbus)|opt\/cni|home\/kubernetes)(\/|$)/;
const NODE_TYPES = new Set(['Socket', 'CharDevice', 'BlockDevice']);

/** True when a host path is a node integration rather than a place to keep data. */
function isNodeIntegration(path: string, type: string | undefined): boolean {
  return path === '/' || NODE_PATHS.test(path) || path.endsWith('.sock') || (type !== undefined && NODE_TYPES.has(type));
}

/**
 * A `hostPath` volume that an app workload mounts writable: state kept on one node. DaemonSets are
 * node agents by design; system paths, sockets and devices are node integrations; read-only mounts
 * keep no state.
 */
export default defineRule<DeploymentModel>({
  id: 'processes/host-path-volume',
  factor: 'processes',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A hostPath volume mounted writable in an app workload (state on the node).',
  rationale: 'Processes are stateless and share nothing; data written to a node\'s disk is lost to every other replica and to the next pod on another node.',
  messages: {
    hostPath: '{{kind}} {{workload}} writes to host path {{path}} (mounted at {{mountPath}}): that data stays on one node, invisible to other replicas and lost when the pod moves; use a PersistentVolumeClaim or a backing service.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const workload of model.workloads) {
      if (workload.kind === 'DaemonSet' || !workload.podSpec) continue;
      for (const volume of items(get(workload.podSpec, 'volumes'))) {
        const name = str(get(volume, 'name'));
        const pathNode = getPath(volume, 'hostPath', 'path');
        const path = str(pathNode);
        if (!name || !path || !pathNode || pathNode.type !== 'scalar' || pathNode.templated) continue;
        if (isNodeIntegration(path.replace(/\/+$/, '') || '/', str(getPath(volume, 'hostPath', 'type')))) continue;
        const writable = workload.containers
          .flatMap((c) => items(get(c.node, 'volumeMounts')))
          .filter((m) => str(get(m, 'name')) === name && str(get(m, 'readOnly')) !== 'true');
        if (writable.length === 0) continue;
        const mountPath = str(get(writable[0], 'mountPath')) ?? '?';
        ctx.report({ messageId: 'hostPath', data: { kind: workload.kind, workload: displayName(workload.name), path, mountPath }, at: pathNode.span });
      }
    }
  },
});
