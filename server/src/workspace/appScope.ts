import * as path from 'node:path';
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
    const topA = topFolder(root, a);
    const topB = topFolder(root, b);
    return topA === undefined || topB === undefined || topA === topB;
  }

  private repositoryOf(file: string): string | undefined {
    return this.repositoryOfFolder(path.dirname(path.resolve(file)));
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
