import { random } from './random';

/**
 * Seeded Kubernetes-like YAML documents and small mutations of them, for the fast-path equivalence
 * test: every shape the fast path reads (nested maps and lists, compact and indented lists, plain,
 * quoted, block and flow values, empty values, comments, blank lines, odd indentation, CRLF) and the
 * near misses it must decline or get right (a stray quote, colon, tab, bracket or indentation).
 */
export class YamlGenerator {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = random(seed);
  }

  /** A document of about `entries` top-level entries. */
  document(entries = 4): string {
    const lines: string[] = [];
    if (this.chance(0.3)) lines.push(this.pick(['---', '--- # doc', '# header', '']));
    const indent = this.pick([2, 2, 2, 4, 3, 1]);
    if (this.chance(0.2)) this.seqBody(lines, 0, indent, 2);
    else this.mapBody(lines, 0, indent, 3, entries);
    if (this.chance(0.3)) lines.push(this.pick(['', '# trailing', '  # indented trailing', '   ']));
    let text = lines.join('\n') + (this.chance(0.8) ? '\n' : '');
    if (this.chance(0.15)) text = text.replace(/\n/g, '\r\n');
    return text;
  }

  /** `text` with 1–3 small edits. */
  mutate(text: string): string {
    let out = text;
    const edits = 1 + Math.floor(this.next() * 3);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(this.next() * (out.length + 1));
      const kind = this.next();
      if (kind < 0.45) out = out.slice(0, at) + this.pick([' ', ':', '-', '#', "'", '"', '|', '>', '{', '}', '[', ']', ',', '\n', '\r', '\t', '&', '*', '!', '?', '%', '\\', '  ', ': ', '- ', ' #', 'x']) + out.slice(at);
      else if (kind < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(this.next() * 3));
      else {
        // Re-indent the line at `at` by one or two columns either way.
        const start = out.lastIndexOf('\n', at - 1) + 1;
        out = this.chance(0.5) ? out.slice(0, start) + ' '.repeat(1 + Math.floor(this.next() * 2)) + out.slice(start) : out.slice(0, start) + out.slice(start).replace(/^ {1,2}/, '');
      }
    }
    return out;
  }

  private mapBody(lines: string[], column: number, indent: number, depth: number, entries: number): void {
    const used = new Set<string>();
    for (let i = 0; i < entries; i++) {
      let key = this.key();
      if (used.has(key) && this.chance(0.9)) key = `${key}${i}`;
      used.add(key);
      this.decorate(lines, column);
      this.mapEntry(lines, ' '.repeat(column) + key, column, indent, depth);
    }
  }

  private seqBody(lines: string[], column: number, indent: number, depth: number): void {
    const items = 1 + Math.floor(this.next() * 4);
    for (let i = 0; i < items; i++) {
      this.decorate(lines, column);
      const dash = ' '.repeat(column) + (this.chance(0.15) ? '-   ' : '- ');
      const r = this.next();
      if (depth > 0 && r < 0.45) {
        // `- key: value` with the rest of the map at the key's column.
        const inner = dash.length;
        const start = lines.length;
        this.mapBody(lines, inner, indent, depth - 1, 1 + Math.floor(this.next() * 3));
        lines[start] = dash + lines[start].slice(inner);
        if (/^\s*#|^\s*$/.test(lines[start].slice(dash.length))) lines[start] = dash.trimEnd();
      } else if (depth > 0 && r < 0.55) {
        lines.push(dash.trimEnd() + this.pick(['', ' # item']));
        this.mapBody(lines, column + indent, indent, depth - 1, 2);
      } else {
        this.value(lines, dash.trimEnd(), column, indent, depth);
      }
    }
  }

  private mapEntry(lines: string[], head: string, column: number, indent: number, depth: number): void {
    const r = this.next();
    if (depth > 0 && r < 0.3) {
      lines.push(head + ':' + this.pick(['', '', ' # nested', '  ']));
      this.mapBody(lines, column + indent, indent, depth - 1, 1 + Math.floor(this.next() * 4));
    } else if (depth > 0 && r < 0.45) {
      lines.push(head + ':' + this.pick(['', '', ' # list']));
      // A list at its key's column (compact) or indented.
      this.seqBody(lines, this.chance(0.5) ? column : column + indent, indent, depth - 1);
    } else {
      this.value(lines, head + ':', column, indent, depth);
    }
  }

  /** A scalar, flow or empty value after `head` (`key:` or `-`). */
  private value(lines: string[], head: string, column: number, indent: number, depth: number): void {
    const r = this.next();
    if (r < 0.08) lines.push(head + this.pick(['', ' ', '   ', ' # empty', '  #x']));
    else if (r < 0.2) this.blockScalar(lines, head, column, indent);
    else if (r < 0.25) lines.push(`${head} ${this.flow(depth)}${this.comment()}`);
    else if (r < 0.3) this.flowLines(lines, head, column, indent, depth);
    else lines.push(`${head} ${this.scalar()}${this.comment()}`);
  }

  private blockScalar(lines: string[], head: string, column: number, indent: number): void {
    const header = this.chance(0.1) ? this.pick(['|+', '|2', '>+']) : this.pick(['|', '>', '|-', '>-']);
    lines.push(`${head} ${header}${this.pick(['', '', ' # script', '  '])}`);
    const pad = ' '.repeat(column + indent + (this.chance(0.2) ? 1 : 0));
    const count = Math.floor(this.next() * 5);
    if (this.chance(0.1)) lines.push(this.pick(['', pad + '  ']));
    for (let i = 0; i < count; i++) {
      const r = this.next();
      if (r < 0.15) lines.push('');
      else if (r < 0.25) lines.push(pad + this.pick(['  ', '      ', ' ']));
      else if (r < 0.3) lines.push(pad + '  ' + this.word() + ' indented');
      else if (r < 0.35) lines.push(pad + '# not a comment');
      else lines.push(pad + this.words() + this.pick(['', '', '  ', ' \\']));
    }
    if (this.chance(0.2)) lines.push(this.pick(['', '   ', ' '.repeat(column) + '# after']));
  }

  /** A flow sequence or map over several lines, JSON-like, with comments and a trailing comma at times. */
  private flowLines(lines: string[], head: string, column: number, indent: number, depth: number): void {
    const map = this.chance(0.3);
    const pad = ' '.repeat(column + indent + (this.chance(0.1) ? -indent : 0));
    lines.push(`${head} ${map ? '{' : '['}${this.pick(['', '', ' # open', ` ${this.pick(SCALARS)},`])}`);
    const items = 1 + Math.floor(this.next() * 4);
    for (let i = 0; i < items; i++) {
      const value = depth > 0 && this.chance(0.15) ? this.flow(depth - 1) : this.pick([`"${this.words()}"`, this.word(), `'${this.word()}'`, '8080', 'a:b']);
      const comma = i < items - 1 || this.chance(0.3) ? ',' : '';
      lines.push(pad + (map ? `k${i}: ` : '') + value + comma + this.pick(['', '', ' # c', '  ']));
      if (this.chance(0.1)) lines.push(this.pick(['', pad + '# between', '#']));
    }
    lines.push(' '.repeat(this.chance(0.7) ? column : column + indent) + (map ? '}' : ']') + this.comment());
  }

  private flow(depth: number): string {
    const items = Math.floor(this.next() * 4);
    const map = this.chance(0.4);
    const parts: string[] = [];
    for (let i = 0; i < items; i++) {
      const value = depth > 0 && this.chance(0.15) ? this.flow(depth - 1) : this.pick([this.word(), `"${this.word()}"`, `'${this.word()}'`, '80', 'true', '1.5', 'http://x:80', 'a b', '-1', 'null', '~']);
      parts.push(map ? `${this.pick([this.word() + i, `"k${i}"`])}: ${value}` : value);
    }
    const sep = this.pick([', ', ',', ' , ']);
    const pad = this.pick(['', ' ']);
    const inner = parts.join(sep) + (this.chance(0.05) ? ',' : '');
    return map ? `{${pad}${inner}${pad}}` : `[${pad}${inner}${pad}]`;
  }

  private scalar(): string {
    if (this.chance(0.03)) return this.pick(HOSTILE_SCALARS);
    return this.pick([this.word(), this.words(), `"${this.words()}"`, `'${this.words()}'`, ...SCALARS]);
  }

  private key(): string {
    return this.chance(0.02) ? this.pick(['<<', '? x', 'a: b', '&a k', '"open']) : this.pick(KEYS);
  }

  private comment(): string {
    return this.pick(['', '', '', ' # comment', '  #c', ' ', this.chance(0.3) ? '#no-space' : '']);
  }

  private decorate(lines: string[], column: number): void {
    const r = this.next();
    if (r < 0.08) lines.push('');
    else if (r < 0.14) lines.push(' '.repeat(Math.max(0, column + this.pick([-2, 0, 0, 2, 5]))) + '# a comment');
    else if (r < 0.16) lines.push('   ');
  }

  private words(): string {
    return Array.from({ length: 1 + Math.floor(this.next() * 3) }, () => this.word()).join(' ');
  }

  private word(): string {
    return this.pick(['app', 'web', 'db', 'value', 'x', 'DATABASE_URL', 'scheme://host/x', 'echo', 'a-b', 'a_b', 'v1.2', '/path', 'some-text']);
  }

  private chance(p: number): boolean {
    return this.next() < p;
  }

  private pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.next() * options.length)];
  }
}

/** Scalars the fast path reads. */
const SCALARS = [
  '"esc \\n \\t \\" \\\\ \\x41 \\u00e9 \\/"', "'it''s'", '""', "''", '8080', '-3', '+7', '0o17', '0x1F', '017', '1.0', '.5', '1e3', '-2.5E-3',
  '.inf', '-.Inf', '.nan', 'true', 'False', 'yes', 'no', 'on', 'null', 'Null', '~', 'registry.example.com/app:1.2.0',
  'http://host:8080/path', 'a#b', '-flag', '--name=value', '${VAR}', '((var))', '10Gi', '1_000', '0.1.2', 'é ü 中文', 'a\u00a0',
];

/** Scalars it must decline or read right: errors, anchors, tags, indicators. */
const HOSTILE_SCALARS = ['value with: colon', '"unclosed', "'also unclosed", '"a" trailing', '*alias', '&anchor value', '!!str 5', '@reserved', '? complex', '%percent', '"bad \\q"', '[a, b', '{a: 1'];

/** Keys, none of which repeats another once resolved (`null` and `~` would). */
const KEYS = ['name', 'image', 'ports', 'env', 'value', 'kind', 'apiVersion', 'metadata', 'spec', 'labels', 'app.kubernetes.io/name', '"quoted key"', "'single'", '80', 'true', 'null', '1.0', 'key with spaces', 'a:b', '-dash', 'x  ', '"a:b"', 'on'];
