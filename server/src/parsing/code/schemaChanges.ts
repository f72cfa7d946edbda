import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { inNamedSection, NON_PRODUCTION_SECTION } from './namedSections';
import { stringLiteral } from './strings';

/** A call that changes the database schema. */
export interface SchemaChange {
  node: Node;
  /** The call, for messages (`sequelize.sync`, `Base.metadata.create_all`, `adminClient.CreateTable`). */
  what: string;
}

const CREATE = /^\s*(CREATE|ALTER|DROP)\s+(TABLE|INDEX|SCHEMA)\b/i;

/** Per language: the calls that create or change tables. */
const FINDERS: Partial<Record<CodeModel['language'], { anchor: RegExp; query: string; check?: (model: CodeModel, hit: Map<string, Node>) => boolean }[]>> = {
  python: [{ anchor: /\bcreate_all\b/g, query: '(call function: (attribute attribute: (identifier) @m (#eq? @m "create_all")) @c) @hit' }],
  go: [
    { anchor: /\b(CreateTable|CreateColumnFamily|AutoMigrate)\b/g, query: '(call_expression function: (selector_expression field: (field_identifier) @m (#match? @m "^(CreateTable|CreateColumnFamily|AutoMigrate)$")) @c) @hit' },
    { anchor: /\bExec(Context)?\b/g, query: '(call_expression function: (selector_expression field: (field_identifier) @m (#match? @m "^Exec(Context)?$")) @c arguments: (argument_list) @args) @hit', check: (_m, hit) => createsSql(hit.get('args')!) },
  ],
};
const JS = [
  { anchor: /\bsync\b/g, query: '(call_expression function: (member_expression property: (property_identifier) @m (#eq? @m "sync")) @c) @hit', check: (model: CodeModel, hit: Map<string, Node>) => /sequelize\.sync$/i.test(hit.get('c')!.text) || /['"]sequelize['"]|\bSequelize\b/.test(model.file.text) },
  { anchor: /\bsynchronize\b/g, query: '(pair key: (property_identifier) @c value: (true) (#eq? @c "synchronize")) @hit', check: (model: CodeModel) => /['"]typeorm['"]/.test(model.file.text) },
];
FINDERS.javascript = JS;
FINDERS.typescript = JS;

/**
 * Code that changes the database schema: Sequelize `sync()`, TypeORM `synchronize: true`, SQLAlchemy
 * `create_all()`, gorm `AutoMigrate`, Bigtable `CreateTable`/`CreateColumnFamily`, and `CREATE TABLE`
 * (or ALTER, DROP) run with Go's `Exec`. Calls in a development or test section, or under a condition
 * that reads the environment (an opt-in `INIT_DB` flag), are left out.
 */
export function schemaChanges(model: CodeModel): SchemaChange[] {
  const out: SchemaChange[] = [];
  for (const finder of FINDERS[model.language] ?? []) {
    for (const hit of anchoredMatches(model, finder.anchor, finder.query)) {
      const node = hit.get('hit')!;
      if ((finder.check && !finder.check(model, hit)) || inNamedSection(node, NON_PRODUCTION_SECTION) || underEnvironmentCondition(node)) continue;
      out.push({ node, what: hit.get('c')!.text.replace(/\s+/g, '') });
    }
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** A string argument that starts with `CREATE TABLE` (or ALTER/DROP of a table, index or schema). */
function createsSql(args: Node): boolean {
  return args.namedChildren.some((arg) => arg !== null && CREATE.test(stringLiteral(arg)?.value ?? (arg.type === 'raw_string_literal' ? arg.text.slice(1, -1) : '')));
}

/**
 * Inside an `if` whose condition reads the environment (the deploy opts in, as it would for an admin
 * process), or Python's `if __name__ == '__main__':` (a direct run, which a WSGI or ASGI server never does).
 */
function underEnvironmentCondition(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'if_statement' && /process\.env|os\.environ|os\.getenv|os\.Getenv|LookupEnv|__name__/.test(n.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}
