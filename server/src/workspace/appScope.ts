import * as path from 'node:path';
import { repositoryRoot, type ReadText } from './gitignore';
import { isInsideFolder } from './paths';

/**
 * Which files of a workspace belong to one app, for cross-file rules that compare files (a
 * development compose file with the production manifests). Files of one git repository do; without
 * a repository, files under the same top-level folder of the workspace do, and a file at the top
 * of the workspace relates to every other (a workspace holding several checked-out projects side
 * by side, as a corpus of samples does, compares each project only with itself).
 */
export class AppScope {
  private readonly repositories = new Map<string, string | undefined>();

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
    const topA = topFolder(root, a);
    const topB = topFolder(root, b);
    return topA === undefined || topB === undefined || topA === topB;
  }

  private repositoryOf(file: string): string | undefined {
    const dir = path.dirname(path.resolve(file));
    if (!this.repositories.has(dir)) this.repositories.set(dir, repositoryRoot(dir, this.readText));
    return this.repositories.get(dir);
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
