import * as path from 'node:path';
import { defineRule } from '../../engine/defineRule';
import { deploymentFacts } from '../../parsing/deployment/deploymentFacts';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { isNonProductionManifest } from '../../parsing/deployment/nonProductionManifest';
import type { FileKind } from '../../parsing/fileKind';
import { appScopeFor, oneFolderHoldsTheOther, type AppScope } from '../../workspace/appScope';
import type { ServiceImageFact } from '../../workspace/facts';

/** Another file's images of one product, all at one major version. */
interface Counterpart {
  path: string;
  kind: FileKind;
  images: ServiceImageFact[];
}

/**
 * The same backing service at different major versions across one app's deployment files: a
 * development compose file against the production one, compose against Kubernetes.
 */
export default defineRule<DeploymentModel>({
  id: 'dev-prod-parity/service-version-drift',
  factor: 'dev-prod-parity',
  kinds: ['compose', 'kubernetes'],
  defaultSeverity: 'warning',
  description: 'A backing service (postgres, mysql, redis, mongo, rabbitmq, kafka…) at a different major version than another deployment file of the same app runs.',
  rationale: 'Development and production use the same backing services at the same versions; a major version apart, what passes locally can fail in production.',
  messages: {
    versionDrift: '{{product}} {{major}} runs here ({{image}}), but {{other}} runs {{product}} {{otherMajor}} ({{otherImage}}): a major version apart, queries, commands and behaviour that work in one can fail in the other. Use the same major version in both.',
  },
  fixable: false,
  check(model, ctx) {
    const own = deploymentFacts(model, ctx.file).serviceImages ?? [];
    if (own.length === 0) return;
    const scope = appScopeFor(ctx.root, ctx.workspace);
    const rank = standing(ctx.file.path, model.platform);
    for (const product of new Set(own.map((i) => i.product))) {
      const mine = own.filter((i) => i.product === product);
      if (new Set(mine.map((i) => i.major)).size !== 1) continue;
      const compared = counterparts(product, ctx.file.path, ctx.index.entries(), scope)
        .filter((c) => reportsHere(rank, standing(c.path, c.kind), model.platform === c.kind, mine, c.images));
      // Where some file of the app runs this version too (one of two databases), the service is not known to drift.
      const other = compared.some((c) => c.images[0].major === mine[0].major) ? undefined : compared[0];
      if (!other) continue;
      const data = { product, major: mine[0].major, other: path.relative(path.dirname(ctx.file.path), other.path).split(path.sep).join('/'), otherMajor: other.images[0].major, otherImage: other.images[0].image };
      for (const image of mine) ctx.report({ messageId: 'versionDrift', data: { ...data, image: image.image }, at: image.span });
    }
  },
});

/** The related files (one's folder holding the other's, in one app) that run a product, each at a single major version, in path order. */
function counterparts(product: string, self: string, entries: Iterable<{ path: string; kind: FileKind; facts: { serviceImages?: ServiceImageFact[] } }>, scope: AppScope): Counterpart[] {
  const found: Counterpart[] = [];
  for (const entry of entries) {
    const images = entry.facts.serviceImages?.filter((i) => i.product === product) ?? [];
    if (entry.path === self || images.length === 0 || new Set(images.map((i) => i.major)).size !== 1) continue;
    if (!oneFolderHoldsTheOther(self, entry.path) || !scope.related(self, entry.path)) continue;
    found.push({ path: entry.path, kind: entry.kind, images });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** How close to a release a file stands: a development or test file, a compose file, a Kubernetes manifest. */
function standing(filePath: string, kind: FileKind): number {
  if (isNonProductionManifest(filePath, kind)) return 0;
  return kind === 'compose' ? 1 : 2;
}

/**
 * Whether this file, rather than the other, gets the finding: the one further from a release (a dev
 * compose file, not the production manifest), never two development files (a test matrix on purpose),
 * and on one platform only where a workload of the same name shows it is the same service (two
 * Kubernetes databases of one app may well differ).
 */
function reportsHere(rank: number, otherRank: number, samePlatform: boolean, mine: ServiceImageFact[], theirs: ServiceImageFact[]): boolean {
  if (rank === 0 && otherRank === 0) return false;
  if (rank > otherRank) return false;
  if (rank === otherRank && samePlatform) return mine.some((m) => theirs.some((t) => t.workload === m.workload));
  return true;
}
