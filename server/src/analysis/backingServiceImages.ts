import { parseImageReference } from './imageReference';

/**
 * Which container images are backing services (databases, caches, queues, search, object stores)
 * rather than the app: their job is to keep state, and they scale by their own clustering rather
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
