import * as path from 'node:path';
import { isBackingServiceImage } from '../../analysis/backingServiceImages';
import type { EnvFact, EnvForm, EnvObject, EnvService, EnvSource } from '../../workspace/facts';
import type { SourceFile } from '../sourceFile';
import { get, items, pairs, str, type YNode } from '../yaml/yamlNodes';
import { isNonProductionComposeFile } from './composeServices';
import type { Container, DeploymentModel, EnvEntry, Workload } from './deploymentModel';

/**
 * The env contract's view of a manifest: each app container, compose service and CF app as an
 * {@link EnvService} with the variables it provides and where its code is; and the ConfigMaps and
 * Secrets the file defines, whose keys an `envFrom` elsewhere provides.
 */
export function deploymentEnvFacts(model: DeploymentModel, file: SourceFile): { envServices: EnvService[]; envObjects: EnvObject[] } {
  const envServices = model.workloads.flatMap((w) => servicesOf(w, file.path));
  const envObjects = model.objects.flatMap((o): EnvObject[] => {
    if (o.kind !== 'ConfigMap' && o.kind !== 'Secret') return [];
    const keys = ['data', 'stringData', 'binaryData'].flatMap((k) => pairs(get(o.node, k)).map((p): EnvFact => ({ name: p.key, span: p.keySpan })));
    return [{ kind: o.kind, name: o.name, namespace: o.namespace, keys }];
  });
  return { envServices, envObjects };
}

function servicesOf(workload: Workload, file: string): EnvService[] {
  const dir = path.dirname(file);
  if (workload.platform === 'kubernetes') {
    const containers = workload.containers.filter((c) => !c.init);
    return containers.map((c) => {
      const name = containers.length > 1 ? `${workload.kind} ${workload.name}/${c.name}` : `${workload.kind} ${workload.name}`;
      const service = base('kubernetes', name, workload, c, dir);
      service.container = c.name;
      const image = c.image && !c.image.templated ? c.image.text : undefined;
      if (image) service.images = [image];
      if (image && isBackingServiceImage(image)) service.thirdParty = true;
      return service;
    });
  }
  const container = workload.containers[0];
  if (!container) return [];
  if (workload.platform === 'cloudfoundry') {
    const service = base('cloudfoundry', workload.name, workload, container, dir);
    const appPath = str(get(workload.node, 'path'));
    // `cf push` uploads the manifest's folder unless `path:` says otherwise; a .jar or .zip is built elsewhere.
    if (container.image) service.images = [container.image.text];
    else if (!appPath || !/\.(jar|war|zip)$/i.test(appPath)) service.folders = [path.resolve(dir, appPath ?? '.')];
    return [service];
  }
  const service = base('compose', workload.name, workload, container, dir);
  if (isNonProductionComposeFile(file)) service.local = true;
  const build = get(workload.node, 'build');
  const context = build?.type === 'scalar' ? str(build) : str(get(build, 'context')) ?? (build ? '.' : undefined);
  if (context !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(context) && !context.includes('$')) {
    const folder = path.resolve(dir, context);
    service.folders = [folder];
    service.dockerfiles = [path.resolve(folder, str(get(build, 'dockerfile')) ?? 'Dockerfile')];
    if (container.image && !container.image.templated) service.builtImage = container.image.text;
  } else if (container.image) {
    service.images = [container.image.text];
    if (isBackingServiceImage(container.image.text)) service.thirdParty = true;
  } else {
    service.thirdParty = true;
  }
  return [service];
}

function base(platform: EnvService['platform'], name: string, workload: Workload, container: Container, dir: string): EnvService {
  const service: EnvService = { platform, name, nameSpan: workload.nameSpan, provided: container.env.map(providedOf) };
  const sources = container.envSources.flatMap((s): EnvSource[] => (s.kind === 'services' ? [] : [sourceOf(s, container, dir)]));
  // A Helm template renders its env from values nobody can read here: it may provide anything.
  if (workload.templated) service.opaque = true;
  if (sources.length) service.sources = sources;
  return service;
}

function sourceOf(source: Container['envSources'][number], container: Container, dir: string): EnvSource {
  // compose resolves `env_file:` against the compose file's folder.
  if (source.kind === 'env_file') return { kind: 'env_file', name: path.resolve(dir, source.name), span: source.span };
  // The model keeps the name; the kind and prefix are read from the envFrom item itself.
  const item = items(get(container.node, 'envFrom')).find((n: YNode) => n.span.start === source.span.start);
  const kind = get(item, 'secretRef') ? 'Secret' : 'ConfigMap';
  const prefix = str(get(item, 'prefix'));
  return prefix ? { kind, name: source.name, prefix, span: source.span } : { kind, name: source.name, span: source.span };
}

function providedOf(entry: EnvEntry): EnvFact {
  const fact: EnvFact = { name: entry.name, span: entry.nameSpan, form: formOf(entry) };
  if (entry.value.type === 'literal') fact.value = entry.value.text.slice(0, 200);
  return fact;
}

function formOf(entry: EnvEntry): EnvForm {
  const value = entry.value;
  if (value.type === 'reference') return value.via === 'secretKeyRef' ? 'secret' : 'reference';
  return value.type;
}
