import type { TextEdit } from '../../engine/types';
import type { YMap, YPair, YScalar, YSeq } from './yamlNodes';

/** A value a fix writes into YAML. */
export type YamlValue = string | number | boolean | { [key: string]: YamlValue } | YamlValue[];

/** One indentation step for nested blocks a fix writes. */
const STEP = '  ';

/**
 * Renders a string as a YAML scalar that reads back as the same string: plain when that is safe,
 * double-quoted otherwise (a leading indicator, `: `, ` #`, a value YAML would read as a number,
 * boolean or null).
 */
export function yamlScalar(value: string): string {
  const plainSafe =
    value !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/(:\s|\s#|[\s]$|:$)/.test(value) &&
    !/[\n\t\\]/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

/** Renders a value in flow style (`{ name: a, key: b }`), for insertion into flow collections. */
export function flowValue(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`).join(', ')} }`;
  return typeof value === 'string' ? yamlScalar(value) : String(value);
}

/** Renders `key: value` in block style at an indentation; nested maps and lists go on following lines. */
export function blockPair(key: string, value: YamlValue, indent: string, eol: string): string {
  if (typeof value !== 'object') return `${yamlScalar(key)}: ${typeof value === 'string' ? yamlScalar(value) : String(value)}`;
  const inner = indent + STEP;
  if (Array.isArray(value)) {
    const lines = value.map((v) => (typeof v === 'object' ? `${inner}- ${flowValue(v)}` : `${inner}- ${flowValue(v)}`));
    return `${yamlScalar(key)}:${eol}${lines.join(eol)}`;
  }
  const lines = Object.entries(value).map(([k, v]) => inner + blockPair(k, v, inner, eol));
  return `${yamlScalar(key)}:${eol}${lines.join(eol)}`;
}

/** Replaces a scalar with a new string value, keeping single or double quotes when the scalar had them. */
export function replaceScalar(node: YScalar, value: string): TextEdit {
  let text: string;
  if (node.style === 'QUOTE_DOUBLE') text = JSON.stringify(value);
  else if (node.style === 'QUOTE_SINGLE') text = `'${value.replace(/'/g, "''")}'`;
  else text = yamlScalar(value);
  return { span: node.span, text };
}

/** The column of an offset within its line. */
export function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The pairs written inside a map itself (not merged in from an anchor elsewhere). */
function ownPairs(map: YMap): YPair[] {
  return map.pairs.filter((p) => p.keySpan.start >= map.span.start && p.keySpan.end <= map.span.end);
}

/** Where the line holding an offset ends, before its `\n` or `\r\n`. */
function lineEndAt(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  if (end === -1) return source.length;
  return end > offset && source[end - 1] === '\r' ? end - 1 : end;
}

/**
 * Replaces a pair with `key: value`, written in the style of the map the pair is written in (for a
 * pair merged in with `<<`, the anchor's map): a block pair at the pair's own indentation (nested
 * maps on the following lines), or a flow pair.
 */
export function replacePair(source: string, pair: YPair, key: string, value: YamlValue, eol: string): TextEdit {
  if (pair.flow) return { span: pair.span, text: `${yamlScalar(key)}: ${flowValue(value)}` };
  const indent = ' '.repeat(columnOf(source, pair.keySpan.start));
  return { span: pair.span, text: blockPair(key, value, indent, eol) };
}

/**
 * Adds pairs at the end of a map, in its style: block pairs on new lines at the map's key column, or
 * `, key: value` before a flow map's closing brace.
 */
export function insertPairs(source: string, map: YMap, entries: [string, YamlValue][], eol: string): TextEdit {
  const own = ownPairs(map);
  if (map.flow || own.length === 0) {
    const close = source.lastIndexOf('}', map.span.end);
    const at = close >= map.span.start ? close : map.span.end;
    const before = source.slice(map.span.start, at).trimEnd();
    const separator = before.endsWith('{') ? ' ' : ', ';
    const text = entries.map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`).join(', ');
    const start = map.span.start + before.length;
    const pad = /\s/.test(source[start] ?? '') ? '' : ' ';
    return { span: { start, end: start }, text: `${separator}${text}${pad}` };
  }
  const indent = ' '.repeat(columnOf(source, own[0].keySpan.start));
  const last = own.reduce((a, b) => (b.span.end > a.span.end ? b : a));
  const at = lineEndAt(source, last.span.end);
  return { span: { start: at, end: at }, text: entries.map(([k, v]) => eol + indent + blockPair(k, v, indent, eol)).join('') };
}

/**
 * Removes a pair: its whole lines in a block map (comments on them go too), or the pair and one
 * separating comma in a flow map.
 */
export function removePair(source: string, map: YMap, pair: YPair): TextEdit {
  if (map.flow) {
    const after = /^\s*,\s*/.exec(source.slice(pair.span.end));
    if (after) return { span: { start: pair.span.start, end: pair.span.end + after[0].length }, text: '' };
    const before = /,\s*$/.exec(source.slice(map.span.start, pair.span.start));
    const start = before ? map.span.start + before.index : pair.span.start;
    return { span: { start, end: pair.span.end }, text: '' };
  }
  const lineStart = source.lastIndexOf('\n', pair.keySpan.start - 1) + 1;
  if (source.slice(lineStart, pair.keySpan.start).trim() !== '') return { span: pair.span, text: '' };
  const newline = source.indexOf('\n', pair.span.end);
  return { span: { start: lineStart, end: newline === -1 ? source.length : newline + 1 }, text: '' };
}

/**
 * Appends an item to a sequence, in its style: a block item (`- key: value`, further pairs below it
 * at the item's content column) after the last item's line, or `, { … }` before a flow sequence's `]`.
 */
export function appendItem(source: string, seq: YSeq, value: YamlValue, eol: string): TextEdit {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || !last) {
    const close = source.lastIndexOf(']', seq.span.end);
    const at = close >= seq.span.start ? close : seq.span.end;
    const separator = source.slice(seq.span.start, at).trim() === '[' ? '' : ', ';
    return { span: { start: at, end: at }, text: `${separator}${flowValue(value)}` };
  }
  const dash = source.lastIndexOf('-', last.span.start);
  const indent = ' '.repeat(columnOf(source, dash));
  const at = lineEndAt(source, last.span.end - (source[last.span.end - 1] === '\n' ? 1 : 0));
  if (typeof value !== 'object' || Array.isArray(value)) return { span: { start: at, end: at }, text: `${eol}${indent}- ${flowValue(value)}` };
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(([k, v], i) => (i === 0 ? `${indent}- ` : inner) + blockPair(k, v, inner, eol));
  return { span: { start: at, end: at }, text: eol + lines.join(eol) };
}
