import type { SourceFile } from '../sourceFile';
import type { YamlFile } from '../yaml/yamlDocuments';
import { get, items, num, pairOf, pairs, str, type YMap } from '../yaml/yamlNodes';
import type { Container, DeploymentModel, EnvEntry, Workload } from './deploymentModel';
import { classifyScalar } from './envValue';

/**
 * Builds the deployment model of a Cloud Foundry manifest: each entry of `applications:` is a
 * workload. The app itself is the first container and carries the app's `env:`; each of its
 * `processes:` (web, worker…) and `sidecars:` is another container sharing that env.
 */
export function buildCloudFoundryModel(yaml: YamlFile, _file: SourceFile): DeploymentModel {
  const workloads: Workload[] = [];
  for (const document of yaml.documents) {
    for (const app of items(get(document.root, 'applications'))) {
      if (app.type === 'map') workloads.push(application(app, document.index, document.templated));
    }
  }
  return { platform: 'cloudfoundry', yaml, workloads, objects: [] };
}

function application(node: YMap, documentIndex: number, templated: boolean): Workload {
  const namePair = pairOf(node, 'name');
  const name = str(namePair?.value) ?? '';
  const nameSpan = namePair?.value?.span ?? node.span;
  const instancesNode = get(node, 'instances');
  const instances = num(instancesNode);
  const services = items(get(node, 'services')).flatMap((s) => {
    const serviceName = s.type === 'scalar' ? str(s) : str(get(s, 'name'));
    return serviceName ? [{ kind: 'services' as const, name: serviceName, span: s.span }] : [];
  });
  const app: Container = {
    name,
    nameSpan,
    init: false,
    image: dockerImage(node),
    command: commandOf(node),
    env: env(node),
    envSources: services,
    ports: [],
    mounts: [],
    probes: {},
    node,
  };
  const others = [...items(get(node, 'processes')), ...items(get(node, 'sidecars'))].flatMap((p): Container[] => {
    if (p.type !== 'map') return [];
    const label = pairOf(p, 'type') ?? pairOf(p, 'name');
    return [{ name: str(label?.value) ?? '', nameSpan: label?.value?.span ?? p.span, init: false, command: commandOf(p), env: [], envSources: [], ports: [], mounts: [], probes: {}, node: p }];
  });
  return {
    platform: 'cloudfoundry',
    kind: 'Application',
    name,
    nameSpan,
    node,
    documentIndex,
    replicas: instances !== undefined && instancesNode ? { value: instances, span: instancesNode.span } : undefined,
    runsToCompletion: false,
    containers: [app, ...others],
    templated,
  };
}

function dockerImage(node: YMap): Container['image'] {
  const image = get(get(node, 'docker'), 'image');
  return image?.type === 'scalar' && str(image) ? { text: str(image)!, span: image.span, templated: image.templated } : undefined;
}

function commandOf(node: YMap): Container['command'] {
  const command = get(node, 'command');
  return command?.type === 'scalar' && str(command) ? [{ text: str(command)!, span: command.span }] : [];
}

function env(node: YMap): EnvEntry[] {
  return pairs(get(node, 'env')).map((pair) => ({
    name: pair.key,
    nameSpan: pair.keySpan,
    value: pair.value?.type === 'scalar' ? classifyScalar(pair.value) : { type: 'empty' as const, span: pair.keySpan },
    span: pair.span,
    syntax: { form: 'map-pair' as const, pair },
  }));
}
