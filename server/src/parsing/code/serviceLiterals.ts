import type { Node } from 'web-tree-sitter';
import { isPlaceholderValue, urlCredentials } from '../../analysis/secrets';
import { isServiceScheme, parseAddress } from '../../analysis/serviceAddress';
import { valuesBoundTo } from './boundLiterals';
import { clientHostArguments } from './clientHostArguments';
import type { CodeModel } from './codeModel';
import { envReadsOf } from './env/envRead';
import { stringLiteral, type StringLiteral } from './strings';
import { textHits } from './textHits';

/** A backing-service address written in the code. */
export interface ServiceLiteral {
  literal: StringLiteral;
  /** `postgres`, `jdbc:mysql`, … for a URL; undefined for a bare host passed to a client. */
  scheme?: string;
  host: string;
  /** The env variable a fix should read: the binding's URL-like name, else the conventional one. */
  envName: string;
  /** The literal also holds a password (a libpq `password=`): a fix must not keep it as a default. */
  credentials?: boolean;
}

const SCHEME_HITS = /\b(?:jdbc:[a-z0-9]+|postgres(?:ql)?|mysql|mariadb|mongodb|rediss?|amqps?|kafka|nats|memcached)(?:\+[a-z0-9]+)?:\/\//gi;
// Host options, and the server lists of Kafka, NATS, Elasticsearch and Redis Cluster clients (`bootstrap_servers`,
// `'bootstrap.servers'`, `brokers: ["kafka:9092"]`, `servers`, `hosts`, `Brokers`, `Addrs`).
const HOST_KEYS = /\b(?:host|hostname|Addr|addr|Addrs|bootstrap[_.]servers|brokers|Brokers|servers|hosts)\b/g;
/** A host, `host:port`, or a comma-separated list of them. */
const HOST_LIST = /^[\w.-]+(:\d+)?(\s*,\s*[\w.-]+(:\d+)?)*$/;
/** A Go MySQL driver DSN: `user:pw@tcp(host:3306)/db`, `user@tcp(host)/db`, `tcp(host)/db`. */
const GO_DSN = /^(?:[^:@/\s]*(?::[^@\s]*)?@)?tcp\(([^)\s]+)\)\//;
/** A libpq key/value connection string (`host=db user=app dbname=app`), as `sql.Open("postgres", …)` and psycopg2 take. */
const DSN_HOST = /(?:^|\s)host=([^\s'"]+)/;
const DSN_KEYS = /(?:^|\s)(?:dbname|user|sslmode|port)=/;
const DSN_PASSWORD = /(?:^|\s)password=(\S+)/;
/** Database, cache and queue clients whose `host` option names a backing service. */
const CLIENTS = /(Pool|Client|createClient|createConnection|createPool|Redis|StrictRedis|MongoClient|connect|Sequelize|knex|Jedis|JedisPool|ConnectionFactory|ConnectionParameters|Options|NewClient|Dial|Cluster|Kafka|KafkaProducer|KafkaConsumer|KafkaAdminClient|Producer|Consumer|AdminClient|Elasticsearch|AsyncElasticsearch|OpenSearch|WriterConfig|ReaderConfig)$/;
/** Keys of per-environment sections, whose local addresses are dev defaults by design (knexfile, config.js). */
const DEV_SECTIONS = /^(development|dev|local|test|testing)$/i;
const CALLS = new Set(['call_expression', 'new_expression', 'call', 'method_invocation', 'object_creation_expression', 'composite_literal']);

/**
 * Service URLs (`postgres://…`, `jdbc:mysql://…`, `redis://…`) and libpq connection strings
 * (`host=db user=app dbname=app`) in string literals, and host literals
 * passed to database, cache and queue clients (`new Pool({ host: "db.internal" })`,
 * `redis.Redis(host="cache")`, `redis.Options{Addr: "cache:6379"}`). Not: the fallback of an env read
 * (a dev default chosen on purpose), URLs with a password (a secret, reported as one), placeholders,
 * embedded databases (H2, SQLite), and addresses under a `development`/`test` section.
 */
export function serviceLiterals(model: CodeModel): ServiceLiteral[] {
  const fallbacks = envReadsOf(model).flatMap((r) => (r.defaultSpan ? [r.defaultSpan] : []));
  const isFallback = (node: Node) => fallbacks.some((s) => s.start <= node.startIndex && node.endIndex <= s.end);
  const out: ServiceLiteral[] = [];
  const seen = new Set<number>();
  const root = model.tree.rootNode;
  for (const hit of textHits(model, SCHEME_HITS)) {
    const leaf = root.descendantForIndex(hit.index);
    const literal = leaf && (stringLiteral(leaf) ?? stringLiteral(leaf.parent));
    const address = literal && parseAddress(literal.value);
    if (!literal || !address?.scheme || !literal.value.toLowerCase().startsWith(model.file.text.slice(hit.index, hit.end).toLowerCase()) || !isServiceScheme(address.scheme)) continue;
    if (seen.has(literal.node.id) || skipped(literal, isFallback) || urlCredentials(literal.value)) continue;
    seen.add(literal.node.id);
    out.push({ literal, scheme: address.scheme, host: address.host, envName: urlEnvName(literal.node) ?? schemeEnvName(address.scheme) });
  }
  for (const hit of textHits(model, /host=/g)) {
    const leaf = root.descendantForIndex(hit.index);
    const literal = leaf && (stringLiteral(leaf) ?? stringLiteral(leaf.parent));
    const host = literal && DSN_KEYS.test(literal.value) ? DSN_HOST.exec(literal.value)?.[1] : undefined;
    if (!literal || !host || seen.has(literal.node.id) || skipped(literal, isFallback)) continue;
    seen.add(literal.node.id);
    const password = DSN_PASSWORD.exec(literal.value)?.[1];
    out.push({ literal, scheme: 'postgres', host, envName: urlEnvName(literal.node) ?? 'DATABASE_URL', credentials: password !== undefined && !isPlaceholderValue(password) });
  }
  for (const hit of textHits(model, /\btcp\(/g)) {
    const leaf = root.descendantForIndex(hit.index);
    const literal = leaf && (stringLiteral(leaf) ?? stringLiteral(leaf.parent));
    const host = literal && GO_DSN.exec(literal.value)?.[1];
    // A DSN with a password is a secret, reported as one.
    if (!literal || !host || seen.has(literal.node.id) || skipped(literal, isFallback) || urlCredentials(literal.value)) continue;
    seen.add(literal.node.id);
    out.push({ literal, scheme: 'mysql', host, envName: urlEnvName(literal.node) ?? 'DATABASE_URL' });
  }
  const hosts = [
    ...valuesBoundTo(model, HOST_KEYS).flatMap(({ value }) => hostValues(value).map((host) => ({ host, callee: clientOf(value) }))),
    ...clientHostArguments(model).map(({ literal, call }) => ({ host: literal.node, callee: call })),
  ];
  for (const { host, callee } of hosts) {
    const literal = stringLiteral(host);
    if (!literal || !callee || seen.has(host.id) || skipped(literal, isFallback) || !HOST_LIST.test(literal.value) || /^\d+$/.test(literal.value)) continue;
    seen.add(host.id);
    out.push({ literal, host: literal.value.split(',')[0].trim(), envName: hostEnvName(callee) });
  }
  return out.sort((a, b) => a.literal.node.startIndex - b.literal.node.startIndex);
}

function skipped(literal: StringLiteral, isFallback: (node: Node) => boolean): boolean {
  if (isFallback(literal.node) || isPlaceholderValue(literal.value) || /[{}%]/.test(literal.value)) return true;
  for (let n = literal.node.parent; n; n = n.parent) {
    const key = n.type === 'pair' ? n.childForFieldName('key') : undefined;
    if (key && DEV_SECTIONS.test(stringLiteral(key)?.value ?? key.text)) return true;
  }
  return false;
}

/** A host option's strings: the value itself, or the strings of a list (`brokers: ["kafka:9092"]`, `[]string{…}`). */
function hostValues(value: Node): Node[] {
  if (stringLiteral(value)) return [value];
  const list = value.type === 'composite_literal' ? value.childForFieldName('body') : value;
  if (!list || !/^(array|list|literal_value|array_initializer)$/.test(list.type)) return [];
  return list.namedChildren.flatMap((c) => (c?.type === 'literal_element' ? c.namedChildren : [c])).filter((c): c is Node => c !== null && stringLiteral(c) !== undefined);
}

/** The client call or composite literal a value is an option of, by its callee's text. */
function clientOf(value: Node): string | undefined {
  for (let n = value.parent, depth = 0; n && depth < 6; n = n.parent, depth++) {
    if (!CALLS.has(n.type)) continue;
    const callee = (n.childForFieldName('function') ?? n.childForFieldName('constructor') ?? n.childForFieldName('type') ?? n.childForFieldName('name'))?.text ?? '';
    return CLIENTS.test(callee) ? callee : undefined;
  }
  return undefined;
}

/** A literal bound to a URL-like name (`MONGO_URL = "mongodb://…"`) keeps that name. */
function urlEnvName(node: Node): string | undefined {
  const parent = node.parent;
  const name = parent?.childForFieldName('name') ?? parent?.childForFieldName('left') ?? parent?.childForFieldName('key');
  const text = name ? (stringLiteral(name)?.value ?? name.text) : '';
  return /^[A-Z][A-Z0-9_]*_(URL|URI|DSN)$/.test(text) ? text : undefined;
}

function schemeEnvName(scheme: string): string {
  const base = scheme.replace(/^jdbc:/, '').split('+')[0];
  if (/^(postgres|postgresql|mysql|mariadb|sqlserver|oracle|db2)$/.test(base) || scheme.startsWith('jdbc:')) return 'DATABASE_URL';
  if (base === 'mongodb') return 'MONGODB_URI';
  if (base.startsWith('redis')) return 'REDIS_URL';
  if (base.startsWith('amqp')) return 'AMQP_URL';
  return `${base.toUpperCase()}_URL`;
}

function hostEnvName(callee: string): string {
  if (/redis|jedis/i.test(callee)) return 'REDIS_HOST';
  if (/mongo/i.test(callee)) return 'MONGODB_HOST';
  if (/amqp|rabbit|ConnectionParameters|ConnectionFactory/i.test(callee)) return 'AMQP_HOST';
  if (/kafka|sarama|Producer|Consumer|AdminClient|WriterConfig|ReaderConfig/i.test(callee)) return 'KAFKA_BROKERS';
  if (/elastic|opensearch/i.test(callee)) return 'ELASTICSEARCH_URL';
  if (/memcache/i.test(callee)) return 'MEMCACHED_SERVERS';
  if (/nats/i.test(callee)) return 'NATS_URL';
  if (/mail|sender/i.test(callee)) return 'SMTP_HOST';
  return 'DATABASE_HOST';
}
