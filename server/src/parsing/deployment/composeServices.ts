import * as path from 'node:path';
import { familyOfImage, familyPort } from '../../analysis/backingServiceImages';
import { get, getPath, str } from '../yaml/yamlNodes';
import type { Mount, Workload } from './deploymentModel';
import { isNonProductionFile, LOCAL_DEVELOPMENT_WORDS } from '../../analysis/nonProduction';

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

/** The build context of a service, relative to the compose file (`build: ./api`, `build: { context: api }`). */
export function buildContext(service: Workload): string | undefined {
  const build = get(service.node, 'build');
  return build?.type === 'scalar' ? str(build) : str(get(build, 'context'));
}

/**
 * True for a service set up for a developer's machine inside a file that is not named so: its image
 * is built for a development target (`target: dev`), or it bind-mounts its own build context (the
 * source tree mounted for live reload, `.:/app`, `./backend/src:/code/src`).
 */
export function isDevelopmentService(service: Workload): boolean {
  const target = str(getPath(service.node, 'build', 'target'));
  if (target !== undefined && LOCAL_DEVELOPMENT_WORDS.has(target.toLowerCase())) return true;
  const context = buildContext(service);
  if (context === undefined || /^[a-z][\w+.-]*:\/\//i.test(context)) return false;
  const root = path.posix.normalize(context.replace(/\\/g, '/'));
  return (service.containers[0]?.mounts ?? []).some((m) => {
    // Config files mounted into /etc and data folders are no source tree.
    if (!m.hostPath || !m.source || !m.target || holdsData(m) || /^\/(etc|run|var\/run)\//.test(m.target)) return false;
    const source = path.posix.normalize(m.source.replace(/\\/g, '/'));
    return root === '.' ? !source.startsWith('..') && !source.startsWith('/') : source === root || source.startsWith(`${root}/`);
  });
}

// Folder names that hold what an app writes and keeps: uploads, user files, embedded databases, sessions
// (not `db`: Rails and many apps keep migrations and models, that is source code, there).
const DATA_FOLDERS = new Set([
  'data', 'appdata', 'userdata', 'user-data', 'uploads', 'upload', 'media', 'storage', 'files', 'userfiles',
  'attachments', 'sessions', 'state', 'sqlite', 'persist', 'persistent',
]);
const DATA_FILE = /\.(db|sqlite|sqlite3)$/i;
// A database server's own data folder: the service is a backing service built from the project, not the app.
const DATABASE_SERVER_DIR = /^\/(var\/lib\/(mysql|postgresql|mongodb|redis|rabbitmq|clickhouse|cassandra)|data\/db|bitnami|usr\/share\/elasticsearch\/data)(\/|$)/;

/**
 * A mount for data: a data-named folder or a database file on the container side (`/app/uploads`,
 * `/srv/app.db`), or a data-named host folder mounted at the app's own folder (`./data:/var/app`).
 * Source folders (`./src:/app/src`), config files, sockets and a database server's own folder are not.
 */
export function holdsData(mount: Mount): boolean {
  const target = mount.target!;
  if (DATABASE_SERVER_DIR.test(target) || target.startsWith('/etc/') || target.startsWith('/var/run/') || target.startsWith('/run/')) return false;
  const isData = (p: string) => DATA_FILE.test(p) || p.split('/').some((segment) => DATA_FOLDERS.has(segment.toLowerCase()));
  const sourceFolder = mount.source!.replace(/\/+$/, '').split('/').pop() ?? '';
  return isData(target) || DATA_FOLDERS.has(sourceFolder.toLowerCase()) || DATA_FILE.test(sourceFolder);
}
