import * as path from 'node:path';
import type { Node, QueryCapture, Tree } from 'web-tree-sitter';
import type { CodeLanguage } from '../fileKind';
import type { SourceFile, Span } from '../sourceFile';
import { findPerStatement, isReparsed, searchEach, type Hit, type StatementSearch } from './statementReuse';
import { mayMatchAt, precheckOf } from './queryPrecheck';
import { isQueryCompiled, queryOf, type Grammar } from './treeSitter';
import { textHits } from './textHits';

/** The parsed model of a code file: its syntax tree, language and grammar, with the helpers rules share. */
export interface CodeModel {
  file: SourceFile;
  language: CodeLanguage;
  /** The grammar that parsed it (TSX and TypeScript differ). */
  grammar: Grammar;
  tree: Tree;
}

/** The grammar for a file of a language: `.tsx` files need the TSX grammar; JSX is part of JavaScript's. */
export function grammarFor(language: CodeLanguage, filePath: string): Grammar {
  if (language === 'typescript' && path.extname(filePath).toLowerCase() === '.tsx') return 'tsx';
  return language;
}

/** The span of a node (tree-sitter indices are UTF-16 offsets, as spans are). */
export function nodeSpan(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** Runs a query (compiled once per grammar) over the whole tree or a node, returning its captures in order. */
export function captures(model: CodeModel, source: string, node: Node = model.tree.rootNode): QueryCapture[] {
  return queryOf(model.grammar, source).captures(node);
}

/** Runs a query over the whole tree, returning each match's captures by name. */
export function matches(model: CodeModel, source: string, node: Node = model.tree.rootNode): Map<string, Node>[] {
  return queryOf(model.grammar, source)
    .matches(node)
    .map((m) => new Map(m.captures.map((c) => [c.name, c.node])));
}

/** Node types that hold statements: a statement is a node whose parent is one of them. */
const STATEMENT_CONTAINERS = new Set([
  'program', 'statement_block', 'class_body', 'switch_body', // JS/TS
  'module', 'block', // Python
  'constructor_body', 'enum_body_declarations', 'interface_body', // Java (class_body, block and program above)
  'source_file', 'statement_list', 'field_declaration_list', // Go
]);

/** The innermost statement (or member declaration) around a node; the root for a node outside any. */
export function enclosingStatement(node: Node): Node {
  let current = node;
  while (current.parent && !STATEMENT_CONTAINERS.has(current.parent.type)) current = current.parent;
  return current;
}

/**
 * Runs a query only where `anchor` matches the text (a name the patterns need, such as `process` or
 * `getenv`): each hit runs the query restricted to the hit's range, which yields the matches whose
 * nodes overlap it. A query over a whole 3,000-line tree costs about 10 ms in WASM, which
 * as-you-type linting cannot pay per rule; a text search plus a small query per hit costs a
 * fraction. The query still decides: a hit in a comment or a string matches no pattern. Each match
 * is returned once, in source order.
 */
export function anchoredMatches(model: CodeModel, anchor: RegExp, source: string): Map<string, Node>[] {
  observer?.(model, anchor, source);
  const hits = textHits(model, anchor);
  // Compiling a query costs up to a few hundred milliseconds per grammar: a file without the name compiles none.
  if (hits.length === 0) return [];
  // Nor does a file where no hit has the nodes the patterns need: most hits are other uses of the name.
  if (!isQueryCompiled(model.grammar, source) && !mayMatchNear(model, anchor, hits, source)) return [];
  const query = queryOf(model.grammar, source);
  const root = model.tree.rootNode;
  // A match is its captures, in order.
  const search: StatementSearch<{ name: string; node: Node }[]> = {
    key: `${anchor.source}/${anchor.flags}\u0000${source}`,
    find: (hit) => query.matches(root, { startIndex: hit.index, endIndex: hit.end }).map((m) => m.captures.map(({ name, node }) => ({ name, node }))),
    identity: (captures) => captures.map((c) => `${c.name}:${c.node.id}`).join(' '),
    store: (captures) => ({ nodes: captures.map((c) => c.node), data: captures.map((c) => c.name) }),
    restore: (nodes, names) => (names as string[]).map((name, i) => ({ name, node: nodes[i] })),
  };
  // A pattern about the root (or about what lies beyond a node) may change with any statement: searched anew.
  const matches = SEES_BEYOND_A_STATEMENT.test(source) ? searchEach(hits, search) : findPerStatement(model, hits, search);
  return matches.map((captures) => new Map(captures.map((c) => [c.name, c.node])));
}

let observer: ((model: CodeModel, anchor: RegExp, source: string) => void) | undefined;

/** Calls `observe` with every anchored search from now on (tests check the pre-check against the queries with it). */
export function observeAnchoredSearches(observe: typeof observer): void {
  observer = observe;
}

/**
 * Hits a query may be checked at while typing before it is compiled instead. Checking a hit costs
 * 0.03–0.1 ms and compiling a pattern 5–30 ms: a query that keeps being checked (hits in a long
 * statement being edited) is compiled once the checks have cost about as much, and then only runs.
 */
export const CHECKS_WHILE_TYPING = 300;
const checkedWhileTyping = new Map<string, number>();

/** Whether the query may match around some hit, checked without compiling it (see queryPrecheck). */
function mayMatchNear(model: CodeModel, anchor: RegExp, hits: readonly Hit[], source: string): boolean {
  const check = precheckOf(source);
  if (!check) return true;
  if (isReparsed(model)) {
    const key = `${model.grammar}\u0000${source}`;
    const spent = checkedWhileTyping.get(key) ?? 0;
    if (spent >= CHECKS_WHILE_TYPING) return true;
    const counted = { checks: 0 };
    const may = hitsThatMayMatch(model, anchor, hits, source, counted).length > 0;
    checkedWhileTyping.set(key, spent + counted.checks);
    return may;
  }
  const memo = new Map();
  return hits.some((hit) => mayMatchAt(check, model.tree.rootNode, hit, memo));
}

/**
 * The hits (their starts) around which the query may match, by the pre-check. In a document being
 * typed in, the verdicts of unchanged statements are reused, so that a keystroke checks only the
 * statement it changed (until the query is compiled, every keystroke asks again): a hit's verdict
 * reads only the nodes around it inside its statement, unless a pattern's root type is the tree
 * root's (then every hit is checked anew). `counted.checks` grows by the hits checked (not reused).
 */
export function hitsThatMayMatch(model: CodeModel, anchor: RegExp, hits: readonly Hit[], source: string, counted = { checks: 0 }): number[] {
  const check = precheckOf(source);
  if (!check) return hits.map((hit) => hit.index);
  const memo = new Map();
  const root = model.tree.rootNode;
  const find = (hit: Hit) => {
    counted.checks++;
    return mayMatchAt(check, root, hit, memo) ? [hit.index] : [];
  };
  const search: StatementSearch<number> = {
    key: `precheck\u0000${anchor.source}/${anchor.flags}\u0000${source}`,
    find,
    identity: (index) => String(index),
    store: (index, base) => ({ nodes: [], data: index - base }),
    restore: (_nodes, offset, base) => base + (offset as number),
  };
  return check.rootTypes.has(root.type) ? searchEach(hits, search) : findPerStatement(model, hits, search);
}

/** Node types of the grammars' roots, and predicates that look at a node's surroundings. */
const SEES_BEYOND_A_STATEMENT = /\b(program|module|source_file|ERROR)\b|#(is|is-not|has-parent|not-has-parent|has-ancestor|not-has-ancestor)\?/;

/** Every named descendant of a node (the node included) whose type is one of `types`, in source order. */
export function descendants(node: Node, types: string | readonly string[]): Node[] {
  return node.descendantsOfType(types as string | string[]).filter((n): n is Node => n !== null);
}

/** The nearest ancestor of a node (not the node itself) whose type is one of `types`. */
export function ancestor(node: Node, types: readonly string[]): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return n;
  return undefined;
}
