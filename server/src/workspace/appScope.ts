import * as path from 'node:path';
import type { WorkspaceFiles } from '../engine/types';
import type { ReadText } from './gitignore';
import { isInsideFolder } from './paths';

/** Build and dependency manifests: the files that mark one app's folder. */
export const BUILD_MANIFESTS = ['package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'Pipfile', 'manage.py', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'go.mod', 'Gemfile'];

/** Files that mark a folder as one project's root: build manifests, deployment files, a `.gitignore`. */
const PROJECT_MARKERS = [...BUILD_MANIFESTS, 'Dockerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml', 'Procfile', 'manifest.yml', '.gitignore'];

/**
 * Which files of a workspace belong to one app, for cross-file rules that compare files (a
 * development compose file with the production manifests). Files of one git repository do. Without a
 * repository, a workspace folder that is a project itself (it holds a build manifest, a deployment
 * file or a `.gitignore`) is one app; one that only gathers projects side by side (as a corpus of
 * samples does) relates the files under each top-level folder, and a file at its top to every other.
 */
export class AppScope {
  private readonly repositories = new Map<string, string | undefined>();
  /** {@link repositories} by file, and each file's top folder: every file of a workspace is asked about often. */
  private readonly fileRepositories = new Map<string, string | undefined>();
  private readonly topFolders = new Map<string, string | undefined>();
  private readonly appFolders = new Map<string, string | undefined>();
  private rootIsProject: boolean | undefined;

  constructor(
    private readonly root: string | undefined,
    private readonly readText: ReadText,
  ) {}

  /** True when two files (absolute paths) belong to one app. */
  related(a: string, b: string): boolean {
    const repoA = this.repositoryOf(a);
    const repoB = this.repositoryOf(b);
    if (repoA !== undefined || repoB !== undefined) return repoA === repoB;
    const root = this.root;
    if (root === undefined || !isInsideFolder(root, a) || !isInsideFolder(root, b)) return true;
    this.rootIsProject ??= PROJECT_MARKERS.some((m) => this.readText(path.join(root, m)) !== undefined);
    if (this.rootIsProject) return true;
    const topA = this.topFolderOf(a);
    const topB = this.topFolderOf(b);
    return topA === undefined || topB === undefined || topA === topB;
  }

  /**
   * What {@link related} says of `file` for every other file: two files with the same relation are
   * related to the same files (a key to share what is derived from the relation).
   */
  relationOf(file: string): string {
    const root = this.root;
    const inside = root !== undefined && isInsideFolder(root, file);
    return JSON.stringify([this.repositoryOf(file), inside, inside ? this.topFolderOf(file) : undefined]);
  }

  /** The nearest folder at or above a file's that holds a build or dependency manifest, up to the workspace root. */
  appFolderOf(file: string): string | undefined {
    return this.appFolderAt(path.dirname(path.resolve(file)));
  }

  private appFolderAt(dir: string): string | undefined {
    if (this.appFolders.has(dir)) return this.appFolders.get(dir);
    let found: string | undefined;
    if (BUILD_MANIFESTS.some((m) => this.readText(path.join(dir, m)) !== undefined)) found = dir;
    else if (!((this.root !== undefined && dir === path.resolve(this.root)) || path.dirname(dir) === dir)) found = this.appFolderAt(path.dirname(dir));
    this.appFolders.set(dir, found);
    return found;
  }

  private repositoryOf(file: string): string | undefined {
    if (this.fileRepositories.has(file)) return this.fileRepositories.get(file);
    const found = this.repositoryOfFolder(path.dirname(path.resolve(file)));
    this.fileRepositories.set(file, found);
    return found;
  }

  private topFolderOf(file: string): string | undefined {
    if (this.topFolders.has(file)) return this.topFolders.get(file);
    const found = topFolder(this.root!, file);
    this.topFolders.set(file, found);
    return found;
  }

  /** The nearest folder at or above `dir` that holds `.git`, each folder looked at once (memoized up the chain). */
  private repositoryOfFolder(dir: string): string | undefined {
    if (this.repositories.has(dir)) return this.repositories.get(dir);
    const parent = path.dirname(dir);
    const hasGit = this.readText(path.join(dir, '.git', 'HEAD')) !== undefined || this.readText(path.join(dir, '.git')) !== undefined;
    const found = hasGit ? dir : parent === dir ? undefined : this.repositoryOfFolder(parent);
    this.repositories.set(dir, found);
    return found;
  }
}

const sharedScopes = new WeakMap<WorkspaceFiles, Map<string, AppScope>>();

/**
 * The app scope of a workspace root, reading through `files`. Over a snapshot (the audit's reads) one
 * scope per root is shared by every file's rules, so that each folder is looked at once per audit;
 * over live reads (the language server), a new one, so that a new `.git` or `package.json` counts at once.
 */
export function appScopeFor(root: string | undefined, files: WorkspaceFiles): AppScope {
  if (!files.snapshot) return new AppScope(root, (p) => files.readText(p));
  let byRoot = sharedScopes.get(files);
  if (!byRoot) sharedScopes.set(files, (byRoot = new Map()));
  const key = root ?? '';
  let scope = byRoot.get(key);
  if (!scope) byRoot.set(key, (scope = new AppScope(root, (p) => files.readText(p))));
  return scope;
}

/** The first folder below `root` on the way to `file`, or undefined for a file directly in `root`. */
function topFolder(root: string, file: string): string | undefined {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/**
 * True when the folder of one file holds the other (`docker-compose.yml` at the top and `k8s/db.yaml`
 * below it, or two files side by side): the closer relation of files that describe one deployment.
 * Sibling folders (`samples/a/`, `samples/b/`) are not related this way, since they are often apps of their own.
 */
export function oneFolderHoldsTheOther(a: string, b: string): boolean {
  const dirA = path.dirname(path.resolve(a));
  const dirB = path.dirname(path.resolve(b));
  return isInsideFolder(dirA, dirB) || isInsideFolder(dirB, dirA);
}
