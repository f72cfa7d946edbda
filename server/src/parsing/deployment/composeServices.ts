import { familyOfImage, familyPort } from '../../analysis/backingServiceImages';
import { get } from '../yaml/yamlNodes';
import type { Workload } from './deploymentModel';
import { isNonProductionFile } from '../../analysis/nonProduction';

/**
 * True for a compose file meant for development, local runs or tests (`docker-compose.dev.yml`,
 * `compose.override.yaml`, merged by `docker compose up` on a developer's machine, `dev/compose.yaml`).
 * Rules about releases (scaling, state on the host, floating tags) skip these: the file never describes a deploy.
 */
export function isNonProductionComposeFile(filePath: string): boolean {
  return isNonProductionFile(filePath);
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
