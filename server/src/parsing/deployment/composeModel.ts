import type { SourceFile } from '../sourceFile';
import type { YamlFile } from '../yaml/yamlDocuments';
import { get, items, num, pairs, str, type YMap, type YNode, type YScalar } from '../yaml/yamlNodes';
import type { Container, DeclaredPort, DeploymentModel, EnvEntry, Mount, Workload } from './deploymentModel';
import { classifyScalar } from './envValue';

/**
 * Builds the deployment model of a compose file: each service under `services:` (of every document,
 * though compose files have one) becomes a workload with one container.
 */
export function buildComposeModel(yaml: YamlFile, _file: SourceFile): DeploymentModel {
  const workloads: Workload[] = [];
  for (const document of yaml.documents) {
    for (const pair of pairs(get(document.root, 'services'))) {
      if (pair.value?.type !== 'map') continue;
      workloads.push(service(pair.key, pair.keySpan, pair.value, document.index, document.templated));
    }
  }
  return { platform: 'compose', yaml, workloads, objects: [] };
}

function service(name: string, nameSpan: YNode['span'], node: YMap, documentIndex: number, templated: boolean): Workload {
  const replicasNode = get(get(node, 'deploy'), 'replicas') ?? get(node, 'scale');
  const replicas = num(replicasNode);
  const imageNode = get(node, 'image');
  const container: Container = {
    name,
    nameSpan,
    init: false,
    image: imageNode?.type === 'scalar' && str(imageNode) ? { text: str(imageNode)!, span: imageNode.span, templated: imageNode.templated } : undefined,
    command: commandParts(get(node, 'entrypoint')).concat(commandParts(get(node, 'command'))),
    env: environment(get(node, 'environment')),
    envSources: envFiles(get(node, 'env_file')),
    // `expose:` declares container ports too, reachable only by the other services.
    ports: [...items(get(node, 'ports')), ...items(get(node, 'expose'))].flatMap(containerPort),
    mounts: items(get(node, 'volumes')).flatMap(mount),
    probes: { readiness: get(node, 'healthcheck') },
    node,
  };
  return {
    platform: 'compose',
    kind: 'Service',
    name,
    nameSpan,
    node,
    documentIndex,
    replicas: replicas !== undefined && replicasNode ? { value: replicas, span: replicasNode.span } : undefined,
    runsToCompletion: str(get(node, 'restart')) === 'no' && get(node, 'ports') === undefined,
    containers: [container],
    templated,
  };
}

function commandParts(node: YNode | undefined): Container['command'] {
  if (node?.type === 'scalar' && str(node) !== undefined) return [{ text: str(node)!, span: node.span }];
  return items(node).flatMap((n) => (n.type === 'scalar' && str(n) !== undefined ? [{ text: str(n)!, span: n.span }] : []));
}

/** `environment:` in map form (`KEY: value`) or list form (`- KEY=value`, `- KEY` passes the shell's value through). */
function environment(node: YNode | undefined): EnvEntry[] {
  if (node?.type === 'map') {
    return node.pairs.map((pair) => ({
      name: pair.key,
      nameSpan: pair.keySpan,
      value: pair.value?.type === 'scalar' ? classifyScalar(pair.value) : { type: 'reference' as const, via: 'host' as const, span: pair.keySpan },
      span: pair.span,
      syntax: { form: 'map-pair' as const, pair },
    }));
  }
  return items(node).flatMap((item) => (item.type === 'scalar' ? listEntry(item) : []));
}

function listEntry(item: YScalar): EnvEntry[] {
  const text = str(item);
  if (!text) return [];
  // The written text starts after an opening quote, when there is one.
  const contentStart = item.span.start + (item.style === 'PLAIN' ? 0 : 1);
  const eq = text.indexOf('=');
  const name = eq === -1 ? text : text.slice(0, eq);
  const nameSpan = { start: contentStart, end: contentStart + name.length };
  if (eq === -1) return [{ name, nameSpan, value: { type: 'reference', via: 'host', span: item.span }, span: item.span, syntax: { form: 'list-item', item } }];
  const valueText = text.slice(eq + 1);
  // Offsets inside a quoted scalar match the value only without escapes; a quoted item with escapes reports the whole item.
  const exact = item.style === 'PLAIN' || item.style === 'QUOTE_SINGLE' ? !valueText.includes("'") : !/\\/.test(valueText);
  const valueSpan = exact ? { start: contentStart + eq + 1, end: contentStart + eq + 1 + valueText.length } : item.span;
  const value = valueText === '' ? { type: 'empty' as const, span: valueSpan } : classifyScalar(item, valueText, valueSpan);
  return [{ name, nameSpan, value, span: item.span, syntax: { form: 'list-item', item } }];
}

function envFiles(node: YNode | undefined): Container['envSources'] {
  const entries = node?.type === 'scalar' ? [node] : items(node);
  return entries.flatMap((n) => {
    const path = n.type === 'scalar' ? str(n) : str(get(n, 'path'));
    return path ? [{ kind: 'env_file' as const, name: path, span: n.span }] : [];
  });
}

/** The container side of a port mapping: `"8080:80"` → 80, `80`, `{ target: 80 }`. */
function containerPort(node: YNode): DeclaredPort[] {
  if (node.type === 'map') {
    const target = num(get(node, 'target'));
    return target !== undefined ? [{ port: target, span: get(node, 'target')!.span }] : [];
  }
  const text = str(node);
  if (!text) return [];
  const match = /(?:^|:)(\d+)(?:-\d+)?(?:\/\w+)?$/.exec(text);
  return match ? [{ port: Number(match[1]), span: node.span }] : [];
}

/** A service volume: short syntax `source:target[:mode]` or long syntax with `type`, `source`, `target`. */
function mount(node: YNode): Mount[] {
  if (node.type === 'map') {
    const type = str(get(node, 'type'));
    const source = str(get(node, 'source'));
    return [{ source, target: str(get(node, 'target')), hostPath: type === 'bind', readOnly: str(get(node, 'read_only')) === 'true', span: node.span }];
  }
  const text = str(node);
  if (!text) return [];
  const parts = text.split(':');
  if (parts.length === 1) return [{ target: parts[0], hostPath: false, span: node.span }];
  const source = parts[0];
  const readOnly = (parts[2] ?? '').split(',').includes('ro');
  return [{ source, target: parts[1], hostPath: /^(\.|\/|~|\$\{?PWD)/.test(source), readOnly, span: node.span }];
}

