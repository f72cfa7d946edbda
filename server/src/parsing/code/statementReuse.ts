import type { Node } from 'web-tree-sitter';
import type { TextChange } from '../parsers';
import type { CodeModel } from './codeModel';

/**
 * Facts found from text hits, reused per top-level statement from one parse of a document to the
 * next. Typing changes one statement of a 3,000-line file; the rules' tree searches around name hits
 * (`process`, `password`, `listen`) cost tens of milliseconds per keystroke when they all run again.
 *
 * After one edit, a statement's facts are reused only when the statement lies wholly before or after
 * the edit, its text is the same at the place the edit moved it to, tree-sitter reports no change of
 * syntactic structure over it (`getChangedRanges` of the old and the new tree), and its hits are at
 * the same places in it. The facts of a hit must depend on the statement's subtree alone (a search
 * up and down from the hit that stays inside the statement, or that finds nothing at the root);
 * their nodes are found again in the new tree by their offsets, type and nesting, and their spans
 * move with the statement.
 */

/** A node of a fact, relative to its statement: its span, its type, and how many nodes of the same span lie below it. */
interface StoredNode {
  start: number;
  end: number;
  type: string;
  depth: number;
}

/** One fact in a form that outlives its tree: its nodes and plain data, offsets relative to the statement. */
export interface StoredFact {
  nodes: StoredNode[];
  data: unknown;
}

/** A statement's facts for one kind of search: what they were found from, and the facts. */
interface StoredStatement {
  text: string;
  /** The hits inside the statement, relative to its start. */
  hits: number[];
  facts: StoredFact[];
}

/** The facts of one parse, by kind of search and statement start. */
interface Memo {
  rootType: string;
  byKey: Map<string, Map<number, StoredStatement>>;
}

/** What a model may take from the parse it was reparsed from. */
interface Carried {
  memo: Memo;
  /** The one edit from the previous text to this one. */
  edit: TextChange;
  /** Where tree-sitter says the syntactic structure changed, in this text. */
  changed: { startIndex: number; endIndex: number }[];
}

const memos = new WeakMap<CodeModel, Memo>();
/** What the parse a model was reparsed from found (one step back only). */
const carriedTo = new WeakMap<CodeModel, Carried>();
const statementsOf = new WeakMap<CodeModel, Statements>();

/** Models parsed incrementally: the documents being typed in, whose next parse may reuse their facts. */
const reparsed = new WeakSet<CodeModel>();

/**
 * Marks a model parsed incrementally from an edited one. Only such models keep their facts for the
 * next parse: a file parsed once (the CLI, the audit, a document not edited yet) pays nothing for it.
 */
export function markReparsed(model: CodeModel): void {
  reparsed.add(model);
}

/** Whether a model was parsed incrementally (and its facts are kept for the next parse). */
export function isReparsed(model: CodeModel): boolean {
  return reparsed.has(model);
}

/**
 * Called when `model` was parsed incrementally from `previous` after one edit: its searches may reuse
 * what `previous` found away from the edit and from the `changed` ranges.
 */
export function carryStatementFacts(model: CodeModel, previous: CodeModel, edit: TextChange, changed: Carried['changed']): void {
  const memo = memos.get(previous);
  if (memo) carriedTo.set(model, { memo, edit, changed });
}

/** A text hit: where it starts and ends. */
export interface Hit {
  index: number;
  end: number;
}

/** How a kind of search turns hits into facts, and its facts into a form that outlives the tree and back. */
export interface StatementSearch<T> {
  /** Names the search (its anchor and query): facts are reused only for the same key. */
  key: string;
  /** The facts of one hit, in order. */
  find(hit: Hit): T[];
  /** Identifies a fact: a fact found from two hits counts once, at the first. */
  identity(fact: T): string;
  /** The fact as nodes and data, offsets in the data made relative to `base` (the statement's start). */
  store(fact: T, base: number): { nodes: Node[]; data: unknown };
  /** The fact again from its nodes in the new tree and its data, relative offsets made absolute from `base`. */
  restore(nodes: Node[], data: unknown, base: number): T;
}

/**
 * The facts of every hit, in hit order, each once (the first hit that finds it): what `search.find`
 * yields over the hits, with the facts of unchanged statements taken from the previous parse.
 */
export function findPerStatement<T>(model: CodeModel, hits: readonly Hit[], search: StatementSearch<T>): T[] {
  if (!reparsed.has(model)) return searchEach(hits, search);
  const memo = memoOf(model);
  const carried = carriedTo.get(model);
  const before = carried && carried.memo.rootType === memo.rootType ? carried.memo.byKey.get(search.key) : undefined;
  let now = memo.byKey.get(search.key);
  if (!now) memo.byKey.set(search.key, (now = new Map()));
  const statements = topStatements(model);
  const text = model.file.text;
  const out: T[] = [];
  const seen = new Set<string>();
  const emit = (fact: T) => {
    const identity = search.identity(fact);
    if (seen.has(identity)) return;
    seen.add(identity);
    out.push(fact);
  };
  let k = 0;
  while (k < hits.length) {
    const at = statementAt(statements, hits[k]);
    if (at < 0) {
      // A hit between statements, or across two: searched on its own, never kept.
      for (const fact of search.find(hits[k])) emit(fact);
      k++;
      continue;
    }
    const statement = statements.nodes[at];
    const base = statements.starts[at];
    const end = statements.ends[at];
    const run: Hit[] = [];
    for (; k < hits.length && hits[k].index >= base && hits[k].end <= end; k++) run.push(hits[k]);
    const relative = run.map((h) => h.index - base);
    const statementText = text.slice(base, end);
    const oldStart = before && unchangedStart(carried!, base, end);
    const old = oldStart === undefined ? undefined : before!.get(oldStart);
    const reused = old && old.text === statementText && sameNumbers(old.hits, relative) ? restoreAll(statement, base, old, search) : undefined;
    if (reused) {
      now.set(base, old!);
      for (const fact of reused) emit(fact);
      continue;
    }
    const found = searchEach(run, search);
    const facts = found.map((fact) => storeFact(fact, statement, base, end, search));
    if (facts.every((f): f is StoredFact => f !== undefined)) now.set(base, { text: statementText, hits: relative, facts });
    for (const fact of found) emit(fact);
  }
  return out;
}

/** Every hit searched, in order, each fact once (at the first hit that finds it). */
export function searchEach<T>(hits: readonly Hit[], search: Pick<StatementSearch<T>, 'find' | 'identity'>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const hit of hits) {
    for (const fact of search.find(hit)) {
      const identity = search.identity(fact);
      if (seen.has(identity)) continue;
      seen.add(identity);
      out.push(fact);
    }
  }
  return out;
}

function memoOf(model: CodeModel): Memo {
  let memo = memos.get(model);
  if (!memo) memos.set(model, (memo = { rootType: model.tree.rootNode.type, byKey: new Map() }));
  return memo;
}

/** The root's children, in order, with their spans and types (read once per tree: each is a call into WebAssembly). */
interface Statements {
  nodes: Node[];
  starts: number[];
  ends: number[];
  types: string[];
}

/** The top-level statements of a model's tree (the root's children), read once per tree for every search and rule. */
export function topStatements(model: CodeModel): Statements {
  let statements = statementsOf.get(model);
  if (!statements) {
    const nodes = model.tree.rootNode.children.filter((c): c is Node => c !== null);
    statements = { nodes, starts: nodes.map((n) => n.startIndex), ends: nodes.map((n) => n.endIndex), types: nodes.map((n) => n.type) };
    statementsOf.set(model, statements);
  }
  return statements;
}

/** The index of the top-level statement a hit lies wholly inside, or -1 (binary search). */
function statementAt(statements: Statements, hit: Hit): number {
  let low = 0;
  let high = statements.nodes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (hit.index < statements.starts[middle]) high = middle - 1;
    else if (hit.index >= statements.ends[middle]) low = middle + 1;
    else return hit.end <= statements.ends[middle] ? middle : -1;
  }
  return -1;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * Where a statement of the new text started in the previous one, when the edit left it alone: it lies
 * wholly before or after the edit, and no range whose structure changed touches it.
 */
function unchangedStart(carried: Carried, start: number, end: number): number | undefined {
  const { edit, changed } = carried;
  if (changed.some((r) => r.startIndex <= end && start <= r.endIndex)) return undefined;
  if (end <= edit.startIndex) return start;
  if (start >= edit.newEndIndex) return start - (edit.newEndIndex - edit.oldEndIndex);
  return undefined;
}

/** A fact made relative to its statement; undefined when one of its nodes lies outside it (such a fact is not kept). */
function storeFact<T>(fact: T, statement: Node, base: number, end: number, search: StatementSearch<T>): StoredFact | undefined {
  const { nodes, data } = search.store(fact, base);
  const stored: StoredNode[] = [];
  for (const node of nodes) {
    const start = node.startIndex;
    const stop = node.endIndex;
    if (start < base || stop > end) return undefined;
    // The smallest node around the span, then up through nodes of the same span to this one.
    let depth = 0;
    let at = statement.descendantForIndex(start, stop);
    while (at && at.id !== node.id && at.startIndex === start && at.endIndex === stop) {
      at = at.parent;
      depth++;
    }
    if (!at || at.id !== node.id) return undefined;
    stored.push({ start: start - base, end: stop - base, type: node.type, depth });
  }
  return { nodes: stored, data };
}

/** The facts of a statement kept from the previous parse, with their nodes in the new tree; undefined when one is not found. */
function restoreAll<T>(statement: Node, base: number, old: StoredStatement, search: StatementSearch<T>): T[] | undefined {
  const out: T[] = [];
  for (const fact of old.facts) {
    const nodes: Node[] = [];
    for (const stored of fact.nodes) {
      const node = findNode(statement, base + stored.start, base + stored.end, stored);
      if (!node) return undefined;
      nodes.push(node);
    }
    out.push(search.restore(nodes, fact.data, base));
  }
  return out;
}

/** The node of a stored span, type and nesting inside a statement. */
function findNode(statement: Node, start: number, end: number, stored: StoredNode): Node | undefined {
  let node = statement.descendantForIndex(start, end);
  for (let depth = 0; node && depth < stored.depth; depth++) node = node.parent;
  return node && node.startIndex === start && node.endIndex === end && node.type === stored.type ? node : undefined;
}
