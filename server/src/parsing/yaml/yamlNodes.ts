import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../sourceFile';
import { overlapsTemplate } from './yamlTemplates';

/** A YAML scalar with its span in the file. */
export interface YScalar {
  type: 'scalar';
  span: Span;
  /** The parsed value; for a templated scalar, the original text with its directives. */
  value: string | number | boolean | null;
  /** How it is written: `PLAIN`, `QUOTE_SINGLE`, `QUOTE_DOUBLE`, `BLOCK_LITERAL`, `BLOCK_FOLDED`. */
  style: string;
  /** The scalar contains a Helm / Go-template directive: its value is not known before rendering. */
  templated: boolean;
}

/** A YAML mapping; `<<` merge keys are expanded (explicit keys win), aliases are resolved. */
export interface YMap {
  type: 'map';
  span: Span;
  flow: boolean;
  pairs: YPair[];
}

/** A YAML sequence. */
export interface YSeq {
  type: 'seq';
  span: Span;
  flow: boolean;
  items: YNode[];
}

/** Any YAML node of the model. Aliases are resolved to their anchor's node, so spans point at the anchor's text. */
export type YNode = YScalar | YMap | YSeq;

/** One key: value entry of a mapping. */
export interface YPair {
  key: string;
  keySpan: Span;
  /** Undefined for a key with no value (`key:`). */
  value?: YNode;
  /** From the key to the end of the value. */
  span: Span;
  /** Written in a flow map (`{ key: value }`); a merged-in pair keeps the style of the map it is written in. */
  flow: boolean;
}

/** Converts a `yaml` document's contents to {@link YNode}s with spans absolute in the file. */
export function convertDocument(doc: Document, base: number, source: string, templates: readonly Span[]): YNode | undefined {
  const converter = new Converter(doc, base, source, templates);
  return doc.contents ? converter.node(doc.contents as Node) : undefined;
}

class Converter {
  private readonly seen = new Map<Node, YNode>();
  private depth = 0;

  constructor(
    private readonly doc: Document,
    private readonly base: number,
    private readonly source: string,
    private readonly templates: readonly Span[],
  ) {}

  node(input: Node): YNode | undefined {
    let node: unknown = input;
    if (isAlias(node)) node = node.resolve(this.doc);
    if (!node) return undefined;
    const cached = this.seen.get(node as Node);
    if (cached) return cached;
    // Deep or self-referencing alias graphs (billion laughs) stop here instead of exhausting the stack.
    if (this.depth > 200) return undefined;
    this.depth++;
    try {
      const out = this.convert(node as Node);
      if (out) this.seen.set(node as Node, out);
      return out;
    } finally {
      this.depth--;
    }
  }

  private span(node: { range?: [number, number, number] | null }): Span {
    const r = node.range;
    return r ? { start: this.base + r[0], end: this.base + r[1] } : { start: this.base, end: this.base };
  }

  /** The span of a block node (collection, `|` or `>` scalar), whose range ends after its last line break: without it. */
  private blockSpan(node: { range?: [number, number, number] | null }): Span {
    const span = this.span(node);
    let end = span.end;
    while (end > span.start && /\s/.test(this.source[end - 1])) end--;
    return { start: span.start, end };
  }

  private convert(node: Node): YNode | undefined {
    if (isScalar(node)) {
      const span = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? this.blockSpan(node) : this.span(node);
      const templated = this.templates.length > 0 && overlapsTemplate(span, this.templates);
      const raw = node.value;
      const value = templated ? this.source.slice(span.start, span.end) : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : String(raw);
      return { type: 'scalar', span, value, style: String(node.type ?? 'PLAIN'), templated };
    }
    if (isMap(node)) {
      const map: YMap = { type: 'map', span: this.blockSpan(node), flow: node.flow === true, pairs: [] };
      this.seen.set(node, map);
      const merged: YPair[] = [];
      for (const item of node.items) {
        if (isMergeKey(item)) merged.push(...this.mergedPairs(item.value as Node | null));
        else {
          const pair = this.pair(item, map.flow);
          if (pair) map.pairs.push(pair);
        }
      }
      for (const m of merged) if (!map.pairs.some((p) => p.key === m.key)) map.pairs.push(m);
      if (!map.flow) map.span.end = contentEnd(map.span, map.pairs.map((p) => p.span));
      return map;
    }
    if (isSeq(node)) {
      const seq: YSeq = { type: 'seq', span: this.blockSpan(node), flow: node.flow === true, items: [] };
      this.seen.set(node, seq);
      for (const item of node.items) {
        const converted = item && typeof item === 'object' ? this.node(item as Node) : undefined;
        if (converted) seq.items.push(converted);
      }
      if (!seq.flow) seq.span.end = contentEnd(seq.span, seq.items.map((i) => i.span));
      return seq;
    }
    return undefined;
  }

  private pair(item: Pair, flow: boolean): YPair | undefined {
    const keyNode = item.key as Node | null;
    if (!keyNode || !isScalar(keyNode)) return undefined;
    const keySpan = this.span(keyNode);
    const key = overlapsTemplate(keySpan, this.templates) ? this.source.slice(keySpan.start, keySpan.end) : String(keyNode.value);
    const value = item.value ? this.node(item.value as Node) : undefined;
    const end = value && !isAlias(item.value) ? value.span.end : item.value && (item.value as Node).range ? this.span(item.value as Node).end : keySpan.end;
    return { key, keySpan, value, span: { start: keySpan.start, end: Math.max(end, keySpan.end) }, flow };
  }

  /** The pairs a `<<` merge brings in: one map or a list of maps, earlier ones winning. */
  private mergedPairs(value: Node | null): YPair[] {
    if (!value) return [];
    const target = this.node(value);
    const sources = target?.type === 'seq' ? target.items : target ? [target] : [];
    const out: YPair[] = [];
    for (const source of sources) {
      if (source.type !== 'map') continue;
      for (const p of source.pairs) if (!out.some((o) => o.key === p.key)) out.push(p);
    }
    return out;
  }
}

/**
 * Where a block collection's content ends: at its last own entry, not after the blank lines and
 * comments that `yaml` counts into it. Fixes that insert after the last entry or remove one rely on it.
 */
function contentEnd(span: Span, children: Span[]): number {
  let end = span.start;
  for (const c of children) if (c.start >= span.start && c.end <= span.end && c.end > end) end = c.end;
  return end > span.start ? end : span.end;
}

function isMergeKey(item: Pair): boolean {
  return isPair(item) && isScalar(item.key) && (typeof item.key.value === 'symbol' || item.key.value === '<<');
}

/**
 * Moves every span of a converted tree by `delta`, in place: a document whose text did not change
 * but moved (an edit above it) is placed again without converting or copying it. Shared nodes
 * (aliases) move once. In place is safe because a model is only read until the next parse of the
 * same file: findings copy their spans, and fixes are turned into ranges when they are published.
 */
export function shiftNode(node: YNode, delta: number, moved = new Set<object>()): void {
  if (moved.has(node)) return;
  moved.add(node);
  shiftSpan(node.span, delta);
  if (node.type === 'seq') for (const item of node.items) shiftNode(item, delta, moved);
  else if (node.type === 'map') {
    for (const p of node.pairs) {
      if (moved.has(p)) continue;
      moved.add(p);
      shiftSpan(p.keySpan, delta);
      shiftSpan(p.span, delta);
      if (p.value) shiftNode(p.value, delta, moved);
    }
  }
}

/** Every node and pair owns its span objects, so moving each once moves every span once. */
function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

/** The value of a key in a map node, or undefined. */
export function get(node: YNode | undefined, key: string): YNode | undefined {
  return node?.type === 'map' ? node.pairs.find((p) => p.key === key)?.value : undefined;
}

/** The pair of a key in a map node, or undefined. */
export function pairOf(node: YNode | undefined, key: string): YPair | undefined {
  return node?.type === 'map' ? node.pairs.find((p) => p.key === key) : undefined;
}

/** Follows a path of keys through nested maps. */
export function getPath(node: YNode | undefined, ...keys: string[]): YNode | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

/** A scalar's value as a string (numbers and booleans as written), or undefined for maps, lists and null. */
export function str(node: YNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** A scalar's value as a number, when it is one (also `"3"`). */
export function num(node: YNode | undefined): number | undefined {
  if (node?.type !== 'scalar' || node.templated) return undefined;
  const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value) ? Number(node.value) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** The items of a sequence node, or none. */
export function items(node: YNode | undefined): YNode[] {
  return node?.type === 'seq' ? node.items : [];
}

/** The pairs of a map node, or none. */
export function pairs(node: YNode | undefined): YPair[] {
  return node?.type === 'map' ? node.pairs : [];
}
