import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral } from './strings';

/** A session store that lives in the process's memory. */
export interface MemorySession {
  node: Node;
  /** The library or setting, for messages. */
  what: string;
}

const JS_IMPORTS = `
(variable_declarator name: (identifier) @name value: (call_expression function: (identifier) @req arguments: (arguments . (string) @module)) (#eq? @req "require"))
(import_statement (import_clause (identifier) @name) source: (string) @module)`;

/**
 * In-process session stores: express-session without a `store` (its default MemoryStore) or with an
 * explicit `MemoryStore`, @fastify/session registered without a store, Django's cache session engine
 * over the local-memory cache, gin's memstore and scs without a store. Cookie sessions (Flask's default,
 * cookie-session, gorilla's CookieStore) keep nothing on the server, and are fine.
 */
export function memorySessions(model: CodeModel): MemorySession[] {
  switch (model.language) {
    case 'javascript':
    case 'typescript':
      return javascriptSessions(model);
    case 'python':
      return djangoLocmemSessions(model);
    case 'go':
      return goSessions(model);
    case 'java':
      // Servlet sessions live in the container's memory unless Spring Session is configured, which is
      // done in properties and dependencies, not in code that this rule can see.
      return [];
  }
}

function javascriptSessions(model: CodeModel): MemorySession[] {
  const out: MemorySession[] = [];
  for (const m of anchoredMatches(model, /express-session|@?fastify[-/]session/g, JS_IMPORTS)) {
    const module = stringLiteral(m.get('module'))?.value ?? '';
    const name = m.get('name')!.text;
    if (module === 'express-session') {
      const calls = anchoredMatches(model, new RegExp(`\\b${name}\\b`, 'g'), '(call_expression function: (identifier) @f arguments: (arguments) @args) @call (new_expression constructor: (member_expression property: (property_identifier) @p (#eq? @p "MemoryStore"))) @memory');
      for (const c of calls) {
        if (c.get('memory')) out.push({ node: c.get('memory')!, what: 'express-session MemoryStore' });
        else if (c.get('f')!.text === name && !hasStore(c.get('args')!)) out.push({ node: c.get('call')!, what: 'express-session' });
      }
    } else if (/fastify[-/]session$/.test(module)) {
      const registrations = anchoredMatches(model, /\bregister\b/g, '(call_expression function: (member_expression property: (property_identifier) @r (#eq? @r "register")) arguments: (arguments . (identifier) @plugin) @args) @call');
      for (const r of registrations) if (r.get('plugin')!.text === name && !hasStore(r.get('args')!)) out.push({ node: r.get('call')!, what: module });
    }
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** True when some object argument of a call has a `store` property. */
function hasStore(args: Node): boolean {
  return args.namedChildren.some((a) => a.type === 'object' && a.namedChildren.some((p) => (p.type === 'pair' && p.childForFieldName('key')?.text === 'store') || (p.type === 'shorthand_property_identifier' && p.text === 'store')));
}

function djangoLocmemSessions(model: CodeModel): MemorySession[] {
  if (!model.file.text.includes('LocMemCache')) return [];
  return anchoredMatches(model, /\bSESSION_ENGINE\b/g, '(assignment left: (identifier) @k right: (string) @v (#eq? @k "SESSION_ENGINE") (#match? @v "backends\\\\.cache.$")) @hit').map((m) => ({
    node: m.get('hit')!,
    what: 'the cache session engine over LocMemCache',
  }));
}

function goSessions(model: CodeModel): MemorySession[] {
  const out = anchoredMatches(model, /\bmemstore\b/g, '(call_expression function: (selector_expression operand: (identifier) @p field: (field_identifier) @f) (#eq? @p "memstore") (#match? @f "^New")) @hit').map((m) => ({ node: m.get('hit')!, what: 'memstore' }));
  // scs keeps sessions in memory unless a Store is assigned.
  if (!/\.Store\s*=/.test(model.file.text)) {
    out.push(...anchoredMatches(model, /\bscs\b/g, '(call_expression function: (selector_expression operand: (identifier) @p field: (field_identifier) @f) (#eq? @p "scs") (#eq? @f "New")) @hit').map((m) => ({ node: m.get('hit')!, what: 'scs without a Store' })));
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}
