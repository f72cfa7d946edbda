import { isBackingServiceImage, isBackingServiceProgram } from '../../analysis/backingServiceImages';
import { parseShell } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import { runtimeStages, type DockerfileModel, type SpannedValue } from '../../parsing/dockerfile/dockerfileModel';
import { startupOf } from '../../parsing/dockerfile/startupCommands';

// The data directories of backing services, for images that install one on a generic base.
const SERVICE_DATA_DIRS = [
  '/var/lib/postgresql', '/var/lib/mysql', '/var/lib/mongodb', '/data/db', '/var/lib/redis', '/var/lib/rabbitmq',
  '/usr/share/elasticsearch/data', '/var/lib/cassandra', '/var/lib/influxdb', '/var/lib/clickhouse', '/data/configdb',
];
// Scratch and kernel mounts, not application data (Spring Boot's `VOLUME /tmp` is the common case).
const SCRATCH_DIRS = ['/tmp', '/var/tmp', '/run', '/var/run', '/dev/shm', '/sys', '/proc'];

/** VOLUME that keeps application data in the container's host, outside any backing service. */
export default defineRule<DockerfileModel>({
  id: 'processes/volume-for-state',
  factor: 'processes',
  kinds: ['dockerfile'],
  defaultSeverity: 'info',
  description: 'VOLUME for application data, in an image that is not a database or other backing service.',
  rationale: 'Processes are stateless and share nothing; data that must survive belongs in a backing service.',
  messages: {
    volumeForState: 'VOLUME {{path}} keeps data beside the container, so the process is no longer stateless; store it in a backing service (database, object storage) instead.',
  },
  fixable: false,
  check(model, ctx) {
    const chain = runtimeStages(model);
    const base = chain[chain.length - 1]?.image.name ?? '';
    if (base.includes('$') || isBackingServiceImage(base)) return;
    // An image that starts a database server is itself the backing service, whatever its base.
    const startup = startupOf(model);
    if (startup && isBackingServiceProgram(startup.argv[startup.mainIndex]?.value ?? '')) return;
    for (const stage of chain) {
      for (const volume of stage.instructions) {
        if (volume.keyword !== 'VOLUME' || !volume.command) continue;
        const paths: SpannedValue[] = volume.command.form === 'exec'
          ? volume.command.items.map((item) => ({ value: item.value, span: { start: item.span.start + 1, end: item.span.end - 1 } }))
          : parseShell(volume.command.text, volume.command.span.start, model.escapeChar).commands.flatMap((c) => c.words);
        for (const path of paths) {
          if (!isScratchOrServiceData(path.value)) ctx.report({ messageId: 'volumeForState', data: { path: path.value }, at: path.span });
        }
      }
    }
  },
});

function isScratchOrServiceData(path: string): boolean {
  // Windows images write `C:\\data\\db`: compare it as `/data/db`.
  const normalized = path.replace(/^[A-Za-z]:(?=[\\/])/, '').replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  const under = (dir: string) => normalized === dir || normalized.startsWith(`${dir}/`);
  // A variable path cannot be judged from the Dockerfile alone.
  return normalized.includes('$') || SCRATCH_DIRS.some(under) || SERVICE_DATA_DIRS.some(under);
}
