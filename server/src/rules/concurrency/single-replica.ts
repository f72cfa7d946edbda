import { isBackingServiceImage } from '../../analysis/backingServiceImages';
import { defineRule } from '../../engine/defineRule';
import { isKeepAliveContainer } from '../../parsing/deployment/containerRoles';
import { deploymentFacts } from '../../parsing/deployment/deploymentFacts';
import { displayName, type DeploymentModel, type Workload } from '../../parsing/deployment/deploymentModel';
import { getPath, str } from '../../parsing/yaml/yamlNodes';
import type { FileFacts } from '../../workspace/facts';

/** Whether a reference (an autoscaler target, a replica count) names the workload. */
function names(ref: { kind?: string; name: string; namespace?: string }, workload: Workload): boolean {
  return (ref.kind === undefined || ref.kind === workload.kind) && ref.name === workload.name && (!ref.namespace || !workload.namespace || ref.namespace === workload.namespace);
}

/**
 * True when something else decides the Deployment's replicas: a HorizontalPodAutoscaler or KEDA
 * ScaledObject that targets it, or a Kustomize overlay that sets more than one (a patch of
 * `spec.replicas`, or a `replicas:` entry). `facts` holds this file's own facts (also before the
 * workspace index has caught up with an edit) and every indexed file's.
 */
function isScaledElsewhere(workload: Workload, facts: readonly FileFacts[]): boolean {
  return facts.some((f) => f.scaleTargets?.some((t) => names(t, workload)) || f.replicaCounts?.some((r) => r.count > 1 && names(r, workload)));
}

/**
 * A Deployment with `replicas: 1` that no autoscaler targets and no Kustomize overlay scales up.
 * Deliberate singletons are left alone: `strategy: Recreate` (never two pods at once),
 * backing-service images (they scale by their own clustering), keep-alive debug pods, and Helm
 * templates (the HPA and the replicas line are often rendered conditionally).
 */
export default defineRule<DeploymentModel>({
  id: 'concurrency/single-replica',
  factor: 'concurrency',
  kinds: ['kubernetes'],
  defaultSeverity: 'info',
  description: 'A Deployment with replicas: 1, no HorizontalPodAutoscaler or ScaledObject targeting it and no overlay raising it anywhere in the workspace.',
  rationale: 'The app scales out through the process model; a single process is one point of failure and a fixed ceiling on load.',
  messages: {
    singleReplica: 'Deployment {{workload}} runs one replica and no HorizontalPodAutoscaler or KEDA ScaledObject in the workspace targets it: one pod is one point of failure during rollouts and node drains, and a ceiling on load; run more replicas or add an autoscaler.',
  },
  fixable: false,
  check(model, ctx) {
    let facts: FileFacts[] | undefined;
    for (const workload of model.workloads) {
      if (workload.kind !== 'Deployment' || workload.replicas?.value !== 1 || workload.templated) continue;
      if (str(getPath(workload.node, 'spec', 'strategy', 'type')) === 'Recreate') continue;
      const containers = workload.containers.filter((c) => !c.init);
      if (containers.some((c) => c.image && isBackingServiceImage(c.image.text)) || containers.every(isKeepAliveContainer)) continue;
      // The index may still hold an older version of this file: its own facts are those of this version.
      facts ??= [deploymentFacts(model, ctx.file), ...[...ctx.index.entries()].flatMap((e) => (e.path === ctx.file.path ? [] : [e.facts]))];
      if (isScaledElsewhere(workload, facts)) continue;
      ctx.report({ messageId: 'singleReplica', data: { workload: displayName(workload.name) }, at: workload.replicas.span });
    }
  },
});
