import type { Node } from 'web-tree-sitter';
import type { CodeModel } from './codeModel';
import { inHandler } from './localWrites';
import { topStatements } from './statementReuse';

/** State a process keeps in memory between requests: a collection that request handlers write. */
export interface MemoryState {
  /** Where the state is: the module-level declaration, or the handler's write to a field of its receiver. */
  node: Node;
  /** The variable or field, for messages. */
  name: string;
}

/**
 * Names of collections that a process keeps on purpose: caches that refill on a miss, pools and
 * registries of its own connections, metrics, rate limiters.
 */
const PER_PROCESS_WORDS = /^(cached?|caches|memo|memos|lru|pools?|registry|clients?|conns?|connections?|sockets?|subscribers?|listeners?|metrics?|limiters?|mutex|mu|locks?|wg)$/;

/** True when one word of a name (split at camelCase humps and `_`) marks a collection kept on purpose. */
function perProcess(name: string): boolean {
  return name.split(/_|(?<=[a-z0-9])(?=[A-Z])/).some((word) => PER_PROCESS_WORDS.test(word.toLowerCase()));
}

/** JavaScript and TypeScript calls that change a Set, Map or array. */
const JS_MUTATORS = new Set(['add', 'set', 'push', 'unshift', 'splice']);

/**
 * Module-level (JavaScript, TypeScript) or package-level (Go) collections that request handlers
 * write (`addresses.add(x)`, `visits[user] = n`, `msgs = append(msgs, m)`), and in Go the fields of a
 * handler's receiver appended to or indexed (`a.messages = append(a.messages, m)`): each instance
 * holds its own copy, and a restart empties it.
 */
export function memoryStates(model: CodeModel): MemoryState[] {
  if (model.language === 'javascript' || model.language === 'typescript') return jsStates(model);
  if (model.language === 'go') return goStates(model);
  return [];
}

function jsStates(model: CodeModel): MemoryState[] {
  const out: MemoryState[] = [];
  const statements = topStatements(model);
  for (let i = 0; i < statements.nodes.length; i++) {
    // Only declarations, read by their type first: the root's children are read once per tree for every rule.
    if (!/^(export_statement|lexical_declaration|variable_declaration)$/.test(statements.types[i])) continue;
    const top = statements.nodes[i];
    const declaration = top.type === 'export_statement' ? top.namedChildren.find((c) => c?.type === 'lexical_declaration' || c?.type === 'variable_declaration') : top;
    if (!declaration || (declaration.type !== 'lexical_declaration' && declaration.type !== 'variable_declaration')) continue;
    for (const declarator of declaration.namedChildren) {
      const name = declarator?.childForFieldName('name');
      const value = declarator?.childForFieldName('value');
      if (!declarator || name?.type !== 'identifier' || !value || perProcess(name.text) || !isEmptyCollection(value)) continue;
      if (usesOf(model, name.text).some((use) => isJsMutation(use) && inHandler(model, use))) out.push({ node: declarator, name: name.text });
    }
  }
  return out;
}

/** `new Set()`, `new Map()`, `[]`, `{}`: a collection that starts empty and is filled at run time. */
function isEmptyCollection(value: Node): boolean {
  if (value.type === 'new_expression') return /^(Set|Map)$/.test(value.childForFieldName('constructor')?.text ?? '') && (value.childForFieldName('arguments')?.namedChildCount ?? 0) === 0;
  return (value.type === 'array' || value.type === 'object') && value.namedChildCount === 0;
}

/** `name.add(…)`, `name.set(…)`, `name.push(…)`, `name[key] = …`. */
function isJsMutation(use: Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'member_expression' && parent.childForFieldName('object')?.id === use.id) {
    return JS_MUTATORS.has(parent.childForFieldName('property')?.text ?? '') && parent.parent?.type === 'call_expression';
  }
  return parent?.type === 'subscript_expression' && parent.childForFieldName('object')?.id === use.id && parent.parent?.type === 'assignment_expression' && parent.parent.childForFieldName('left')?.id === parent.id;
}

function goStates(model: CodeModel): MemoryState[] {
  const out: MemoryState[] = [];
  for (const top of model.tree.rootNode.namedChildren) {
    if (top?.type !== 'var_declaration') continue;
    for (const spec of top.descendantsOfType('var_spec')) {
      const name = spec?.childForFieldName('name');
      const type = spec?.childForFieldName('type')?.type;
      const value = spec?.childForFieldName('value')?.text ?? '';
      if (!spec || !name || perProcess(name.text)) continue;
      if (!(type === 'map_type' || type === 'slice_type' || /^(make\((map|\[\])|map\[|\[\]\w)/.test(value))) continue;
      if (usesOf(model, name.text).some((use) => isGoWrite(use, use.text) && inHandler(model, use))) out.push({ node: spec, name: name.text });
    }
  }
  // A handler method's receiver lives as long as the server: its appended or indexed fields are state.
  for (const method of model.tree.rootNode.descendantsOfType('method_declaration')) {
    if (!method || !inHandlerOrIs(model, method)) continue;
    const receiver = method.childForFieldName('receiver')?.descendantsOfType('identifier')[0]?.text;
    if (!receiver) continue;
    for (const assignment of method.descendantsOfType('assignment_statement')) {
      const left = assignment?.childForFieldName('left')?.namedChildren[0];
      const field = left?.type === 'index_expression' ? left.childForFieldName('operand') : left;
      if (!assignment || !left || field?.type !== 'selector_expression' || field.childForFieldName('operand')?.text !== receiver) continue;
      const fieldName = field.childForFieldName('field')?.text ?? '';
      const appended = new RegExp(`^append\\(\\s*${receiver}\\.${fieldName}\\b`).test(assignment.childForFieldName('right')?.text ?? '');
      if ((left.type === 'index_expression' || appended) && !perProcess(fieldName)) out.push({ node: assignment, name: `${receiver}.${fieldName}` });
    }
  }
  return out;
}

/** True for a method that is itself a request handler. */
function inHandlerOrIs(model: CodeModel, method: Node): boolean {
  const body = method.childForFieldName('body')?.namedChildren[0];
  return body ? inHandler(model, body) : false;
}

/** `name = append(name, …)` or `name[key] = …` in Go. */
function isGoWrite(use: Node, name: string): boolean {
  const list = use.parent?.type === 'index_expression' ? use.parent.parent : use.parent;
  const assignment = list?.parent;
  if (list?.type !== 'expression_list' || assignment?.type !== 'assignment_statement' || assignment.childForFieldName('left')?.id !== list.id) return false;
  return use.parent?.type === 'index_expression' || new RegExp(`^append\\(\\s*${name}\\b`).test(assignment.childForFieldName('right')?.text ?? '');
}

/** The identifiers of a file spelled `name`, outside their declaration. */
function usesOf(model: CodeModel, name: string): Node[] {
  const root = model.tree.rootNode;
  const out: Node[] = [];
  for (const hit of model.file.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
    const node = root.descendantForIndex(hit.index, hit.index + name.length);
    if (node && node.type === 'identifier' && node.text === name) out.push(node);
  }
  return out;
}
