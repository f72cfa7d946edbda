import type { SourceFile } from '../sourceFile';
import type { YamlFile } from '../yaml/yamlDocuments';
import { get, getPath, items, num, pairOf, pairs, str, type YMap, type YNode } from '../yaml/yamlNodes';
import type { Container, DeploymentModel, EnvEntry, KubeObject, Mount, Workload } from './deploymentModel';
import { classifyScalar } from './envValue';

/** Kinds whose pod template is at `spec.template.spec`. */
const TEMPLATE_WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

/**
 * Builds the deployment model of a Kubernetes file: every object of every document (`kind: List`
 * items included), and for workloads their pod spec (`spec.template.spec`, CronJob's
 * `spec.jobTemplate.spec.template.spec`, a Pod's `spec`) as containers.
 */
export function buildKubernetesModel(yaml: YamlFile, _file: SourceFile): DeploymentModel {
  const objects: KubeObject[] = [];
  const workloads: Workload[] = [];
  for (const document of yaml.documents) {
    for (const node of objectNodes(document.root)) {
      const object = kubeObject(node, document.index, document.templated);
      if (!object) continue;
      objects.push(object);
      const workload = toWorkload(object);
      if (workload) workloads.push(workload);
    }
  }
  return { platform: 'kubernetes', yaml, workloads, objects };
}

/** The object maps of a document: the document itself, or the items of a `kind: List` (`…List`). */
function objectNodes(root: YNode | undefined): YMap[] {
  if (root?.type !== 'map') return [];
  const kind = str(get(root, 'kind'));
  if (kind && /List$/.test(kind) && get(root, 'items')?.type === 'seq') {
    return items(get(root, 'items')).filter((n): n is YMap => n.type === 'map');
  }
  return [root];
}

function kubeObject(node: YMap, documentIndex: number, templated: boolean): KubeObject | undefined {
  const kind = str(get(node, 'kind'));
  const apiVersion = str(get(node, 'apiVersion'));
  if (!kind || !apiVersion) return undefined;
  const namePair = pairOf(get(node, 'metadata'), 'name') ?? pairOf(get(node, 'metadata'), 'generateName');
  const name = str(namePair?.value) ?? '';
  const nameSpan = namePair?.value?.span ?? pairOf(node, 'kind')!.span;
  return { apiVersion, kind, name, nameSpan, namespace: str(getPath(node, 'metadata', 'namespace')), node, documentIndex, templated };
}

function toWorkload(object: KubeObject): Workload | undefined {
  const { node, kind } = object;
  let podSpec: YNode | undefined;
  if (TEMPLATE_WORKLOADS.has(kind)) podSpec = getPath(node, 'spec', 'template', 'spec');
  else if (kind === 'CronJob') podSpec = getPath(node, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
  else if (kind === 'Pod') podSpec = get(node, 'spec');
  if (podSpec?.type !== 'map') return undefined;
  const restartPolicy = str(get(podSpec, 'restartPolicy'));
  const replicasPair = pairOf(get(node, 'spec'), 'replicas');
  const replicas = num(replicasPair?.value);
  const volumes = hostPathVolumes(podSpec);
  const containers = [
    ...items(get(podSpec, 'initContainers')).map((c) => container(c, true, volumes)),
    ...items(get(podSpec, 'containers')).map((c) => container(c, false, volumes)),
  ].filter((c): c is Container => c !== undefined);
  return {
    platform: 'kubernetes',
    kind,
    name: object.name,
    nameSpan: object.nameSpan,
    namespace: object.namespace,
    node,
    documentIndex: object.documentIndex,
    replicas: replicas !== undefined && replicasPair?.value ? { value: replicas, span: replicasPair.value.span } : undefined,
    runsToCompletion: kind === 'Job' || kind === 'CronJob' || (kind === 'Pod' && (restartPolicy === 'Never' || restartPolicy === 'OnFailure')),
    podSpec,
    containers,
    templated: object.templated,
  };
}

/** The names of the pod's `hostPath` volumes. */
function hostPathVolumes(podSpec: YMap): Set<string> {
  const names = new Set<string>();
  for (const v of items(get(podSpec, 'volumes'))) {
    const name = str(get(v, 'name'));
    if (name && get(v, 'hostPath')) names.add(name);
  }
  return names;
}

function container(node: YNode, init: boolean, hostPaths: Set<string>): Container | undefined {
  if (node.type !== 'map') return undefined;
  const namePair = pairOf(node, 'name');
  const imageNode = get(node, 'image');
  const command = [...items(get(node, 'command')), ...items(get(node, 'args'))]
    .filter((n) => n.type === 'scalar')
    .map((n) => ({ text: str(n) ?? '', span: n.span }));
  const ports = items(get(node, 'ports')).flatMap((p) => {
    const portNode = get(p, 'containerPort');
    const port = num(portNode);
    return port !== undefined && portNode ? [{ port, span: portNode.span, name: str(get(p, 'name')), protocol: str(get(p, 'protocol')) }] : [];
  });
  const mounts: Mount[] = items(get(node, 'volumeMounts')).map((m) => {
    const source = str(get(m, 'name'));
    return { target: str(get(m, 'mountPath')), source, hostPath: source !== undefined && hostPaths.has(source), readOnly: str(get(m, 'readOnly')) === 'true', span: m.span };
  });
  return {
    name: str(namePair?.value) ?? '',
    nameSpan: namePair?.value?.span ?? node.span,
    init,
    image: imageNode?.type === 'scalar' && str(imageNode) ? { text: str(imageNode)!, span: imageNode.span, templated: imageNode.templated } : undefined,
    command,
    env: envEntries(node),
    envSources: items(get(node, 'envFrom')).flatMap((source) => {
      const ref = get(source, 'secretRef') ?? get(source, 'configMapRef');
      const name = str(get(ref, 'name'));
      return name ? [{ kind: 'envFrom' as const, name, span: source.span }] : [];
    }),
    ports,
    mounts,
    probes: { readiness: get(node, 'readinessProbe'), liveness: get(node, 'livenessProbe'), startup: get(node, 'startupProbe') },
    node,
  };
}

function envEntries(container: YMap): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const item of items(get(container, 'env'))) {
    if (item.type !== 'map') continue;
    const namePair = pairOf(item, 'name');
    const name = str(namePair?.value);
    if (!name || !namePair?.value) continue;
    const valuePair = pairOf(item, 'value');
    const valueFrom = get(item, 'valueFrom');
    let value: EnvEntry['value'];
    if (valueFrom?.type === 'map') {
      const via = pairs(valueFrom)[0]?.key;
      const known = ['secretKeyRef', 'configMapKeyRef', 'fieldRef', 'resourceFieldRef'] as const;
      value = { type: 'reference', via: known.find((k) => k === via) ?? 'secretKeyRef', span: valueFrom.span };
    } else if (valuePair?.value?.type === 'scalar') {
      value = classifyScalar(valuePair.value);
    } else {
      value = { type: 'empty', span: item.span };
    }
    out.push({ name, nameSpan: namePair.value.span, value, span: item.span, syntax: { form: 'k8s-item', item, valuePair } });
  }
  return out;
}

