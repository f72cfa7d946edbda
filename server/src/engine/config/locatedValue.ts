import * as jsonc from 'jsonc-parser';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Span } from '../../parsing/sourceFile';

/**
 * A configuration value with the span it came from. YAML (`.twelve-factor.yaml`), JSON with comments
 * (`.vscode/settings.json`) and plain objects (settings pulled from the editor) all become this one
 * tree, so that one validator reports problems at the right place for all three.
 */
export type Located =
  | { type: 'map'; span: Span; entries: LocatedEntry[] }
  | { type: 'list'; span: Span; items: Located[] }
  | { type: 'scalar'; span: Span; value: string | number | boolean | null };

/** A key of a map with its span, and its value. */
export interface LocatedEntry {
  key: string;
  keySpan: Span;
  value: Located;
}

const NOWHERE: Span = { start: 0, end: 0 };

/** Converts a parsed YAML node (from `yaml`'s `parseDocument`). */
export function fromYaml(node: YamlNode | null | undefined): Located {
  const span = node?.range ? { start: node.range[0], end: node.range[1] } : NOWHERE;
  if (isMap(node)) {
    const entries: LocatedEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const keyText = isScalar(key) ? String(key.value) : String(key);
      const keySpan = key?.range ? { start: key.range[0], end: key.range[1] } : span;
      entries.push({ key: keyText, keySpan, value: fromYaml(pair.value as YamlNode | null) });
    }
    return { type: 'map', span, entries };
  }
  if (isSeq(node)) return { type: 'list', span, items: node.items.map((i) => fromYaml(i as YamlNode)) };
  if (isScalar(node)) {
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? null : String(v);
    return { type: 'scalar', span, value };
  }
  return { type: 'scalar', span, value: null };
}

/** Converts a node of `jsonc-parser`'s tree. */
export function fromJsonc(node: jsonc.Node | undefined): Located {
  if (!node) return { type: 'scalar', span: NOWHERE, value: null };
  const span = { start: node.offset, end: node.offset + node.length };
  if (node.type === 'object') {
    const entries: LocatedEntry[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      entries.push({
        key: String(keyNode.value),
        keySpan: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
        value: fromJsonc(valueNode),
      });
    }
    return { type: 'map', span, entries };
  }
  if (node.type === 'array') return { type: 'list', span, items: (node.children ?? []).map(fromJsonc) };
  return { type: 'scalar', span, value: node.value ?? null };
}

/** Converts a plain value (settings from the editor); spans are empty since there is no text. */
export function fromPlain(value: unknown): Located {
  if (Array.isArray(value)) return { type: 'list', span: NOWHERE, items: value.map(fromPlain) };
  if (value !== null && typeof value === 'object') {
    return {
      type: 'map',
      span: NOWHERE,
      entries: Object.entries(value).map(([key, v]) => ({ key, keySpan: NOWHERE, value: fromPlain(v) })),
    };
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { type: 'scalar', span: NOWHERE, value: scalar };
}

/** The plain value of a located tree. */
export function toPlain(node: Located): unknown {
  if (node.type === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  if (node.type === 'list') return node.items.map(toPlain);
  return node.value;
}

/** A short description of a located value's type, for messages. */
export function describeType(node: Located): string {
  if (node.type === 'scalar') return node.value === null ? 'null' : typeof node.value;
  return node.type === 'map' ? 'an object' : 'a list';
}
