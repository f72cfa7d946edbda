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
