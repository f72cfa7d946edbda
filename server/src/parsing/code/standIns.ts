import type { Node } from 'web-tree-sitter';
import type { Span } from '../sourceFile';
import { nodeSpan, type CodeModel } from './codeModel';
import { stringLiteral } from './strings';
import { textHits } from './textHits';

/** What an embedded stand-in replaces: a SQL database, Redis or MongoDB. */
export type StandInNeed = 'sql' | 'redis' | 'mongodb';

/** An embedded or in-process stand-in for a backing service, found in code. */
export interface StandIn {
  /** What it is, as the message names it (`sqlite3`, `django.db.backends.sqlite3`, `fakeredis`). */
  what: string;
  need: StandInNeed;
  span: Span;
}

/** Modules (imported or required) that are stand-ins, by name. */
const MODULES: Record<string, StandInNeed> = {
  // JavaScript / TypeScript
  sqlite3: 'sql', 'better-sqlite3': 'sql', sqlite: 'sql', 'ioredis-mock': 'redis', 'redis-mock': 'redis', 'mongodb-memory-server': 'mongodb',
  // Python
  fakeredis: 'redis', mongomock: 'mongodb',
  // Go
  'github.com/mattn/go-sqlite3': 'sql', 'gorm.io/driver/sqlite': 'sql', 'modernc.org/sqlite': 'sql', 'github.com/glebarez/sqlite': 'sql', 'github.com/alicebob/miniredis': 'redis', 'github.com/alicebob/miniredis/v2': 'redis',
};

const HITS = /sqlite|fakeredis|mongomock|redis-mock|miniredis|mongodb-memory-server/g;

/** Node types whose string operands are compared or matched, in the four grammars. */
const COMPARISONS = new Set(['binary_expression', 'comparison_operator', 'switch_case', 'case_clause', 'expression_case', 'switch_label']);

/** Node types of import statements and the call that requires a module, per grammar. */
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'import_spec', 'import_declaration']);

/**
 * Embedded stand-ins the code uses: SQLite drivers and ORM dialects (`require('sqlite3')`,
 * `'django.db.backends.sqlite3'`, `sqlite:///app.db`, Sequelize or TypeORM `'sqlite'`), and fakes of
 * Redis and MongoDB (`fakeredis`, `mongomock`, `ioredis-mock`, `miniredis`). Each is found in an
 * import, a `require`, or a string literal in code, never in a comment.
 */
export function standInsOf(model: CodeModel): StandIn[] {
  const root = model.tree.rootNode;
  const out: StandIn[] = [];
  const seen = new Set<number>();
  for (const hit of textHits(model, HITS)) {
    const leaf = root.descendantForIndex(hit.index);
    if (!leaf || seen.has(leaf.id)) continue;
    const found = fromLiteral(leaf) ?? fromPythonImport(leaf);
    if (!found) continue;
    seen.add(leaf.id);
    out.push(found);
  }
  return out;
}

/** A string literal: a module name in an import or `require`, a Django engine, a SQLAlchemy URL, an ORM dialect. */
function fromLiteral(leaf: Node): StandIn | undefined {
  const literal = stringLiteral(leaf) ?? stringLiteral(leaf.parent);
  if (!literal) return undefined;
  const { value } = literal;
  const span = nodeSpan(literal.node);
  const container = literal.node.parent;
  // A literal compared with (`value === 'sqlite3'`) or matched on is read, not used as the app's store.
  if (container && COMPARISONS.has(container.type)) return undefined;
  const isModule = container !== null && (IMPORTS.has(container.type) || isRequire(container));
  if (isModule && MODULES[value]) return { what: value, need: MODULES[value], span };
  if (value === 'django.db.backends.sqlite3') return { what: value, need: 'sql', span };
  if (/^sqlite(\+\w+)?:\/\//.test(value)) return { what: value.split('://')[0], need: 'sql', span };
  // Sequelize `dialect: 'sqlite'`, TypeORM `type: 'better-sqlite3'`, knex `client: 'sqlite3'`.
  const key = container?.type === 'pair' ? container.childForFieldName('key')?.text.replace(/['"]/g, '') : undefined;
  if (key && /^(dialect|type|client)$/.test(key) && /^(sqlite3?|better-sqlite3)$/.test(value)) return { what: `${key}: '${value}'`, need: 'sql', span };
  return undefined;
}

/** `require('x')` (the literal's parent is the call's argument list). */
function isRequire(node: Node): boolean {
  return node.type === 'arguments' && node.parent?.type === 'call_expression' && node.parent.childForFieldName('function')?.text === 'require';
}

/** Python `import fakeredis` / `from mongomock import MongoClient`. */
function fromPythonImport(leaf: Node): StandIn | undefined {
  const name = leaf.parent?.type === 'dotted_name' ? leaf.parent : leaf;
  const statement = name.parent?.type === 'aliased_import' ? name.parent.parent : name.parent;
  if (!statement || (statement.type !== 'import_statement' && statement.type !== 'import_from_statement')) return undefined;
  const module = name.text.split('.')[0];
  return MODULES[module] && (module === 'fakeredis' || module === 'mongomock') ? { what: module, need: MODULES[module], span: nodeSpan(name) } : undefined;
}
