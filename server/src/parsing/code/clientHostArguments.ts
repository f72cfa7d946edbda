import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral, type StringLiteral } from './strings';

/** A host given by position to a cache, queue or database client: `redis.Redis("cache")`, `new Jedis("cache", 6379)`. */
export interface ClientHostArgument {
  literal: StringLiteral;
  /** The client's constructor or call, as written (`redis.Redis`, `Jedis`, `factory.setHost`). */
  call: string;
}

type Finder = { anchor: RegExp; query: string };

// How the common clients take a bare host by position (a URL is found by its scheme instead): redis-py's
// Redis/StrictRedis(host), pymongo's MongoClient(host, port), pika's ConnectionParameters(host), MySQLdb and
// pymysql connect(host, …), python-memcached's Client(["host:port"]); ioredis' new Redis(port, host) and
// node_redis' createClient(port, host), memcached's new Memcached("host:port"); Jedis and JedisPool(host, port),
// the Mongo Java driver's MongoClient(host, port), and the setHost of a connection factory or mail sender;
// Go's memcache.New("host:port"), mgo.Dial(host) and sarama's producers and consumers ([]string{"host:port"}).
const FINDERS: Record<CodeModel['language'], Finder> = {
  python: {
    anchor: /\b(Redis|StrictRedis|MongoClient|ConnectionParameters|connect|Client)\b/g,
    query: `
(call function: [(identifier) (attribute)] @call arguments: (argument_list . (string) @host) (#match? @call "(^|\\\\.)(Redis|StrictRedis|MongoClient|ConnectionParameters)$|^(MySQLdb|pymysql)\\\\.connect$"))
(call function: (attribute) @call arguments: (argument_list . (list . (string) @host)) (#match? @call "^(memcache|pylibmc)\\\\.Client$"))`,
  },
  javascript: {
    anchor: /\b(Redis|createClient|Memcached)\b/g,
    query: `
(new_expression constructor: [(identifier) (member_expression)] @call arguments: (arguments . (number) . (string) @host) (#match? @call "(^|\\\\.)Redis$"))
(call_expression function: [(identifier) (member_expression)] @call arguments: (arguments . (number) . (string) @host) (#match? @call "(^|\\\\.)createClient$"))
(new_expression constructor: (identifier) @call arguments: (arguments . (string) @host) (#eq? @call "Memcached"))`,
  },
  typescript: { anchor: /$^/g, query: '' },
  java: {
    anchor: /\b(Jedis|JedisPool|MongoClient|setHost|setHostName)\b/g,
    query: `
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . (string_literal) @host) (#match? @call "^(Jedis|JedisPool|MongoClient)$"))
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . (_) . (string_literal) @host . (_)) (#eq? @call "JedisPool"))
(method_invocation object: (identifier) @object name: (identifier) @m arguments: (argument_list . (string_literal) @host .) (#match? @m "^setHost(Name)?$") (#match? @object "[Ff]actory|[Cc]onfig|[Mm]ail|[Ss]ender|[Rr]edis|[Rr]abbit|[Jj]edis")) @call`,
  },
  go: {
    anchor: /\b(memcache|mgo|sarama)\b/g,
    query: `
(call_expression function: (selector_expression operand: (identifier) @pkg) @call arguments: (argument_list . (interpreted_string_literal) @host) (#match? @pkg "^(memcache|mgo)$"))
(call_expression function: (selector_expression operand: (identifier) @pkg) @call arguments: (argument_list . (composite_literal body: (literal_value . (literal_element (interpreted_string_literal) @host)))) (#eq? @pkg "sarama"))`,
  },
};
FINDERS.typescript = FINDERS.javascript;

/** Every host literal the file passes by position to a known client. */
export function clientHostArguments(model: CodeModel): ClientHostArgument[] {
  const finder = FINDERS[model.language];
  const out: ClientHostArgument[] = [];
  for (const m of anchoredMatches(model, finder.anchor, finder.query)) {
    const host: Node = m.get('host')!;
    const literal = stringLiteral(host);
    const call = m.get('call')!;
    if (literal) out.push({ literal, call: (call.type === 'method_invocation' ? `${m.get('object')!.text}.${m.get('m')!.text}` : call.text).replace(/\s+/g, '') });
  }
  return out;
}
