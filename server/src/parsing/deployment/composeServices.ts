import * as path from 'node:path';
import { familyOfImage, familyPort } from '../../analysis/backingServiceImages';
import { get } from '../yaml/yamlNodes';
import type { Workload } from './deploymentModel';
import { hasNameWord } from '../../analysis/nonProduction';

// Words in a compose file's name, or names of its folder, that mark it as a developer's or a test
// run's set-up rather than a release: `docker-compose.dev.yml`, `compose.override.yaml` (merged by
// `docker compose up` on a developer's machine), `compose.local.yml`, `docker-compose.test.yml`, `dev/compose.yaml`.
const NON_PRODUCTION_FOLDERS = new Set(['dev', 'development', 'local', '.devcontainer', 'test', 'tests', 'e2e']);

/**
 * True for a compose file meant for development, local runs or tests. Rules about releases
 * (scaling, state on the host, floating tags) skip these: the file never describes a deploy.
 */
export function isNonProductionComposeFile(filePath: string): boolean {
  const normalized = filePath.replace(/\\/g, '/');
  if (hasNameWord(normalized)) return true;
  // Only the file's own folder: folders further up may lie outside the project (`/home/dev/…`).
  return NON_PRODUCTION_FOLDERS.has(path.posix.basename(path.posix.dirname(normalized)).toLowerCase());
}

/** True when compose builds the service's image from the project (`build:`), so it is the app, not a pulled dependency. */
export function isBuiltFromProject(service: Workload): boolean {
  return get(service.node, 'build') !== undefined;
}

/** The backing-service family a service's image runs (`postgres:16` → `postgres`), if any. */
export function imageFamily(service: Workload): string | undefined {
  const image = service.containers[0]?.image?.text;
  return image ? familyOfImage(image) : undefined;
}

/** The container ports a service listens on: its `ports:` and `expose:`, and its image family's usual port. */
export function servedPorts(service: Workload): Set<number> {
  const ports = new Set(service.containers.flatMap((c) => c.ports.map((p) => p.port)));
  const port = familyPort(imageFamily(service));
  if (port !== undefined) ports.add(port);
  return ports;
}
