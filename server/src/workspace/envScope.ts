import * as path from 'node:path';
import { parseImageReference } from '../analysis/imageReference';
import type { FileKind } from '../parsing/fileKind';
import type { EnvService } from './facts';
import { isInsideFolder } from './paths';

/** A provider of the env contract with the file it is in and the code it applies to. */
export interface ScopedService extends EnvService {
  /** Absolute path of the file that describes it. */
  file: string;
  fileKind: FileKind;
  /**
   * The folders of the code it runs, `workspace` when nothing links it to a folder (it applies to all
   * code), or undefined when it runs no code of the workspace (a pulled postgres image).
   */
  scope?: 'workspace' | string[];
  /** The scope is the manifest's project folder, not a build its image matches (see {@link resolveScopes}). */
  guessed?: boolean;
}

/**
 * Links each provider to the code it deploys (see docs/env-contract.md): a compose `build:` context,
 * a CF `path:`, the folder of a Dockerfile, Procfile, `.env` file or Spring module, and the context
 * of a compose service that builds a Dockerfile elsewhere. A Kubernetes workload, a CF docker app or a
 * compose service that only pulls an image gets the folders of the images built in the workspace whose
 * name matches (`registry/team/orders:1.2` ↔ a compose service building `orders`, or `orders/Dockerfile`).
 * An unmatched Kubernetes workload applies to the project its manifest sits in; an unmatched compose
 * image is a dependency, not the workspace's code.
 */
export function resolveScopes(services: ScopedService[]): void {
  const built = new Map<string, string[][]>();
  const add = (image: string, folders: string[]) => {
    const key = shortImageName(image);
    if (key) built.set(key, [...(built.get(key) ?? []), folders]);
  };
  for (const s of services) {
    if (s.platform === 'compose' && s.builtImage && s.folders) add(s.builtImage, s.folders);
    if (s.platform === 'dockerfile' && s.folders) add(path.basename(s.folders[0]), s.folders);
  }
  const builders = services.filter((s) => s.platform === 'compose' && s.dockerfiles && s.folders);
  for (const s of services) {
    if (s.folders) {
      // A Dockerfile also deploys the context of every compose service that builds it.
      const contexts = s.platform === 'dockerfile' ? builders.filter((b) => b.dockerfiles!.includes(s.file)).flatMap((b) => b.folders!) : [];
      s.scope = [...new Set([...s.folders, ...contexts])];
    } else if (s.images?.length) {
      const matched = nearest(s.file, s.images.flatMap((image) => built.get(shortImageName(image) ?? '') ?? []));
      if (matched.length) s.scope = [...new Set(matched)];
      else if (!s.thirdParty && s.platform !== 'compose') guess(s);
    } else if (!s.thirdParty) {
      guess(s);
    }
  }
}

/**
 * Folders that hold deployment files rather than code (`k8s/`, `deploy/overlays/prod/`): a manifest
 * in one deploys the project around it.
 */
const DEPLOYMENT_FOLDERS = new Set([
  'k8s', 'kubernetes', 'kube', '.k8s', 'deploy', 'deployment', 'deployments', 'manifests', 'kubernetes-manifests', 'k8s-manifests',
  'kustomize', 'base', 'overlays', 'charts', 'helm', 'templates', 'infra', 'infrastructure', 'ops', 'release', 'releases', 'config',
  'prod', 'production', 'staging', 'stage', 'dev', 'development', 'test', 'qa', 'local', 'cf', 'cloudfoundry',
]);

/**
 * A manifest whose image matches no build in the workspace deploys the project it sits in: its
 * folder, above the deployment folders (`shop/k8s/api.yaml` → `shop`). It is a guess, so a manifest
 * linked by its image wins over it, and nothing is reported unused from it.
 */
function guess(service: ScopedService): void {
  let dir = path.dirname(service.file);
  while (DEPLOYMENT_FOLDERS.has(path.basename(dir).toLowerCase()) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  service.scope = [dir];
  service.guessed = true;
}

/**
 * Of the builds an image name matches, those nearest the manifest (sharing the deepest folder with
 * it): in a monorepo, `deploy/orders.yaml` in `shop/` runs `shop/orders`, not `legacy/orders`.
 */
function nearest(file: string, candidates: string[][]): string[] {
  const depth = (folders: string[]) => Math.max(...folders.map((f) => sharedDepth(file, f)));
  const best = Math.max(...candidates.map(depth));
  return candidates.filter((c) => depth(c) === best).flat();
}

function sharedDepth(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** The last path segment of an image's repository, lower case (`ghcr.io/acme/orders:1.2` → `orders`); undefined when templated. */
export function shortImageName(image: string): string | undefined {
  if (/[${}]/.test(image)) return undefined;
  const name = parseImageReference(image.trim()).name;
  const last = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  return last || undefined;
}

/** True when a provider applies to code in a file. */
export function inScope(service: ScopedService, filePath: string): boolean {
  if (!service.scope) return false;
  return service.scope === 'workspace' || service.scope.some((folder) => isInsideFolder(folder, filePath));
}

/**
 * The services of a contract by the folders of their scope, so that the services that apply to a file
 * are found from the file's own path, whatever the number of services: an audit asks this for every
 * read, and every service asks which reads it holds, which over a large workspace would be quadratic.
 * It answers as {@link inScope} does, in the order of the services.
 */
export class ScopeIndex {
  private readonly byFolder = new Map<string, number[]>();
  private readonly everywhere: number[] = [];
  private readonly grouped = new WeakMap<readonly unknown[], Map<ScopedService, unknown[]>>();

  constructor(private readonly services: readonly ScopedService[]) {
    services.forEach((s, i) => {
      if (s.scope === 'workspace') this.everywhere.push(i);
      else for (const folder of new Set(s.scope)) pushTo(this.byFolder, folder, i);
    });
  }

  /** The services whose scope holds the file (as {@link inScope} decides), in their order. */
  servicesOf(filePath: string): ScopedService[] {
    const hits = [...this.everywhere];
    // A folder holds the file when it is the file, or a prefix of it that ends just before or just after a separator.
    const add = (folder: string) => { for (const i of this.byFolder.get(folder) ?? []) hits.push(i); };
    add(filePath);
    for (let at = filePath.indexOf(path.sep); at >= 0; at = filePath.indexOf(path.sep, at + 1)) {
      add(filePath.slice(0, at));
      add(filePath.slice(0, at + 1));
    }
    return [...new Set(hits)].sort((a, b) => a - b).map((i) => this.services[i]);
  }

  /** The paths, or the items with a `file`, of a list that lie in the scope of a service, in the list's order (grouped once per list). */
  inScopeOf<T extends string | { file: string }>(service: ScopedService, items: readonly T[]): T[] {
    let groups = this.grouped.get(items) as Map<ScopedService, T[]> | undefined;
    if (!groups) {
      groups = new Map();
      for (const item of items) {
        for (const s of this.servicesOf(typeof item === 'string' ? item : item.file)) pushTo(groups, s, item);
      }
      this.grouped.set(items, groups);
    }
    return groups.get(service) ?? [];
  }
}

/** Adds a value to the list of a key in a map of lists. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
