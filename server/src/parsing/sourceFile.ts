/** A half-open range of UTF-16 offsets into a file's text: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A string read from a file, with the span it was read from. */
export interface SpannedValue {
  value: string;
  span: Span;
}

/** A 0-based line and UTF-16 character, the same shape as an LSP position. */
export interface Position {
  line: number;
  character: number;
}

/** A start and end position, the same shape as an LSP range. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * The text of one file with its line index. This is the only place that turns offsets into
 * line/character positions and back; models carry spans, and everything else calls {@link SourceFile.rangeOf}.
 */
export class SourceFile {
  private readonly lineStarts: number[];

  /**
   * @param path absolute path (or a URI-like name for unsaved documents)
   * @param text the full text
   * @param version the editor's document version; 0 for files read from disk
   */
  constructor(
    readonly path: string,
    readonly text: string,
    readonly version = 0,
  ) {
    this.lineStarts = computeLineStarts(text);
  }

  /** Number of lines, counting a trailing empty line after a final line break. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The offset of a position, clamped to the line's content (a character past the end lands on the line end). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const span = this.lineSpan(position.line);
    return Math.min(span.start + Math.max(0, position.character), span.end);
  }

  /** The one span → range conversion. */
  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(Math.max(span.start, span.end)) };
  }

  /** The span of a line's content, without its line break. */
  lineSpan(line: number): Span {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    if (end > start && this.text[end - 1] === '\n') end--;
    if (end > start && this.text[end - 1] === '\r') end--;
    return { start, end };
  }

  /** The content of a line, without its line break. */
  lineText(line: number): string {
    const span = this.lineSpan(line);
    return this.text.slice(span.start, span.end);
  }

  /** The line an offset falls on. */
  lineAt(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** The text a span covers. */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The line break this file mostly uses, for inserted lines. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // indexOf scans in native code; most files have no carriage return at all.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A span from two offsets. */
export function span(start: number, end: number): Span {
  return { start, end };
}
