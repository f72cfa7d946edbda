import { decline, doubleQuoted, isIndicator, resolvePlain, scalarNode, singleQuoted } from './fastYamlScalars';
import type { YMap, YNode, YPair, YSeq } from './yamlNodes';

/** Flow collections nest at most this deep inside one value on the fast path. */
export const MAX_FLOW_DEPTH = 16;

// Where a plain scalar in a flow collection may stop: a flow indicator, a colon or a comment (its space).
const FLOW_STOP = /[,:[\]{}]| #/g;

/**
 * The flow half of the fast YAML path (fastYaml.ts): a `[…]` or `{…}` value, on one line or over
 * several, with plain and quoted scalars that stay on their line, nested flow collections, trailing
 * commas, comments and blank lines. Like `yaml`, it wants every line inside the collection indented
 * deeper than the block collection around it, except the final `]` or `}`, which may stand at that
 * collection's column. It declines everything else: `key:` without a value, a value on the line after
 * its key, a plain scalar continued on the next line, a pair in a sequence (`[a: b]`), colons it is
 * not sure of.
 */
export class FlowReader {
  /** The end of the line being read (before its CR, if any). */
  private eol = 0;
  private parentIndent = 0;
  private outerClose = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  /**
   * The collection whose bracket is at `q`, on a line that ends at `eol`, inside a block collection
   * at column `parentIndent`; afterwards {@link lineEnd} is the end of the line it closes on.
   */
  read(q: number, eol: number, parentIndent: number): YMap | YSeq {
    this.eol = eol;
    this.parentIndent = parentIndent;
    this.outerClose = this.text.charCodeAt(q) === 0x5b ? 0x5d : 0x7d;
    return this.collection(q, 1);
  }

  /** Where the line that the last collection closed on ends (before its CR, if any). */
  get lineEnd(): number {
    return this.eol;
  }

  private collection(q: number, depth: number): YMap | YSeq {
    if (depth > MAX_FLOW_DEPTH) decline();
    const text = this.text;
    const isSeq = text.charCodeAt(q) === 0x5b;
    const close = isSeq ? 0x5d : 0x7d;
    const seq: YSeq = { type: 'seq', span: { start: this.base + q, end: 0 }, flow: true, items: [] };
    const map: YMap = { type: 'map', span: { start: this.base + q, end: 0 }, flow: true, pairs: [] };
    const keys = new Set<string>();
    let j = this.skip(q + 1, depth);
    while (text.charCodeAt(j) !== close) {
      const entry = isSeq ? this.item(j, depth) : this.pair(j, depth, keys);
      if (isSeq) seq.items.push(entry as YNode);
      else map.pairs.push(entry as YPair);
      j = this.skip(entry.span.end - this.base, depth);
      const c = text.charCodeAt(j);
      if (c === close) break;
      if (c !== 0x2c) decline();
      j = this.skip(j + 1, depth);
    }
    const node = isSeq ? seq : map;
    node.span.end = this.base + j + 1;
    return node;
  }

  /**
   * The next token from `j`: past spaces, comments and line breaks. A new line must be indented
   * deeper than the block collection around, or be the final bracket at its column.
   */
  private skip(j: number, depth: number): number {
    const text = this.text;
    for (;;) {
      const from = j;
      while (j < this.eol && text.charCodeAt(j) === 0x20) j++;
      if (j < this.eol) {
        if (text.charCodeAt(j) !== 0x23) return j;
        // A comment needs a space or a line start before it.
        if (j === from && text.charCodeAt(j - 1) !== 0x20 && text.charCodeAt(j - 1) !== 0x0a) decline();
        j = this.eol;
        continue;
      }
      if (j >= text.length) decline();
      const lineStart = (text.charCodeAt(j) === 0x0d ? j + 1 : j) + 1;
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      this.eol = text.charCodeAt(lineEnd - 1) === 0x0d && lineEnd > lineStart ? lineEnd - 1 : lineEnd;
      j = lineStart;
      while (j < this.eol && text.charCodeAt(j) === 0x20) j++;
      if (j >= this.eol) continue;
      // `yaml` wants a comment at column 0 after a flow pair separated from it; such lines are rare.
      if (text.charCodeAt(j) === 0x23) {
        if (j === lineStart) decline();
        continue;
      }
      const indent = j - lineStart;
      if (indent < this.parentIndent || (indent === this.parentIndent && !(depth === 1 && text.charCodeAt(j) === this.outerClose))) decline();
    }
  }

  /** `key: value` in a flow map, from `j`: the key, its colon and the start of its value on one line. */
  private pair(j: number, depth: number, keys: Set<string>): YPair {
    const text = this.text;
    const first = text.charCodeAt(j);
    let key: string;
    let keyEnd: number;
    let colon: number;
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? doubleQuoted(text, j, this.eol) : singleQuoted(text, j, this.eol);
      key = quoted.value;
      keyEnd = quoted.end;
      colon = keyEnd;
      while (text.charCodeAt(colon) === 0x20) colon++;
      if (text.charCodeAt(colon) !== 0x3a) decline();
    } else {
      const plain = this.plain(j, true);
      colon = plain.next;
      keyEnd = plain.end;
      key = String(resolvePlain(text.slice(j, keyEnd)));
    }
    if (keys.has(key) || key === '<<') decline();
    keys.add(key);
    let v = colon + 1;
    while (v < this.eol && text.charCodeAt(v) === 0x20) v++;
    const c = text.charCodeAt(v);
    if (v >= this.eol || c === 0x2c || c === 0x7d || c === 0x23) decline();
    const value = this.item(v, depth);
    const keySpan = { start: this.base + j, end: this.base + keyEnd };
    return { key, keySpan, value, span: { start: this.base + j, end: Math.max(value.span.end, keySpan.end) }, flow: true };
  }

  /** A value in a flow collection, from `j`. */
  private item(j: number, depth: number): YNode {
    const text = this.text;
    const first = text.charCodeAt(j);
    if (first === 0x5b || first === 0x7b) return this.collection(j, depth + 1);
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? doubleQuoted(text, j, this.eol) : singleQuoted(text, j, this.eol);
      let after = quoted.end;
      while (text.charCodeAt(after) === 0x20) after++;
      if (text.charCodeAt(after) === 0x3a) decline();
      return scalarNode(this.base, j, quoted.end, quoted.value, first === 0x22 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    }
    const { end } = this.plain(j, false);
    return scalarNode(this.base, j, end, resolvePlain(text.slice(j, end)), 'PLAIN');
  }

  /**
   * A plain scalar from `j`. A value ends at `,`, `]`, `}`, a comment, or its line's end when the next
   * line goes on with `,`, `]` or `}` (else it would continue there); a colon inside it is text when a
   * character other than a space or a flow indicator follows (`host:80`). A key ends at `: `.
   * Anything else is declined.
   */
  private plain(j: number, isKey: boolean): { end: number; next: number } {
    const text = this.text;
    const eol = this.eol;
    const first = text.charCodeAt(j);
    if (isIndicator(first) || (first === 0x2d && (j + 1 >= eol || text.charCodeAt(j + 1) === 0x20))) decline();
    let k = j;
    for (;;) {
      FLOW_STOP.lastIndex = k;
      k = FLOW_STOP.exec(text)?.index ?? eol;
      if (k >= eol) {
        if (isKey || !this.nextLineGoesOn(eol)) decline();
        k = eol;
        break;
      }
      const c = text.charCodeAt(k);
      if (c === 0x2c || c === 0x5d || c === 0x7d) {
        if (isKey) decline();
        break;
      }
      if (c === 0x20) {
        // ` #`: a comment ends a value.
        if (isKey) decline();
        break;
      }
      if (c !== 0x3a) decline();
      const after = text.charCodeAt(k + 1);
      if (isKey && after === 0x20) break;
      if (isKey || k + 1 >= eol || after === 0x20 || after === 0x2c || after === 0x5b || after === 0x5d || after === 0x7b || after === 0x7d) decline();
      k++;
    }
    let end = k;
    while (text.charCodeAt(end - 1) === 0x20) end--;
    return { end, next: k };
  }

  /** The line after the one ending at `eol` starts (after spaces) with `,`, `]` or `}`. */
  private nextLineGoesOn(eol: number): boolean {
    const text = this.text;
    let j = (text.charCodeAt(eol) === 0x0d ? eol + 1 : eol) + 1;
    while (text.charCodeAt(j) === 0x20) j++;
    const c = text.charCodeAt(j);
    return c === 0x2c || c === 0x5d || c === 0x7d;
  }
}
