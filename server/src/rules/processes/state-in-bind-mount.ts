import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel, Mount } from '../../parsing/deployment/deploymentModel';
import { isBuiltFromProject, isNonProductionComposeFile } from '../../parsing/deployment/composeServices';

// Folder names that hold what an app writes and keeps: uploads, user files, embedded databases, sessions
// (not `db`: Rails and many apps keep migrations and models, that is source code, there).
const DATA_FOLDERS = new Set([
  'data', 'appdata', 'userdata', 'user-data', 'uploads', 'upload', 'media', 'storage', 'files', 'userfiles',
  'attachments', 'sessions', 'state', 'sqlite', 'persist', 'persistent',
]);
const DATA_FILE = /\.(db|sqlite|sqlite3)$/i;
// A database server's own data folder: the service is a backing service built from the project, not the app.
const DATABASE_SERVER_DIR = /^\/(var\/lib\/(mysql|postgresql|mongodb|redis|rabbitmq|clickhouse|cassandra)|data\/db|bitnami|usr\/share\/elasticsearch\/data)(\/|$)/;

/** An app service (built from the project) that keeps data in a bind mount of a host folder. */
export default defineRule<DeploymentModel>({
  id: 'processes/state-in-bind-mount',
  factor: 'processes',
  kinds: ['compose'],
  defaultSeverity: 'info',
  description: 'App services (build:) with bind mounts for data paths (not source mounts for live reload).',
  rationale: 'Processes are stateless and share nothing; data an app writes belongs in a backing service, not on one host.',
  messages: {
    dataMount: 'The "{{service}}" app writes {{target}} to the host folder {{source}}: that state lives on one machine and is lost or split when the service moves or scales; keep it in a backing service (a database, object storage).',
  },
  fixable: false,
  check(model, ctx) {
    if (isNonProductionComposeFile(ctx.file.path)) return;
    for (const service of model.workloads) {
      if (!isBuiltFromProject(service)) continue;
      for (const mount of service.containers[0]?.mounts ?? []) {
        if (!mount.hostPath || mount.readOnly || !mount.target || !mount.source || !holdsData(mount)) continue;
        ctx.report({ messageId: 'dataMount', data: { service: service.name, target: mount.target, source: mount.source }, at: mount.span });
      }
    }
  },
});

/**
 * A mount for data: a data-named folder or a database file on the container side (`/app/uploads`,
 * `/srv/app.db`), or a data-named host folder mounted at the app's own folder (`./data:/var/app`).
 * Source folders (`./src:/app/src`), config files, sockets and a database server's own folder are not.
 */
function holdsData(mount: Mount): boolean {
  const target = mount.target!;
  if (DATABASE_SERVER_DIR.test(target) || target.startsWith('/etc/') || target.startsWith('/var/run/') || target.startsWith('/run/')) return false;
  const isData = (p: string) => DATA_FILE.test(p) || p.split('/').some((segment) => DATA_FOLDERS.has(segment.toLowerCase()));
  const sourceFolder = mount.source!.replace(/\/+$/, '').split('/').pop() ?? '';
  return isData(target) || DATA_FOLDERS.has(sourceFolder.toLowerCase()) || DATA_FILE.test(sourceFolder);
}
