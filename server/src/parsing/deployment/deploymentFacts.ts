import type { SourceFile } from '../sourceFile';
import { get, getPath, str } from '../yaml/yamlNodes';
import { registerFactExtractor, type FileFacts, type ObjectRef } from '../../workspace/facts';
import type { DeploymentModel, Platform } from './deploymentModel';

/** Registers the extractor of a deployment kind's cross-file facts. */
export function registerDeploymentFacts(platform: Platform): void {
  registerFactExtractor(platform, (model, file) => deploymentFacts(model as DeploymentModel, file));
}

/**
 * What a manifest tells other files: the workloads it defines, what its autoscalers target, the
 * compose services it defines, and the env variables it provides.
 */
export function deploymentFacts(model: DeploymentModel, _file: SourceFile): FileFacts {
  const facts: FileFacts = {};
  const objects: ObjectRef[] = model.workloads.map((w) => ({ kind: w.kind, name: w.name, namespace: w.namespace }));
  if (objects.length) facts.objects = objects;
  const scaleTargets = model.objects.flatMap((o): ObjectRef[] => {
    if (o.kind !== 'HorizontalPodAutoscaler' && o.kind !== 'ScaledObject') return [];
    const target = getPath(o.node, 'spec', 'scaleTargetRef');
    const name = str(get(target, 'name'));
    // KEDA's ScaledObject targets a Deployment unless it says otherwise.
    return name ? [{ kind: str(get(target, 'kind')) ?? 'Deployment', name, namespace: o.namespace }] : [];
  });
  if (scaleTargets.length) facts.scaleTargets = scaleTargets;
  if (model.platform === 'compose') facts.services = model.workloads.map((w) => w.name);
  const envProvided = model.workloads.flatMap((w) => w.containers.flatMap((c) => c.env.map((e) => ({ name: e.name, span: e.nameSpan }))));
  if (envProvided.length) facts.envProvided = envProvided;
  return facts;
}
