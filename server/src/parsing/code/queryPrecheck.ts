import type { Node } from 'web-tree-sitter';

/**
 * A check, without compiling a query, that a query cannot match around a text hit. Compiling a
 * tree-sitter query costs 5–30 ms per pattern on the TypeScript grammar whatever the text (its
 * analysis walks the grammar's parse table), while most anchor hits in a file (`get`, `listen`,
 * `process` in prose or in other calls) match nothing. The check reads the same S-expression and
 * asks a weaker question of the tree: is there a node of the pattern's root type around the hit
 * with children of the pattern's types, whose captured text passes the pattern's `#eq?` and
 * `#match?` against a string? It ignores fields, anchors, sibling order and predicates between
 * captures, so it says yes wherever the query matches (and sometimes where it does not); only its
 * "no" is used, and then the query is not needed. A query using syntax outside this subset
 * (quantifiers, negated fields, supertypes, anonymous nodes) is not checked.
 */

/** A node pattern: its type (`_` for any named node), its children, and the local tests on its captured text. */
interface NodePattern {
  kind: 'node';
  type: string;
  children: Pattern[];
  /** A child after a leading anchor, `(arguments . (string))`: it must be the first named child. */
  first?: Pattern;
  captures: string[];
  tests: ((text: string) => boolean)[];
}

/** An alternation `[…]`: one of its patterns matches. */
interface Alternation {
  kind: 'alternation';
  options: Pattern[];
  captures: string[];
  tests: ((text: string) => boolean)[];
}

type Pattern = NodePattern | Alternation;

/** A query's top-level patterns, ready to check; undefined when it uses syntax the check does not read. */
export interface Precheck {
  patterns: Pattern[];
  /** The root types, for finding candidates (none is `_`). */
  rootTypes: Set<string>;
}

const parsed = new Map<string, Precheck | null>();

/** The check for a query source, parsed once; undefined when the source is outside the subset. */
export function precheckOf(source: string): Precheck | undefined {
  let check = parsed.get(source);
  if (check === undefined) {
    check = parseQuery(source) ?? null;
    parsed.set(source, check);
  }
  return check ?? undefined;
}

/**
 * Whether some pattern of the query may match a node around `hit` (the nodes a query restricted to
 * the hit's range can start at: those that contain it, and those inside the smallest node that does).
 * `memo` caches verdicts per pattern and node across the hits of one search.
 */
export function mayMatchAt(check: Precheck, root: Node, hit: { index: number; end: number }, memo: Map<Pattern, Map<number, boolean>>): boolean {
  const around = root.descendantForIndex(hit.index, hit.end) ?? root;
  for (let node: Node | null = around; node; node = node.parent) {
    if (check.rootTypes.has(node.type) && matchesAny(check.patterns, node, memo)) return true;
  }
  for (const node of around.descendantsOfType([...check.rootTypes])) {
    if (node && node.id !== around.id && matchesAny(check.patterns, node, memo)) return true;
  }
  return false;
}

function matchesAny(patterns: Pattern[], node: Node, memo: Map<Pattern, Map<number, boolean>>): boolean {
  return patterns.some((p) => mayMatch(p, node, memo));
}

function mayMatch(pattern: Pattern, node: Node, memo: Map<Pattern, Map<number, boolean>>): boolean {
  let known = memo.get(pattern);
  if (!known) memo.set(pattern, (known = new Map()));
  const seen = known.get(node.id);
  if (seen !== undefined) return seen;
  const verdict = check(pattern, node, memo);
  known.set(node.id, verdict);
  return verdict;
}

function check(pattern: Pattern, node: Node, memo: Map<Pattern, Map<number, boolean>>): boolean {
  if (pattern.tests.length > 0) {
    const text = node.text;
    if (!pattern.tests.every((test) => test(text))) return false;
  }
  if (pattern.kind === 'alternation') return pattern.options.some((option) => mayMatch(option, node, memo));
  if (pattern.type === '_' ? !node.isNamed : node.type !== pattern.type) return false;
  if (pattern.first && !(node.firstNamedChild && mayMatch(pattern.first, node.firstNamedChild, memo))) return false;
  if (pattern.children.length === 0) return true;
  const children = node.children.filter((c): c is Node => c !== null);
  return pattern.children.every((child) => children.some((c) => mayMatch(child, c, memo)));
}

// The S-expression reader: tokens, then patterns.

type Token = { t: '(' | ')' | '[' | ']' | '.' } | { t: 'word'; v: string } | { t: 'field'; v: string } | { t: 'capture'; v: string } | { t: 'string'; v: string } | { t: 'predicate'; v: string };

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) i++;
    else if (c === ';') while (i < source.length && source[i] !== '\n') i++;
    else if ('()[].'.includes(c)) {
      tokens.push({ t: c as '(' });
      i++;
    } else if (c === '"') {
      let value = '';
      for (i++; i < source.length && source[i] !== '"'; i++) {
        if (source[i] !== '\\') value += source[i];
        else {
          // As tree-sitter reads a string: three escapes name a character, any other stands for itself (`\0` is not read).
          const escaped = source[++i] ?? '0';
          if (escaped === '0') return undefined;
          value += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[escaped] ?? escaped;
        }
      }
      if (source[i] !== '"') return undefined;
      i++;
      tokens.push({ t: 'string', v: value });
    } else {
      const word = /^[@#]?[A-Za-z_][\w.\-?!]*:?/.exec(source.slice(i))?.[0];
      if (!word) return undefined;
      i += word.length;
      if (word.startsWith('@')) tokens.push({ t: 'capture', v: word.slice(1) });
      else if (word.startsWith('#')) tokens.push({ t: 'predicate', v: word.slice(1) });
      else if (word.endsWith(':')) tokens.push({ t: 'field', v: word.slice(0, -1) });
      else tokens.push({ t: 'word', v: word });
    }
  }
  return tokens;
}

/** Local tests by capture name, gathered from the predicates while reading; applied once the patterns are read. */
type Predicates = Map<string, ((text: string) => boolean)[]>;

class Reader {
  private at = 0;
  /** The predicates of the top-level pattern being read (a predicate belongs to its pattern only). */
  predicates: Predicates = new Map();
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** One pattern with its captures; undefined for syntax outside the subset. */
  pattern(): Pattern | undefined {
    const token = this.tokens[this.at++];
    let pattern: Pattern | undefined;
    if (token?.t === '[') {
      const options: Pattern[] = [];
      while (this.peek() && this.peek()!.t !== ']') {
        if (this.peek()!.t === '(' && this.tokens[this.at + 1]?.t === 'predicate') {
          if (!this.predicate()) return undefined;
          continue;
        }
        const option = this.pattern();
        if (!option) return undefined;
        options.push(option);
      }
      if (this.tokens[this.at++]?.t !== ']' || options.length === 0) return undefined;
      pattern = { kind: 'alternation', options, captures: [], tests: [] };
    } else if (token?.t === '(') {
      const type = this.tokens[this.at++];
      if (type?.t !== 'word' || /[?!]/.test(type.v) || type.v === 'ERROR' || type.v === 'MISSING') return undefined;
      const node: NodePattern = { kind: 'node', type: type.v, children: [], captures: [], tests: [] };
      for (;;) {
        const next = this.peek();
        if (!next) return undefined;
        if (next.t === ')') {
          this.at++;
          break;
        }
        if (next.t === '.') {
          this.at++;
          // A leading anchor: the next child is the first named child (every pattern here is named).
          // Other anchors only narrow, and are skipped.
          const after = this.peek();
          if (node.children.length === 0 && (after?.t === '[' || (after?.t === '(' && this.tokens[this.at + 1]?.t === 'word'))) {
            const child = this.pattern();
            if (!child) return undefined;
            node.first = child;
            node.children.push(child);
          }
        } else if (next.t === 'field') {
          this.at++;
          const child = this.pattern();
          if (!child) return undefined;
          node.children.push(child);
        } else if (next.t === '(' && this.tokens[this.at + 1]?.t === 'predicate') {
          if (!this.predicate()) return undefined;
        } else {
          const child = this.pattern();
          if (!child) return undefined;
          node.children.push(child);
        }
      }
      pattern = node;
    } else return undefined;
    // Captures follow the pattern; a quantifier would too, and is outside the subset.
    while (this.peek()?.t === 'capture') pattern.captures.push((this.tokens[this.at++] as { v: string }).v);
    return pattern;
  }

  /** `(#eq? @c "text")` and `(#match? @c "regex")` become tests on @c; other predicates only narrow, and are skipped. */
  predicate(): boolean {
    this.at++; // (
    const name = (this.tokens[this.at++] as { v: string }).v;
    const args: Token[] = [];
    while (this.peek() && this.peek()!.t !== ')') args.push(this.tokens[this.at++]);
    if (this.tokens[this.at++]?.t !== ')') return false;
    const [capture, value] = args;
    if (args.length === 2 && capture.t === 'capture' && value.t === 'string') {
      let test: ((text: string) => boolean) | undefined;
      if (name === 'eq?') test = (text) => text === value.v;
      else if (name === 'match?') {
        const regex = new RegExp(value.v);
        test = (text) => regex.test(text);
      }
      if (test) {
        const tests = this.predicates.get(capture.v) ?? [];
        tests.push(test);
        this.predicates.set(capture.v, tests);
      }
    }
    return true;
  }
}

function parseQuery(source: string): Precheck | undefined {
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  const reader = new Reader(tokens);
  const patterns: Pattern[] = [];
  const attach = (p: Pattern): void => {
    for (const capture of p.captures) p.tests.push(...(reader.predicates.get(capture) ?? []));
    for (const child of p.kind === 'node' ? p.children : p.options) attach(child);
  };
  try {
    while (!reader.done()) {
      reader.predicates = new Map();
      const pattern = reader.pattern();
      if (!pattern) return undefined;
      attach(pattern);
      patterns.push(pattern);
    }
  } catch {
    return undefined;
  }
  const rootTypes = new Set<string>();
  const addRoots = (p: Pattern): boolean => (p.kind === 'node' ? p.type !== '_' && !!rootTypes.add(p.type) : p.options.every(addRoots));
  if (patterns.length === 0 || !patterns.every(addRoots)) return undefined;
  return { patterns, rootTypes };
}
