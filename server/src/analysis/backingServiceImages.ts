import { parseImageReference } from './imageReference';

/**
 * Which container images are backing services (databases, caches, queues, search, object stores)
 * rather than the app, and which family each runs (its URL schemes, variable names and port).
 * Their job is to keep state, and they scale by their own clustering rather
 * than by adding replicas. Shared by every rule that treats such images differently (a Dockerfile
 * VOLUME, a single-replica Deployment), so they agree.
 */
const BACKING_SERVICE_IMAGES = new Set([
  'postgres', 'postgresql', 'postgis', 'timescaledb', 'mysql', 'mariadb', 'percona', 'percona-server', 'mongo', 'mongodb',
  'redis', 'redis-stack', 'valkey', 'keydb', 'memcached', 'elasticsearch', 'opensearch', 'cassandra', 'scylla', 'rabbitmq',
  'couchdb', 'couchbase', 'neo4j', 'influxdb', 'zookeeper', 'kafka', 'cp-kafka', 'nats', 'etcd', 'clickhouse-server',
  'clickhouse', 'minio', 'solr', 'mssql-server', 'cockroach', 'arangodb', 'consul', 'vault', 'registry', 'nexus3',
]);

/**
 * True when an image reference names a backing service: its last path segment, without tag or
 * digest, is a known one, also as a sample's role variant (`gb-redis-follower`, `redis-slave`,
 * `mysql-server`).
 */
export function isBackingServiceImage(image: string): boolean {
  const name = parseImageReference(image).name.split('/').pop()!.toLowerCase();
  if (BACKING_SERVICE_IMAGES.has(name)) return true;
  const core = name.replace(/^gb-/, '').replace(/-?(master|slave|leader|follower|primary|replica|server|cluster)$/, '');
  return BACKING_SERVICE_IMAGES.has(core);
}

// The server programs of backing services, for images that build one on a generic base (the official
// mongo image starts `mongod` on ubuntu or windowsservercore).
const BACKING_SERVICE_PROGRAMS = /^(mongod|mongos|mysqld|mariadbd|postgres|postmaster|redis-server|valkey-server|keydb-server|rabbitmq-server|memcached|elasticsearch|opensearch|etcd|nats-server|kafka-server-start(\.sh)?|zookeeper-server-start(\.sh)?|clickhouse-server|influxd|cassandra|consul|vault|minio|neo4j|couchdb|solr)$/;

/** True when a program (a path, with or without `.exe`) is a backing service's server (`mongod`, `/usr/sbin/mysqld`). */
export function isBackingServiceProgram(program: string): boolean {
  return BACKING_SERVICE_PROGRAMS.test(program.split(/[\\/]/).pop()!.replace(/\.exe$/i, '').toLowerCase());
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

/** The backing-service family an image runs (`postgres:16` → `postgres`, `bitnami/redis` → `redis`), if any. */
export function familyOfImage(image: string): string | undefined {
  if (imageFamilies.has(image)) return imageFamilies.get(image);
  const last = parseImageReference(image).name.split('/').pop()!.toLowerCase();
  return remember(imageFamilies, image, FAMILIES.find((f) => f.images.test(last))?.family);
}

// A manifest names the same images and variables in every version the editor lints: each answer is kept.
const MAX_REMEMBERED = 10_000;
const imageFamilies = new Map<string, string | undefined>();
const nameFamilies = new Map<string, string | undefined>();

function remember(answers: Map<string, string | undefined>, question: string, answer: string | undefined): string | undefined {
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(question, answer);
  return answer;
}

/** The usual port of a family's service (`postgres` → 5432). */
export function familyPort(family: string | undefined): number | undefined {
  return FAMILIES.find((f) => f.family === family)?.port;
}

/** The family a URL scheme asks for (`postgresql` → `postgres`). */
export function schemeFamily(scheme: string): string | undefined {
  return FAMILIES.find((f) => f.schemes.includes(scheme.toLowerCase()))?.family;
}

/** The family a variable name asks for through one of its words (`REDIS_HOST` → `redis`). */
export function nameFamily(name: string): string | undefined {
  if (nameFamilies.has(name)) return nameFamilies.get(name);
  // The first family (in FAMILIES' order) that any word of the name asks for.
  let first = FAMILIES.length;
  for (const word of name.toUpperCase().split(/[^A-Z0-9]+/)) {
    // Glued names count too: REDISHOST, MYSQLADDR, MONGOURL (the Memorystore and Cloud SQL samples write them so).
    const glued = word.replace(/(HOST|HOSTNAME|ADDR|ADDRESS|URL|URI|SERVER|SERVERS|PORT)$/, '');
    first = Math.min(first, FAMILY_OF_WORD.get(word) ?? first, FAMILY_OF_WORD.get(glued) ?? first);
  }
  return remember(nameFamilies, name, FAMILIES[first]?.family);
}

/** Each name word's family, as its index in FAMILIES (the first family that lists it). */
const FAMILY_OF_WORD = new Map<string, number>();
FAMILIES.forEach((f, index) => f.words.forEach((w) => FAMILY_OF_WORD.has(w) || FAMILY_OF_WORD.set(w, index)));

/** Image names that run one product under another name; versions compare within a product. */
const PRODUCT_ALIASES: Record<string, string> = {
  postgresql: 'postgres', 'bitnami-postgresql': 'postgres', 'mysql-server': 'mysql', mongodb: 'mongo',
  'mongodb-community-server': 'mongo', 'redis-stack-server': 'redis-stack',
};

/**
 * The backing-service product an image runs and the major version its tag names, or undefined
 * when it is no backing service or its tag names no version (`latest`, `alpine`, a variable).
 * Products are compared by image name, not family: MariaDB 10 and MySQL 8 number apart, as do
 * Valkey and Redis. PostgreSQL before 10 counted its major in two parts (`9.6`).
 */
export function serviceVersion(image: string): { product: string; major: string } | undefined {
  const reference = parseImageReference(image);
  const last = reference.name.split('/').pop()!.toLowerCase();
  if (!familyOfImage(image) || reference.tag === undefined || /[${}]/.test(image)) return undefined;
  // A `v1` tag is an image's own numbering (`registry.k8s.io/redis:v1`), not the product's release.
  const version = /^(\d+)(?:\.(\d+))?/.exec(reference.tag);
  if (!version) return undefined;
  const product = PRODUCT_ALIASES[last] ?? last;
  const major = product === 'postgres' && Number(version[1]) < 10 && version[2] !== undefined ? `${version[1]}.${version[2]}` : version[1];
  return { product, major };
}
