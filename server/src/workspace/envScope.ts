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
  /** The folders of the code it runs, or undefined when it runs no code of the workspace (a pulled postgres image). */
  scope?: string[];
  /** The scope is the manifest's project folder, not a build its image matches (see {@link resolveScopes}). */
  guessed?: boolean;
  /** A guess whose folder holds several deployable apps: which one it runs is unclear, so it may provide anything there. */
  unclear?: boolean;
}

/**
 * Links each provider to the code it deploys (see docs/env-contract.md): a compose `build:` context,
 * a CF `path:`, the folder of a Dockerfile, Procfile, `.env` file or Spring module, and the context
 * of a compose service that builds a Dockerfile elsewhere. A Kubernetes workload, a CF docker app or a
 * compose service that only pulls an image gets the folders of the images built in the workspace that
 * it runs (see {@link sameImage}: `registry/team/orders:1.2` ↔ a compose service building
 * `team/orders`, or `orders/Dockerfile`).
 * An unmatched Kubernetes workload applies to the project its manifest sits in; an unmatched compose
 * image is a dependency, not the workspace's code.
 */
export function resolveScopes(services: ScopedService[]): void {
  const resolver = new ScopeResolver(services);
  for (const s of services) resolver.resolve(s);
}

/**
 * What {@link resolveScopes} reads of all the services, indexed once, so that each service resolves
 * in time independent of the workspace's size: the images built here by name, the compose services
 * that build each Dockerfile, and how many apps each folder holds. A service that adds nothing of
 * these (a Kubernetes workload) can be resolved against the resolver of the other services.
 */
export class ScopeResolver {
  private readonly built: { image: ImageRepository; folders: string[] }[] = [];
  private readonly builtByName = new Map<string, number[]>();
  private readonly contextsOf = new Map<string, string[]>();
  /** How many distinct apps each folder holds (counted up to 2). */
  private readonly appsUnder = new Map<string, number>();

  constructor(services: readonly ScopedService[]) {
    for (const s of services) {
      const image = s.platform === 'compose' && s.builtImage ? imageRepository(s.builtImage) : s.platform === 'dockerfile' && s.folders ? folderImage(s.folders[0]) : undefined;
      if (image && s.folders) {
        pushTo(this.builtByName, image.name, this.built.length);
        this.built.push({ image, folders: s.folders });
      }
      // A Dockerfile also deploys the context of every compose service that builds it.
      if (s.platform === 'compose' && s.dockerfiles && s.folders) {
        for (const dockerfile of new Set(s.dockerfiles)) this.contextsOf.set(dockerfile, [...(this.contextsOf.get(dockerfile) ?? []), ...s.folders]);
      }
    }
    const apps = new Set(services.filter((s) => s.folders && DEPLOYABLE.has(s.platform)).map((s) => s.folders![0]));
    for (const app of apps) for (const folder of foldersHolding(app)) this.appsUnder.set(folder, Math.min(2, (this.appsUnder.get(folder) ?? 0) + 1));
  }

  /** Sets a service's scope (and whether it is a guess, and an unclear one). */
  resolve(s: ScopedService): void {
    if (s.folders) {
      const contexts = s.platform === 'dockerfile' ? (this.contextsOf.get(s.file) ?? []) : [];
      s.scope = [...new Set([...s.folders, ...contexts])];
    } else if (s.images?.length) {
      const runs = s.images.map(imageRepository).filter((i): i is ImageRepository => i !== undefined);
      const candidates = [...new Set(runs.flatMap((r) => this.builtByName.get(r.name) ?? []))].sort((a, b) => a - b).map((i) => this.built[i]);
      const matched = nearest(s.file, candidates.filter((b) => runs.some((r) => sameImage(r, b.image))).map((b) => b.folders));
      if (matched.length) s.scope = [...new Set(matched)];
      else if (!s.thirdParty && s.platform !== 'compose') guess(s);
    } else if (!s.thirdParty) {
      guess(s);
    }
    // A guess over several apps (each with its own Dockerfile, Procfile, CF path or Spring module) cannot say which it runs.
    if (s.guessed && (this.appsUnder.get(s.scope![0]) ?? 0) > 1) s.unclear = true;
  }
}

/** Every folder that holds a path as {@link isInsideFolder} decides: the path itself, and each prefix ending before or after a separator. */
function foldersHolding(filePath: string): string[] {
  const folders = [filePath];
  for (let at = filePath.indexOf(path.sep); at >= 0; at = filePath.indexOf(path.sep, at + 1)) folders.push(filePath.slice(0, at), filePath.slice(0, at + 1));
  return folders;
}

/** Files that make their folder an app of its own. */
const DEPLOYABLE = new Set<ScopedService['platform']>(['dockerfile', 'procfile', 'compose', 'cloudfoundry', 'spring']);

/** An image's repository as the env contract compares it. */
export interface ImageRepository {
  /** The repository path without registry host, tag or digest, lower case (`acme/orders`); a folder's name for a Dockerfile. */
  path: string;
  /** Its last segment (`orders`). */
  name: string;
  /** Known only by a folder's name (a Dockerfile), not by a written image name. */
  fromFolder?: boolean;
  /**
   * A Docker Hub official image, written with a tag or `library/` (`ubuntu:22.04`, `mysql:latest`,
   * `docker.io/library/alpine`): upstream's, never a folder's build. A bare untagged name (`frontend`,
   * as skaffold and kustomize write them) may be either.
   */
  official?: boolean;
}

/**
 * The repository of an image reference (`ghcr.io/acme/orders:1.4` → `acme/orders`), undefined when
 * templated. Docker Hub's implicit `library/` is dropped, so `docker.io/library/alpine` is `alpine`.
 */
export function imageRepository(image: string): ImageRepository | undefined {
  if (/[${}]/.test(image)) return undefined;
  const ref = parseImageReference(image.trim());
  let repo = (ref.registry ? ref.name.slice(ref.registry.length + 1) : ref.name).toLowerCase();
  const hub = !ref.registry || /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i.test(ref.registry);
  const library = hub && repo.startsWith('library/');
  if (library) repo = repo.slice('library/'.length);
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  if (!name) return undefined;
  const official = hub && !repo.includes('/') && (library || ref.tag !== undefined);
  return { path: repo, name, ...(official ? { official } : {}) };
}

/**
 * Folder names that say where code sits, not what image it builds (`app/Dockerfile`,
 * `docker/Dockerfile`): an image that ends in `app` is no evidence that it runs that folder.
 */
const GENERIC_FOLDERS = new Set(['app', 'apps', 'application', 'src', 'source', 'code', 'docker', 'dockerfiles', 'build', 'image', 'images', 'container', 'containers', 'generic', 'main', 'default', '.devcontainer']);

/** The image a Dockerfile's folder names, unless the name is generic. */
function folderImage(folder: string): ImageRepository | undefined {
  const name = path.basename(folder).toLowerCase();
  return name && !GENERIC_FOLDERS.has(name) ? { path: name, name, fromFolder: true } : undefined;
}

/**
 * True when a deployed image is the one a build makes: the same repository path when both name one
 * (`acme/orders` is not `istio/orders`), else the same last segment; an official image
 * (`mysql:8.0`) is never the build of a folder that happens to be called `mysql`.
 */
export function sameImage(deployed: ImageRepository, build: ImageRepository): boolean {
  if (build.fromFolder && deployed.official) return false;
  if (deployed.path.includes('/') && build.path.includes('/')) return deployed.path === build.path;
  return deployed.name === build.name;
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

/** True when a provider applies to code in a file. */
export function inScope(service: ScopedService, filePath: string): boolean {
  if (!service.scope) return false;
  return service.scope.some((folder) => isInsideFolder(folder, filePath));
}

/**
 * The services of a contract by the folders of their scope, so that the services that apply to a file
 * are found from the file's own path, whatever the number of services: an audit asks this for every
 * read, and every service asks which reads it holds, which over a large workspace would be quadratic.
 * It answers as {@link inScope} does, in the order of the services.
 */
export class ScopeIndex {
  private readonly byFolder: Map<string, number[]>;
  /** Per list, its items by the position of the service whose scope holds them. */
  private readonly grouped: WeakMap<readonly unknown[], Map<number, unknown[]>>;
  private positions: Map<ScopedService, number> | undefined;

  constructor(private readonly services: readonly ScopedService[], same?: ScopeIndex) {
    if (same) {
      this.byFolder = same.byFolder;
      this.grouped = same.grouped;
      return;
    }
    this.byFolder = new Map();
    this.grouped = new WeakMap();
    services.forEach((s, i) => {
      for (const folder of new Set(s.scope)) pushTo(this.byFolder, folder, i);
    });
  }

  /** The same index over other service objects with the same scopes in the same order (a contract whose files moved). */
  withServices(services: readonly ScopedService[]): ScopeIndex {
    return new ScopeIndex(services, this);
  }

  /** The services whose scope holds the file (as {@link inScope} decides), in their order. */
  servicesOf(filePath: string): ScopedService[] {
    return this.positionsOf(filePath).map((i) => this.services[i]);
  }

  private positionsOf(filePath: string): number[] {
    const hits: number[] = [];
    for (const folder of foldersHolding(filePath)) for (const i of this.byFolder.get(folder) ?? []) hits.push(i);
    return [...new Set(hits)].sort((a, b) => a - b);
  }

  /** The paths, or the items with a `file`, of a list that lie in the scope of a service, in the list's order (grouped once per list). */
  inScopeOf<T extends string | { file: string }>(service: ScopedService, items: readonly T[]): T[] {
    let groups = this.grouped.get(items) as Map<number, T[]> | undefined;
    if (!groups) {
      groups = new Map();
      for (const item of items) {
        for (const i of this.positionsOf(typeof item === 'string' ? item : item.file)) pushTo(groups, i, item);
      }
      this.grouped.set(items, groups);
    }
    this.positions ??= new Map(this.services.map((s, i) => [s, i]));
    const at = this.positions.get(service);
    return (at !== undefined && groups.get(at)) || [];
  }
}

/** Adds a value to the list of a key in a map of lists. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
