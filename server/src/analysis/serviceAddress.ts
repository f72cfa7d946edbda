/**
 * The one reading of backing-service addresses: which URLs point at a database, cache or queue, and
 * which hosts name one environment. Rules about baked-in, hard-coded or localhost service addresses
 * (Dockerfile ENV, compose, Cloud Foundry, Spring, code) share it, so they agree on the same value.
 */

// Schemes of databases, caches and queues; `+` variants (mongodb+srv, postgresql+psycopg) share the first part.
const SERVICE_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'redis', 'rediss', 'amqp', 'amqps', 'kafka', 'nats', 'memcached',
]);
// Embedded JDBC databases live inside the process, so they are no backing service.
const EMBEDDED_JDBC = new Set(['h2', 'hsqldb', 'derby', 'sqlite']);
// Host labels that tie an address to one environment (api.prod.example.com, db-staging).
const ENVIRONMENT_LABELS = new Set(['prod', 'production', 'staging', 'stage', 'stg', 'qa', 'uat', 'preprod']);

/** The scheme (lower case; JDBC and R2DBC keep `jdbc:sub`, `r2dbc:sub`) and first host of an address. */
export interface ServiceAddress {
  scheme?: string;
  host: string;
}

/**
 * Splits `scheme://user@host:port/path` (or a bare `host:port`) into its scheme and first host.
 * Undefined for values that are not addresses.
 */
export function parseAddress(value: string): ServiceAddress | undefined {
  // Oracle's thin driver writes `jdbc:oracle:thin:@host:1521:SID` or `…:@//host:1521/service`.
  const oracle = /^jdbc:oracle:\w+:[^@\s]*@(?:\/\/)?([^:/?\s]+)/i.exec(value.trim());
  if (oracle) return { scheme: 'jdbc:oracle', host: oracle[1] };
  const match = /^(?:((?:jdbc:|r2dbc:(?:pool:)?)?[a-z][a-z0-9+.-]*):\/\/)?(?:[^@/\s]*@)?([^/:?#,;\s]*)/i.exec(value.trim());
  if (!match || !match[2]) return undefined;
  if (!match[1] && !/^[a-z0-9.-]+(:\d+)?$/i.test(value.trim())) return undefined;
  return { scheme: match[1]?.toLowerCase(), host: match[2] };
}

/** True when a scheme names a database, cache or queue that runs as its own service. */
export function isServiceScheme(scheme: string): boolean {
  const driver = /^(?:jdbc|r2dbc(?::pool)?):(.+)$/.exec(scheme)?.[1];
  if (driver) return !EMBEDDED_JDBC.has(driver);
  return SERVICE_SCHEMES.has(scheme.split('+')[0]);
}

/** The environment a host names through one of its labels (`prod`, `staging`, …), lower-cased; else undefined. */
export function environmentLabel(host: string): string | undefined {
  return host
    .split(/[.-]/)
    .map((label) => label.toLowerCase())
    .find((label) => ENVIRONMENT_LABELS.has(label));
}

/** A loopback host written in a value (`localhost`, `127.0.0.1`, `[::1]`), with what the address around it says. */
export interface LoopbackMention {
  host: string;
  /** Offsets of the host within the value. */
  start: number;
  end: number;
  /** The URL scheme before it (`postgres`, `jdbc:mysql`), lower case, when there is one. */
  scheme?: string;
  /** The port after it, when there is one. */
  port?: number;
}

// A loopback host where an address can start (value start, `//`, `@`, a separator) and end (a port, a path, a separator).
const LOOPBACK = /(?<=^|[\s/@=,;"'(])(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::(\d{1,5}))?(?=$|[\s/,;?#"')]|:(?!\d))/gi;

/**
 * The loopback addresses in a value, each with its scheme and port: `postgres://localhost:5432/app`,
 * `redis:6379`-style `localhost:6379`, `jdbc:mysql://127.0.0.1/app`, or several in a list.
 */
export function loopbackMentions(value: string): LoopbackMention[] {
  const out: LoopbackMention[] = [];
  for (const match of value.matchAll(LOOPBACK)) {
    const start = match.index;
    // The scheme and user info right before the host; a bounded look back keeps long values linear.
    const before = value.slice(Math.max(0, start - 512), start);
    const scheme = /((?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?$/i.exec(before)?.[1]?.toLowerCase();
    out.push({ host: match[1], start, end: start + match[1].length, scheme, port: match[2] ? Number(match[2]) : undefined });
  }
  return out;
}

// Names of the process's own listening address: a loopback value there is a bind choice, not a peer.
const SELF_NAMES = new Set(['HOST', 'HOSTNAME', 'ADDR', 'ADDRESS', 'SERVER_HOST', 'SERVER_NAME', 'SERVER_ADDR', 'SERVER_ADDRESS', 'APP_HOST', 'HTTP_HOST', 'WEB_HOST']);
const SELF_WORDS = new Set(['BIND', 'LISTEN', 'LISTENER', 'LISTENERS']);
// Addresses handed to browsers and outside clients (a SPA's API URL, CORS origins, OAuth redirects,
// Kafka's advertised listeners): there `localhost` is the developer's machine and its published ports.
const OUTSIDE_WORDS = new Set(['PUBLIC', 'EXTERNAL', 'BROWSER', 'CORS', 'ORIGIN', 'ORIGINS', 'REDIRECT', 'CALLBACK', 'SITE', 'FRONTEND', 'ADVERTISED', 'ALLOWED', 'WEBHOOK']);
const BROWSER_BUNDLER_PREFIXES = new Set(['REACT', 'VITE', 'VUE', 'NUXT', 'GATSBY', 'EXPO', 'NG']);
// Words that name a backing service the process connects to.
const BACKING_WORDS = new Set([
  'DB', 'DATABASE', 'POSTGRES', 'POSTGRESQL', 'PG', 'PGHOST', 'MYSQL', 'MARIADB', 'MONGO', 'MONGODB', 'REDIS', 'CACHE', 'MEMCACHE', 'MEMCACHED',
  'RABBIT', 'RABBITMQ', 'AMQP', 'KAFKA', 'NATS', 'QUEUE', 'BROKER', 'MQ', 'ELASTIC', 'ELASTICSEARCH', 'OPENSEARCH', 'SMTP', 'MAIL',
  'OTEL', 'OTLP', 'JAEGER', 'ZIPKIN', 'COLLECTOR', 'CONSUL', 'VAULT', 'ETCD', 'ZOOKEEPER', 'MINIO', 'S3',
]);

/**
 * What an environment variable's address is for, judged by its name: the process's own listening
 * address (`BIND_ADDRESS`, `HOST`), an address for browsers and outside clients (`REACT_APP_API_URL`,
 * `CORS_ORIGIN`, `KAFKA_ADVERTISED_LISTENERS`), a backing service (`DATABASE_URL`, `REDIS_HOST`,
 * `OTEL_EXPORTER_OTLP_ENDPOINT`), or nothing the name tells.
 */
export function addressRole(name: string): 'self' | 'outside' | 'backing' | undefined {
  const upper = name.toUpperCase();
  const words = upper.split(/[^A-Z0-9]+/).filter(Boolean);
  if (BROWSER_BUNDLER_PREFIXES.has(words[0]) || words.some((w) => OUTSIDE_WORDS.has(w))) return 'outside';
  if (SELF_NAMES.has(upper) || words.some((w) => SELF_WORDS.has(w))) return 'self';
  return words.some((w) => BACKING_WORDS.has(w)) ? 'backing' : undefined;
}

/** What a host says about where it lives: this machine, a private network, a name a platform resolves, or elsewhere. */
export type HostReach = 'loopback' | 'private' | 'service-name' | 'named';

/**
 * Where a host (without its port) can be reached from: `loopback` (`localhost`, `127.0.0.1`, `0.0.0.0`),
 * `private` (an RFC 1918 address, reachable from one network only), `service-name` (one DNS label, as compose
 * services and Kubernetes Services are called: `db`, `rabbitmq`), or `named` (a qualified name or a public address).
 */
export function hostReach(host: string): HostReach {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  if (/^(localhost|127(\.\d{1,3}){3}|::1|0\.0\.0\.0)$/.test(h)) return 'loopback';
  if (/^(10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2})$/.test(h)) return 'private';
  return /^[a-z][a-z0-9-]*$/.test(h) ? 'service-name' : 'named';
}
