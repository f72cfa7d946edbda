import * as path from 'node:path';
import { parseImageReference } from '../../analysis/imageReference';
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

/** Backing-service families: the image names that run them, the URL schemes and name words that ask for them, their port. */
const FAMILIES: { family: string; images: RegExp; schemes: string[]; words: string[]; port: number }[] = [
  { family: 'postgres', images: /^(postgres|postgis|timescaledb(-ha)?|pgvector|bitnami-postgresql|postgresql)$/, schemes: ['postgres', 'postgresql', 'jdbc:postgresql'], words: ['POSTGRES', 'POSTGRESQL', 'PG', 'PGHOST'], port: 5432 },
  { family: 'mysql', images: /^(mysql|mariadb|percona|percona-server|mysql-server)$/, schemes: ['mysql', 'mariadb', 'jdbc:mysql', 'jdbc:mariadb'], words: ['MYSQL', 'MARIADB'], port: 3306 },
  { family: 'mongodb', images: /^(mongo|mongodb|mongodb-community-server)$/, schemes: ['mongodb', 'mongodb+srv'], words: ['MONGO', 'MONGODB'], port: 27017 },
  { family: 'redis', images: /^(redis|redis-stack|redis-stack-server|valkey|keydb)$/, schemes: ['redis', 'rediss'], words: ['REDIS'], port: 6379 },
  { family: 'rabbitmq', images: /^rabbitmq$/, schemes: ['amqp', 'amqps'], words: ['RABBIT', 'RABBITMQ', 'AMQP'], port: 5672 },
  { family: 'kafka', images: /^(kafka|cp-kafka|redpanda)$/, schemes: ['kafka'], words: ['KAFKA'], port: 9092 },
  { family: 'elasticsearch', images: /^(elasticsearch|opensearch)$/, schemes: [], words: ['ELASTIC', 'ELASTICSEARCH', 'OPENSEARCH'], port: 9200 },
  { family: 'memcached', images: /^memcached$/, schemes: ['memcached'], words: ['MEMCACHE', 'MEMCACHED'], port: 11211 },
  { family: 'nats', images: /^nats$/, schemes: ['nats'], words: ['NATS'], port: 4222 },
];

/** The backing-service family a service's image runs (`postgres:16` → `postgres`), if any. */
export function imageFamily(service: Workload): string | undefined {
  const image = service.containers[0]?.image?.text;
  if (!image) return undefined;
  const last = parseImageReference(image).name.split('/').pop()!.toLowerCase();
  return FAMILIES.find((f) => f.images.test(last))?.family;
}

/** The family a URL scheme asks for (`postgresql` → `postgres`). */
export function schemeFamily(scheme: string): string | undefined {
  return FAMILIES.find((f) => f.schemes.includes(scheme.toLowerCase()))?.family;
}

/** The family a variable name asks for through one of its words (`REDIS_HOST` → `redis`). */
export function nameFamily(name: string): string | undefined {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/);
  return FAMILIES.find((f) => f.words.some((w) => words.includes(w)))?.family;
}

/** The container ports a service listens on: its `ports:` and `expose:`, and its image family's usual port. */
export function servedPorts(service: Workload): Set<number> {
  const ports = new Set(service.containers.flatMap((c) => c.ports.map((p) => p.port)));
  const family = FAMILIES.find((f) => f.family === imageFamily(service));
  if (family) ports.add(family.port);
  return ports;
}
