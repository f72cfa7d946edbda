import type { Span } from '../sourceFile';
import { FlowReader } from './fastYamlFlow';
import { blockValue, decline, DECLINED, doubleQuoted, isIndicator, resolvePlain, scalarNode, singleQuoted, type Quoted } from './fastYamlScalars';
import type { YMap, YNode, YPair, YScalar, YSeq } from './yamlNodes';

/**
 * A fast path for the YAML that manifests are made of, beside the `yaml` package: one linear pass
 * over a document chunk that builds the {@link YNode} tree directly, with the very spans, values and
 * styles that `yaml` + `convertDocument` give (the equivalence tests hold it to that over the corpus
 * and over generated documents). It accepts a block map or sequence at the root, nested block maps
 * and sequences (`- key: value` items, a sequence at its key's column), keys that are plain or quoted
 * on one line, plain and quoted scalars on one line, `|` and `>` scalars (clip or `-` chomping),
 * flow collections (fastYamlFlow.ts), empty values, comments, blank lines and CRLF.
 *
 * It returns undefined ("declined") for everything else, and then the chunk is parsed by `yaml`, so
 * declining is always safe: anchors, aliases, tags, merge keys, directives, `...`, `?` keys, tabs,
 * control characters, plain or quoted scalars over several lines, `+` chomping and indentation
 * indicators, more-indented folded lines, repeated keys (so that `yaml` reports them), a last entry
 * ending in whitespace (see {@link FastYaml.endsInWhitespace}), any
 * indentation it does not expect, and nesting deeper than {@link MAX_BLOCK_DEPTH} (the parser keeps
 * its own stack, so it never recurses for block levels, and flow levels stop at `MAX_FLOW_DEPTH`).
 */
export function parseFastYaml(text: string, base: number): YNode | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastYaml(text, base).parse();
  } catch (e) {
    if (e === DECLINED) return undefined;
    throw e;
  }
}

/** Block collections nest at most this deep on the fast path (`yaml` itself refuses 200 levels). */
export const MAX_BLOCK_DEPTH = 100;
/** `yaml` rejects implicit keys over 1,024 characters; the fast path leaves long keys to it. */
const MAX_KEY_LENGTH = 1000;

// Characters and lines the fast path never reads: tabs, control and Unicode line-break characters,
// a byte order mark, a lone CR, directives (`%`) and document end markers (`...`).
const WHITESPACE = /\s/;

/** A key on its line: its value, where it ends, and its colon. */
interface Key extends Quoted {
  colon: number;
}

const UNSUPPORTED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)|^(?:%|\.\.\.)/m;

/** An open block collection. */
interface Frame {
  seq: boolean;
  /** The column of its entries. */
  indent: number;
  node: YMap | YSeq;
  /** The pair whose value it is, if any. */
  owner?: YPair;
  /** A sequence at its parent key's column (`ports:` / `- name: …`). */
  compact: boolean;
  /** The keys of a map once it has many (a few are compared one by one). */
  keys?: Set<string>;
}

/** An entry whose value is not on its line: a nested collection on the next lines, or empty. */
interface Pending {
  frame: Frame;
  pair?: YPair;
  /** Where `yaml` puts the empty value: after the indicator and the spaces after it. */
  nullAt: number;
}

class FastYaml {
  private readonly stack: Frame[] = [];
  private readonly flow: FlowReader;
  private root: YMap | YSeq | undefined;
  private pending: Pending | undefined;
  /** The start of the line being read. */
  private lineStart = 0;
  /** Where the line after the last value read starts (a block scalar or flow collection spans lines). */
  private nextLine = 0;
  /** The next `:` and the next ` #` found, with where their searches started: none lies between. */
  private colonFrom = -1;
  private colonAt = -1;
  private hashFrom = -1;
  private hashAt = -1;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {
    this.flow = new FlowReader(text, base);
  }

  parse(): YNode {
    const text = this.text;
    let marker = false;
    for (let ls = 0; ls < text.length; ) {
      const le = this.lineEnd(ls);
      const eol = text.charCodeAt(le - 1) === 0x0d && le > ls ? le - 1 : le;
      const c = this.skipSpaces(ls, eol);
      if (c >= eol || text.charCodeAt(c) === 0x23) {
        ls = le + 1;
        continue;
      }
      if (c === ls && text.startsWith('---', c) && (c + 3 >= eol || text.charCodeAt(c + 3) === 0x20)) {
        if (marker || this.root) decline();
        marker = true;
        this.restOfLine(c + 3, eol);
        ls = le + 1;
        continue;
      }
      this.lineStart = ls;
      ls = this.contentLine(c, eol, le);
    }
    if (this.pending) this.resolveNull(this.pending);
    while (this.stack.length > 0) this.pop();
    return this.root ?? decline();
  }

  /** A line with content at `c`; returns where the next line starts. */
  private contentLine(c: number, eol: number, le: number): number {
    const indent = c - this.lineStart;
    const seqEntry = this.isSeqEntry(c, eol);
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      const owner = pending.frame;
      if (indent > owner.indent || (!owner.seq && indent === owner.indent && seqEntry)) {
        return this.entry(this.open(seqEntry, indent, c, pending.pair), c, eol, le);
      }
      this.resolveNull(pending);
    }
    if (this.stack.length === 0) {
      if (this.root) decline();
      return this.entry(this.open(seqEntry, indent, c, undefined), c, eol, le);
    }
    let top: Frame | undefined = this.stack[this.stack.length - 1];
    while (top && top.indent > indent) top = this.pop();
    if (top && top.seq && top.compact && top.indent === indent && !seqEntry) top = this.pop();
    if (!top || top.indent !== indent || top.seq !== seqEntry) return decline();
    return this.entry(top, c, eol, le);
  }

  /** The entry at `c` of a frame: `- item` or `key: value`. */
  private entry(frame: Frame, c: number, eol: number, le: number): number {
    if (!frame.seq) return this.mapEntry(frame, c, this.key(c, eol) ?? decline(), eol, le);
    const q = this.skipSpaces(c + 1, eol);
    if (q >= eol || this.text.charCodeAt(q) === 0x23) {
      this.pending = { frame, nullAt: q };
      return le + 1;
    }
    if (this.isSeqEntry(q, eol)) decline();
    const key = this.key(q, eol);
    if (key) return this.mapEntry(this.open(false, q - this.lineStart, q, undefined), q, key, eol, le);
    const node = this.inlineValue(q, eol, le, frame.indent);
    (frame.node as YSeq).items.push(node);
    return this.nextLine;
  }

  private mapEntry(frame: Frame, c: number, key: Key, eol: number, le: number): number {
    if (key.value === '<<' || this.repeats(frame, key.value)) decline();
    const keySpan = this.span(c, key.end);
    const pair: YPair = { key: key.value, keySpan, value: undefined, span: this.span(c, key.end), flow: false };
    (frame.node as YMap).pairs.push(pair);
    const q = this.skipSpaces(key.colon + 1, eol);
    if (q >= eol || this.text.charCodeAt(q) === 0x23) {
      this.pending = { frame, pair, nullAt: q };
      return le + 1;
    }
    const node = this.inlineValue(q, eol, le, frame.indent);
    pair.value = node;
    pair.span.end = Math.max(node.span.end, keySpan.end);
    return this.nextLine;
  }

  /** A key at `c` followed by `:` and a space or the line's end; undefined when the line holds no key. */
  private key(c: number, eol: number): Key | undefined {
    const text = this.text;
    const first = text.charCodeAt(c);
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? doubleQuoted(text, c, eol) : singleQuoted(text, c, eol);
      const colon = this.skipSpaces(quoted.end, eol);
      return text.charCodeAt(colon) === 0x3a && this.isBlankOrEnd(colon + 1, eol) ? { ...quoted, colon } : undefined;
    }
    if (isIndicator(first) || (first === 0x2d && this.isBlankOrEnd(c + 1, eol))) return undefined;
    const colon = this.mark(c);
    if (colon >= eol || text.charCodeAt(colon) !== 0x3a) return undefined;
    if (colon - c > MAX_KEY_LENGTH) decline();
    let end = colon;
    while (text.charCodeAt(end - 1) === 0x20) end--;
    return { value: String(resolvePlain(text.slice(c, end))), end, colon };
  }

  /** A value that starts on its entry's line at `q`; {@link nextLine} is then where the next line starts. */
  private inlineValue(q: number, eol: number, le: number, parentIndent: number): YNode {
    const text = this.text;
    const first = text.charCodeAt(q);
    if (first === 0x7c || first === 0x3e) return this.blockScalar(q, eol, le, parentIndent);
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? doubleQuoted(text, q, eol) : singleQuoted(text, q, eol);
      this.restOfLine(quoted.end, eol);
      this.nextLine = le + 1;
      return this.scalar(q, quoted.end, quoted.value, first === 0x22 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    }
    if (first === 0x5b || first === 0x7b) {
      const node = this.flow.read(q, eol, parentIndent);
      const closedAt = this.flow.lineEnd;
      this.restOfLine(node.span.end - this.base, closedAt);
      this.nextLine = (text.charCodeAt(closedAt) === 0x0d ? closedAt + 1 : closedAt) + 1;
      return node;
    }
    if (isIndicator(first) || (first === 0x2d && this.isBlankOrEnd(q + 1, eol))) decline();
    // A plain scalar ends at a comment; `a: b: c` is an error to `yaml`, and `a: b:` a nested key.
    const mark = this.mark(q);
    if (mark < eol && text.charCodeAt(mark) === 0x3a) decline();
    let end = Math.min(mark, eol);
    while (text.charCodeAt(end - 1) === 0x20) end--;
    this.nextLine = le + 1;
    return this.scalar(q, end, resolvePlain(text.slice(q, end)), 'PLAIN');
  }

  /** `|` or `>` at `q` and its lines, more indented than `parentIndent`. */
  private blockScalar(q: number, eol: number, le: number, parentIndent: number): YScalar {
    const text = this.text;
    const folded = text.charCodeAt(q) === 0x3e;
    const chomp = text.charCodeAt(q + 1);
    const strip = chomp === 0x2d;
    if (chomp === 0x2b || (chomp >= 0x30 && chomp <= 0x39)) decline();
    this.restOfLine(strip ? q + 2 : q + 1, eol);
    const lines: string[] = [];
    let indent = -1;
    let last = -1;
    let lastEnd = eol;
    let leadingBlank = 0;
    let spacesOnly = -1;
    let ls = le + 1;
    while (ls < text.length) {
      const lineEnd = this.lineEnd(ls);
      const end = text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
      const sp = this.skipSpaces(ls, end) - ls;
      if (ls + sp >= end) {
        if (indent >= 0 && sp > indent) {
          // A line of spaces only, longer than the indentation: content (spaces) of a literal scalar.
          if (folded) decline();
          spacesOnly = lines.length;
          lines.push(text.slice(ls + indent, end));
        } else {
          if (indent < 0) leadingBlank = Math.max(leadingBlank, sp);
          lines.push('');
        }
        ls = lineEnd + 1;
        continue;
      }
      if (indent < 0) {
        if (sp <= parentIndent) break;
        indent = sp;
        if (leadingBlank > indent) decline();
      } else if (sp < indent) break;
      if (folded && sp > indent) decline();
      last = lines.length;
      lines.push(text.slice(ls + indent, end));
      lastEnd = end;
      ls = lineEnd + 1;
    }
    if (spacesOnly > last) decline();
    let end = lastEnd;
    while (end > q + 1 && /\s/.test(text[end - 1])) end--;
    const value = blockValue(lines, last, folded, strip);
    this.nextLine = ls;
    return this.scalar(q, end, value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL');
  }

  /** Opens a block collection at column `indent`, its first entry at `c`, as the value of `owner` or an item of the top sequence. */
  private open(seq: boolean, indent: number, c: number, owner: YPair | undefined): Frame {
    if (this.stack.length >= MAX_BLOCK_DEPTH) decline();
    const span = this.span(c, c);
    const node: YMap | YSeq = seq ? { type: 'seq', span, flow: false, items: [] } : { type: 'map', span, flow: false, pairs: [] };
    const parent = this.stack[this.stack.length - 1];
    if (owner) owner.value = node;
    else if (parent) (parent.node as YSeq).items.push(node);
    else this.root = node;
    const frame: Frame = { seq, indent, node, owner, compact: seq && !!parent && !parent.seq && parent.indent === indent };
    this.stack.push(frame);
    return frame;
  }

  /** Closes the top collection: its span ends at its last entry, as `contentEnd` makes it. Returns the new top. */
  private pop(): Frame | undefined {
    const frame = this.stack.pop()!;
    const node = frame.node;
    let end = node.span.start;
    const children: { span: Span }[] = node.type === 'map' ? node.pairs : node.items;
    for (const child of children) if (child.span.end > end) end = child.span.end;
    if (this.endsInWhitespace(end - this.base)) decline();
    node.span.end = end;
    if (frame.owner) frame.owner.span.end = Math.max(end, frame.owner.keySpan.end);
    return this.stack[this.stack.length - 1];
  }

  /**
   * `convertDocument` ends a block collection at its last entry, but only at an entry inside `yaml`'s
   * range of the collection with its trailing whitespace (JavaScript's `\s`) trimmed. An entry that
   * ends after such a character (an empty value after trailing spaces, a plain scalar ending in a
   * no-break space) falls outside it unless a comment follows on its line; the fast path declines those.
   */
  private endsInWhitespace(end: number): boolean {
    if (!WHITESPACE.test(this.text[end - 1] ?? '')) return false;
    const eol = this.lineEnd(end);
    const after = this.skipSpaces(end, eol);
    return this.text.charCodeAt(after) !== 0x23;
  }

  /** Whether a map already has the key (as `String` of its value: stricter than `yaml`'s check). */
  private repeats(frame: Frame, key: string): boolean {
    const pairs = (frame.node as YMap).pairs;
    if (!frame.keys) {
      if (pairs.length < 16) return pairs.some((p) => p.key === key);
      frame.keys = new Set(pairs.map((p) => p.key));
    }
    if (frame.keys.has(key)) return true;
    frame.keys.add(key);
    return false;
  }

  /** An entry with no value on its line and no nested collection after it: `yaml`'s empty (null) scalar. */
  private resolveNull(pending: Pending): void {
    const node = this.scalar(pending.nullAt, pending.nullAt, null, 'PLAIN');
    if (pending.pair) {
      pending.pair.value = node;
      pending.pair.span.end = Math.max(node.span.end, pending.pair.keySpan.end);
    } else (pending.frame.node as YSeq).items.push(node);
  }

  private scalar(start: number, end: number, value: string | number | boolean | null, style: string): YScalar {
    return scalarNode(this.base, start, end, value, style);
  }

  private span(start: number, end: number): Span {
    return { start: this.base + start, end: this.base + end };
  }

  /** After a complete value: only spaces and a comment may follow on its line. */
  private restOfLine(at: number, eol: number): void {
    const r = this.skipSpaces(at, eol);
    if (r < eol && !(this.text.charCodeAt(r) === 0x23 && r > at)) decline();
  }

  /**
   * The next place at or after `from` where a plain scalar stops: a `:` followed by a space or a line
   * break (a value indicator) or a ` #` (a comment; the offset of its space). Native searches
   * (`indexOf`, fast before the JIT warms up) whose results are kept, so the scans of one chunk never
   * overlap: linear however long its lines.
   */
  private mark(from: number): number {
    const text = this.text;
    if (from < this.hashFrom || from > this.hashAt) {
      this.hashFrom = from;
      const hash = text.indexOf(' #', from);
      this.hashAt = hash === -1 ? text.length : hash;
    }
    let colon = from;
    for (;;) {
      if (colon < this.colonFrom || colon > this.colonAt) {
        this.colonFrom = colon;
        const found = text.indexOf(':', colon);
        this.colonAt = found === -1 ? text.length : found;
      }
      colon = this.colonAt;
      if (colon >= this.hashAt) return this.hashAt;
      const after = text.charCodeAt(colon + 1);
      if (after === 0x20 || after === 0x0a || after === 0x0d || colon + 1 >= text.length) return colon;
      colon++;
    }
  }

  private isSeqEntry(c: number, eol: number): boolean {
    return this.text.charCodeAt(c) === 0x2d && this.isBlankOrEnd(c + 1, eol);
  }

  private isBlankOrEnd(at: number, eol: number): boolean {
    return at >= eol || this.text.charCodeAt(at) === 0x20;
  }

  private skipSpaces(at: number, eol: number): number {
    while (at < eol && this.text.charCodeAt(at) === 0x20) at++;
    return at;
  }

  private lineEnd(ls: number): number {
    const newline = this.text.indexOf('\n', ls);
    return newline === -1 ? this.text.length : newline;
  }
}
