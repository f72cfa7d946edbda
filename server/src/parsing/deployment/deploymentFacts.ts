import type { SourceFile } from '../sourceFile';
import { get, getPath, items, num, str } from '../yaml/yamlNodes';
import { familyOfImage, nameFamily, schemeFamily, serviceVersion } from '../../analysis/backingServiceImages';
import { parseAddress } from '../../analysis/serviceAddress';
import { registerFactExtractor, type FileFacts, type ObjectRef, type ReplicaCount, type ServiceImageFact, type BackingServiceFact } from '../../workspace/facts';
import type { Container, DeploymentModel, KubeObject, Platform } from './deploymentModel';
import { deploymentEnvFacts } from './deploymentEnvFacts';

/** Registers the extractor of a deployment kind's cross-file facts. */
export function registerDeploymentFacts(platform: Platform): void {
  registerFactExtractor(platform, (model, file) => deploymentFacts(model as DeploymentModel, file));
}

/** The facts of each parsed model: several rules and the language server's index read them per version. */
const cache = new WeakMap<DeploymentModel, { file: SourceFile; facts: Readonly<FileFacts> }>();

/**
 * What a manifest tells other files: the workloads it defines, what its autoscalers target, the
 * replica counts it sets, the compose services it defines, and the env variables it provides.
 * Computed once per model (a model is one version of one file); callers only read the facts.
 */
export function deploymentFacts(model: DeploymentModel, file: SourceFile): Readonly<FileFacts> {
  const cached = cache.get(model);
  if (cached?.file === file) return cached.facts;
  const facts = Object.freeze(computeFacts(model, file));
  cache.set(model, { file, facts });
  return facts;
}

function computeFacts(model: DeploymentModel, file: SourceFile): FileFacts {
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
  const replicaCounts = model.objects.flatMap(replicaCountsOf);
  if (replicaCounts.length) facts.replicaCounts = replicaCounts;
  if (model.platform === 'compose') facts.services = model.workloads.map((w) => w.name);
  const envProvided = model.workloads.flatMap((w) => w.containers.flatMap((c) => c.env.map((e) => ({ name: e.name, span: e.nameSpan }))));
  if (envProvided.length) facts.envProvided = envProvided;
  const { envServices, envObjects } = deploymentEnvFacts(model, file);
  if (envServices.length) facts.envServices = envServices;
  if (envObjects.length) facts.envObjects = envObjects;
  const serviceImages = model.workloads.flatMap((w) => w.containers.flatMap((c): ServiceImageFact[] => {
    const version = c.image && !c.image.templated && !c.init ? serviceVersion(c.image.text) : undefined;
    return version ? [{ ...version, image: c.image!.text, workload: w.name, span: c.image!.span }] : [];
  }));
  if (serviceImages.length) facts.serviceImages = serviceImages;
  const backingServices = model.workloads.flatMap((w) => w.containers.flatMap(backingServicesOf));
  if (backingServices.length) facts.backingServices = backingServices;
  return facts;
}

/** What a container shows of the backing services it gets: its image, service URLs in its env, variables and bound services named for one. */
function backingServicesOf(container: Container): BackingServiceFact[] {
  const found: BackingServiceFact[] = [];
  const family = container.image && !container.image.templated ? familyOfImage(container.image.text) : undefined;
  if (family) found.push({ family, via: `image ${container.image!.text}` });
  for (const entry of container.env) {
    const scheme = entry.value.type === 'literal' ? parseAddress(entry.value.text)?.scheme : undefined;
    const named = (scheme && schemeFamily(scheme)) ?? nameFamily(entry.name);
    if (named) found.push({ family: named, via: entry.name });
  }
  for (const source of container.envSources) {
    const bound = source.kind === 'services' ? nameFamily(source.name) : undefined;
    if (bound) found.push({ family: bound, via: `bound service ${source.name}` });
  }
  return found;
}

/**
 * The replica counts an object sets: its own `spec.replicas` (a workload, or a Kustomize patch that
 * is only a name and a count), or each entry of a kustomization's `replicas:` field.
 */
function replicaCountsOf(object: KubeObject): ReplicaCount[] {
  if (object.kind === 'Kustomization') {
    return items(get(object.node, 'replicas')).flatMap((r) => {
      const name = str(get(r, 'name'));
      const count = num(get(r, 'count'));
      return name && count !== undefined ? [{ name, count }] : [];
    });
  }
  const count = num(getPath(object.node, 'spec', 'replicas'));
  return count !== undefined && object.name ? [{ kind: object.kind, name: object.name, namespace: object.namespace, count }] : [];
}
